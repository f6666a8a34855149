namespace PovertyPortal.Web.Identity;

/// <summary>
/// When the user of this circuit last gave real input, as idle-logout.js reports it through InputActivityReporter.
/// The revalidating authentication state provider signs an idle circuit out on the server, whatever the browser's
/// script does (等保2.0: 30 minutes).
/// </summary>
public sealed class CircuitActivity(TimeProvider clock)
{
    public DateTimeOffset LastActivity { get; private set; } = clock.GetUtcNow();

    public void Touch() => LastActivity = clock.GetUtcNow();

    public bool IsIdle => clock.GetUtcNow() - LastActivity >= IdentityServiceCollectionExtensions.IdleTimeout;
}
