using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;

namespace PovertyPortal.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db",
            // The model's shape does not depend on the key; a throwaway one will do.
            new PersonalDataCipher(PersonalDataKeyRing.Generate()));
        return new PortalDbContext(options.Options, new SystemScopeSource("design-time"));
    }
}
