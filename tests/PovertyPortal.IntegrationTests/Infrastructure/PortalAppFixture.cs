using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;

namespace PovertyPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal (Program.cs, migrations, demo data) on a fresh database of one provider. The same test classes
/// run against <see cref="SqliteAppFixture"/> and <see cref="PostgreSqlAppFixture"/>.
/// </summary>
public abstract class PortalAppFixture : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "povertyportal-tests", Guid.NewGuid().ToString("N"));

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    public abstract DatabaseProvider Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        var connectionString = ConnectionString = await CreateDatabaseAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            // Apart from the data folder, as in production: the raw-database tests read that folder for plain IDs.
            builder.UseSetting("PersonalData:KeyFile", OwnKeyFile ? Path.Combine(dataDirectory + "-keys", "personal-data-keys.json") : TestKeys.SharedKeyFile);
            builder.UseSetting("Database:Provider", Provider.ToString());
            builder.UseSetting($"ConnectionStrings:{Provider}", connectionString);
            builder.UseSetting("Database:MigrateOnStart", "true");
            builder.UseSetting("Demo:Enabled", "true");
            // The nightly data checks would run over the shared demo county at 02:30; tests run them themselves.
            builder.UseSetting("DataChecks:Nightly", "false");
            builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(dataDirectory, "keys"));
            ConfigureWebHost(builder);
        });
        // Starting the host runs migrations and the demo loader, as a first `dotnet run` does.
        _ = Factory.Services;
    }

    /// <summary>
    /// Whether this portal has a key file of its own. The others share one: EF Core builds a model and service provider
    /// per key ring, and warns (as an error) past twenty in a process.
    /// </summary>
    protected virtual bool OwnKeyFile => false;

    protected virtual void ConfigureWebHost(IWebHostBuilder builder)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await DropDatabaseAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        try { Directory.Delete(dataDirectory + "-keys", recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    /// <summary>A DI scope acting as the named user, the way a Blazor circuit of that user does.</summary>
    public async Task<AsyncServiceScope> ScopeForAsync(string userName)
    {
        var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no user {userName}");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>A context that sees everything, for arranging and checking data behind the handlers' backs.</summary>
    public PortalDbContext SystemDb()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        // With the portal's interceptors, so that a test's own writes keep the stored counts and tallies right.
        DatabaseServiceCollectionExtensions.Configure(options, Provider, ConnectionString, Cipher)
            .AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System));
        return new PortalDbContext(options.Options, new SystemScopeSource("test"));
    }

    public string ConnectionString { get; private set; } = "";

    /// <summary>The portal's own cipher: contexts made by a test read and write personal data as the portal does.</summary>
    public PersonalDataCipher Cipher => Factory.Services.GetRequiredService<PersonalDataCipher>();
}

public class SqliteAppFixture : PortalAppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(Path.GetTempPath(), "povertyportal-tests", $"{Guid.NewGuid():N}.db")};Pooling=false");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}

public class PostgreSqlAppFixture : PortalAppFixture
{
    private readonly string databaseName = $"portal_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary>The server ./eng/test.sh starts; any PostgreSQL 13+ where the user may create databases will do.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "PostgreSQL 测试需要数据库服务器：请用 ./eng/test.sh 运行测试（它会启动一个临时 PostgreSQL），" +
            "或把环境变量 PORTAL_TEST_POSTGRES 设为可建库的连接字符串。");

    protected override async Task<string> CreateDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = databaseName }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A portal with a key file of its own, for a test that rotates it.</summary>
public sealed class SqliteOwnKeysAppFixture : SqliteAppFixture
{
    protected override bool OwnKeyFile => true;
}

/// <summary>A portal with a key file of its own, for a test that rotates it.</summary>
public sealed class PostgreSqlOwnKeysAppFixture : PostgreSqlAppFixture
{
    protected override bool OwnKeyFile => true;
}

/// <summary>The personal-data keys of the test run.</summary>
public static class TestKeys
{
    /// <summary>The key file the portals of this run share, written once before the first of them starts.</summary>
    public static string SharedKeyFile { get; } = WriteSharedKeyFile();

    /// <summary>Keys that encrypted nothing in any test database: a portal started with them must refuse.</summary>
    public static PersonalDataCipher Unrelated { get; } = new(PersonalDataKeyRing.Generate());

    private static string WriteSharedKeyFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "povertyportal-tests", $"keys-{Environment.ProcessId}", "personal-data-keys.json");
        PersonalDataKeyRing.Generate().Save(path);
        return path;
    }
}
