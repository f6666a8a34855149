using System.Runtime.CompilerServices;

// The integration tests call NewHouseholdRows directly to show that it refuses rows outside the context's scope,
// which the import's plan never hands it.
[assembly: InternalsVisibleTo("PovertyPortal.IntegrationTests")]
