using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

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

    /// <summary>Makes and starts the cluster with one empty database; returns that database's connection string.</summary>
    public async Task<string> StartWithDatabaseAsync(string database)
    {
        Create();
        Start();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(database);
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
