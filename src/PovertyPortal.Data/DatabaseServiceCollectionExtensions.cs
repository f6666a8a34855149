using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data.Encryption;

namespace PovertyPortal.Data;

/// <summary>The three supported databases; SQLite is the embedded default.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers a scoped <see cref="IDbContextFactory{PortalDbContext}"/>: each context it makes is bound to the
    /// <see cref="IAreaScopeSource"/> of the current DI scope (the user's circuit or request).
    /// </summary>
    public static IServiceCollection AddPortalDatabase(
        this IServiceCollection services, IConfiguration configuration, string defaultSqliteConnectionString)
    {
        var (provider, connectionString) = ReadSettings(configuration, defaultSqliteConnectionString);
        var retry = DatabaseRetry.From(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new PersonalDataCipher(PersonalDataKeyRing.LoadOrCreate(PersonalDataKeyFile(configuration))));
        services.AddDbContextFactory<PortalDbContext>(
            (sp, options) => Configure(options, provider, connectionString, sp.GetRequiredService<PersonalDataCipher>(), retry)
                .AddInterceptors(Interceptors(sp.GetRequiredService<TimeProvider>())),
            ServiceLifetime.Scoped);
        return services;
    }

    /// <summary>
    /// The interceptors every portal context needs (audit fields and scope check, year locks, stored household size, dashboard tallies). Contexts
    /// made outside DI (tests, benchmarks) take them from here so that they write the rows the portal writes.
    /// </summary>
    public static IInterceptor[] Interceptors(TimeProvider clock) =>
        [new AuditSaveChangesInterceptor(clock), new YearLockInterceptor(), new HouseholdSizeInterceptor(), new DashboardTallyInterceptor()];

    /// <summary>The key file of decision 0016: PersonalData:KeyFile, else a file in the account's settings folder, apart from the data folder.</summary>
    public static string PersonalDataKeyFile(IConfiguration configuration) =>
        configuration["PersonalData:KeyFile"] is { Length: > 0 } path ? Path.GetFullPath(path) : PersonalDataKeyRing.DefaultPath;

    public static (DatabaseProvider Provider, string ConnectionString) ReadSettings(
        IConfiguration configuration, string defaultSqliteConnectionString)
    {
        var name = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException(
                $"配置项 Database:Provider 的值“{name}”无效，应为 Sqlite、PostgreSql 或 SqlServer。");
        }
        var connectionString = configuration.GetConnectionString(provider.ToString())
            ?? (provider == DatabaseProvider.Sqlite ? defaultSqliteConnectionString
                : throw new InvalidOperationException($"缺少连接字符串 ConnectionStrings:{provider}。"));
        return (provider, connectionString);
    }

    public static DbContextOptionsBuilder Configure(
        DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, PersonalDataCipher cipher, DatabaseRetry? retry = null) =>
        ConfigureProvider(options.UsePersonalDataCipher(cipher), provider, connectionString, retry ?? DatabaseRetry.Default);

    /// <summary>
    /// PostgreSQL and SQL Server retry a command that failed on a dropped connection or a restarting server (decision
    /// 0019); SQLite is a file and has nothing to retry. With retries on, every transaction a caller begins must run
    /// inside the execution strategy (<see cref="DatabaseFaults.InTransactionAsync"/>).
    /// </summary>
    private static DbContextOptionsBuilder ConfigureProvider(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, DatabaseRetry retry) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString,
                o => o.MigrationsAssembly("PovertyPortal.Migrations.Sqlite")),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString,
                o => o.MigrationsAssembly("PovertyPortal.Migrations.PostgreSql").EnableRetryOnFailure(retry.Count, retry.MaxDelay, null)),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString,
                o => o.MigrationsAssembly("PovertyPortal.Migrations.SqlServer").EnableRetryOnFailure(retry.Count, retry.MaxDelay, null)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
}

/// <summary>
/// How often and how long a failed command is retried: Database:RetryCount (default 4) and Database:MaxRetryDelaySeconds
/// (default 5). EF Core waits 0, 1, 3, 7 … seconds between attempts, each wait at most the maximum: about 9 seconds in
/// all by default before a form says that its save did not happen.
/// </summary>
public sealed record DatabaseRetry(int Count, TimeSpan MaxDelay)
{
    public static DatabaseRetry Default { get; } = new(4, TimeSpan.FromSeconds(5));

    public static DatabaseRetry From(IConfiguration configuration) => new(
        configuration.GetValue("Database:RetryCount", Default.Count),
        TimeSpan.FromSeconds(configuration.GetValue("Database:MaxRetryDelaySeconds", Default.MaxDelay.TotalSeconds)));
}
