using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using PovertyPortal.Data;

namespace PovertyPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own, which a test may stop and start again (a database outage), on
/// PORTAL_TEST_OWN_PG_PORT or else a free port; never the shared server of the other tests.
/// </summary>
public sealed class OwnPostgreSqlCluster
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "povertyportal-tests", $"pg-{Guid.NewGuid():N}");
    private readonly string bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).First() + "/bin";

    public int Port { get; } = int.TryParse(Environment.GetEnvironmentVariable("PORTAL_TEST_OWN_PG_PORT"), out var port) ? port : FreePort();

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=5";

    public void Create()
    {
        Directory.CreateDirectory(directory);
        if (IsRoot) Run("chown", "postgres", directory);
        Postgres("initdb", $"-D {directory} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
    }

    public void Start() =>
        Postgres("pg_ctl", $"-D {directory} -l {directory}/log -w start -o '-p {Port} -c listen_addresses=127.0.0.1 -k {directory} -c fsync=off'");

    /// <summary>A fast shutdown: open connections are cut, as when the server goes away.</summary>
    public void Stop() => Postgres("pg_ctl", $"-D {directory} -w stop -m fast");

    public void Remove()
    {
        try { Stop(); } catch (InvalidOperationException) { }
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private void Postgres(string tool, string arguments)
    {
        var command = $"{bin}/{tool} {arguments}";
        if (IsRoot) Run("su", "postgres", "-s", "/bin/sh", "-c", command);
        else Run("/bin/sh", "-c", command);
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)}: {errors.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The portal on a cluster of its own, with short retries so that an outage shows within seconds.</summary>
public sealed class OwnClusterAppFixture : PortalAppFixture
{
    public OwnPostgreSqlCluster Cluster { get; } = new();

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override async Task<string> CreateDatabaseAsync()
    {
        Cluster.Create();
        Cluster.Start();
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE DATABASE portal", connection);
        await command.ExecuteNonQueryAsync();
        return Cluster.ConnectionString("portal");
    }

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
