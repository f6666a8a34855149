using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;

namespace PovertyPortal.IntegrationTests;

public sealed class ModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=none")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=none;TrustServerCertificate=true")]
    public void Every_provider_has_a_migration_for_the_current_model(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, provider, connectionString, Infrastructure.TestKeys.Unrelated);
        using var db = new PortalDbContext(options.Options, new SystemScopeSource());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{provider}: the model has changes without a migration; run eng/add-migration.sh NAME");
    }
}
