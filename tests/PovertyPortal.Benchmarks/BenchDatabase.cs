using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// A database made by `-- generate-county`, named by an environment variable, and what the benchmarks look up in
/// it: the synthetic county (AdminCode 4299…), its first township and village, and real search texts.
/// </summary>
public sealed class BenchDatabase
{
    public const string SqliteVariable = "PORTAL_BENCH_SQLITE";
    public const string PostgresVariable = "PORTAL_BENCH_POSTGRES";

    private BenchDatabase(DatabaseProvider provider, DbContextOptions<PortalDbContext> options)
    {
        Provider = provider;
        Options = options;
    }

    public DatabaseProvider Provider { get; }
    public DbContextOptions<PortalDbContext> Options { get; }
    public int CountyId { get; private set; }
    public int TownshipId { get; private set; }
    public int VillageId { get; private set; }
    public string HouseholdNumberPrefix { get; private set; } = "";
    public string MemberName { get; private set; } = "";
    public string ResidentIdTail { get; private set; } = "";
    public string ResidentId { get; private set; } = "";
    public int Households { get; private set; }
    public int Members { get; private set; }

    /// <summary>The providers whose connection string is set in the environment.</summary>
    public static IEnumerable<DatabaseProvider> Configured()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SqliteVariable))) yield return DatabaseProvider.Sqlite;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable))) yield return DatabaseProvider.PostgreSql;
    }

    public static async Task<BenchDatabase> OpenAsync(DatabaseProvider provider)
    {
        var variable = provider == DatabaseProvider.Sqlite ? SqliteVariable : PostgresVariable;
        var connectionString = Environment.GetEnvironmentVariable(variable)
            ?? throw new InvalidOperationException($"Set {variable} to the connection string of a database made by generate-county.");
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        // The key file generate-county's portal wrote with (PersonalData__KeyFile, as the portal reads it, or its default).
        var keyFile = Environment.GetEnvironmentVariable("PersonalData__KeyFile") is { Length: > 0 } path ? path : PersonalDataKeyRing.DefaultPath;
        DatabaseServiceCollectionExtensions.Configure(builder, provider, connectionString, new PersonalDataCipher(PersonalDataKeyRing.Load(keyFile)));
        if (Environment.GetEnvironmentVariable("PORTAL_BENCH_SQL") == "1") builder.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted]);
        var database = new BenchDatabase(provider, builder.Options);
        await database.LocateAsync();
        return database;
    }

    public PortalDbContext NewContext(AreaScope scope) => new(Options, new FixedScope(scope));

    public AreaScope Scope(string level) =>
        level == "Township" ? AreaScope.Township(CountyId, TownshipId) : AreaScope.County(CountyId);

    private async Task LocateAsync()
    {
        await using var db = NewContext(AreaScope.All);
        var county = await db.Counties.Where(c => c.AdminCode.StartsWith("4299")).OrderBy(c => c.AdminCode).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("No synthetic county (AdminCode 4299…) in this database: run generate-county first.");
        CountyId = county.Id;
        TownshipId = await db.Townships.Where(t => t.CountyId == county.Id).OrderBy(t => t.AdminCode).Select(t => t.Id).FirstAsync();
        VillageId = await db.Villages.Where(v => v.TownshipId == TownshipId).OrderBy(v => v.AdminCode).Select(v => v.Id).FirstAsync();

        // A household in the middle of the township's third village: its number's first 14 characters (about 100
        // households), its head's name and the last four characters of the head's ID.
        var villageIds = await db.Villages.Where(v => v.TownshipId == TownshipId).OrderBy(v => v.AdminCode).Select(v => v.Id).Take(3).ToListAsync();
        var probeVillage = villageIds[^1];
        var middle = await db.Households.CountAsync(h => h.VillageId == probeVillage) / 2;
        var probe = await db.Households.Where(h => h.VillageId == probeVillage).OrderBy(h => h.HouseholdNumber).Skip(middle)
            .Select(h => new { h.HouseholdNumber, Head = h.Members.Where(m => m.Relationship == Relationship.Head).Select(m => new { m.Name, m.ResidentIdTail, m.ResidentId }).First() })
            .FirstAsync();
        HouseholdNumberPrefix = probe.HouseholdNumber[..14];
        MemberName = probe.Head.Name;
        ResidentIdTail = probe.Head.ResidentIdTail;
        ResidentId = probe.Head.ResidentId;
        Households = await db.Households.CountAsync(h => h.CountyId == CountyId);
        Members = await db.Members.CountAsync(m => m.CountyId == CountyId);
    }

    private sealed class FixedScope(AreaScope scope) : IAreaScopeSource
    {
        public AreaScope Scope => scope;
        public string? UserName => "benchmark";
    }
}

/// <summary>What a Blazor circuit's factory does: each context is bound to the user's scope.</summary>
public sealed class ScopedContextFactory(BenchDatabase database, AreaScope scope) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => database.NewContext(scope);
}
