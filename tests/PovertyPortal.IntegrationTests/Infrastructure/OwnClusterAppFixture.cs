using Microsoft.AspNetCore.Hosting;
using Npgsql;
using PovertyPortal.Data;

namespace PovertyPortal.IntegrationTests.Infrastructure;

/// <summary>The portal on a cluster of its own, with short retries so that an outage shows within seconds.</summary>
public sealed class OwnClusterAppFixture : PortalAppFixture
{
    public OwnPostgreSqlCluster Cluster { get; } = new();

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override Task<string> CreateDatabaseAsync() => Cluster.StartWithDatabaseAsync("portal");

    protected override Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Cluster.Remove();
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:RetryCount", "2");
        builder.UseSetting("Database:MaxRetryDelaySeconds", "1");
        builder.UseSetting("Database:StartRetrySeconds", "1");
    }
}
