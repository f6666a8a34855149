using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Web.Features.Rectification;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// `--ledger-once`: one page of the rectification ledger (issue 17: p95 ≤ 100 ms for a county round of 25 townships,
/// 300 villages, 7,500 sampled households and 40,000 answers) as a county supervisor and a township official ask for
/// it, 50 runs after 3, on a fresh database of its own: the county's areas and <see cref="Problems"/> problems
/// (every 不达标 answer of such a round sent to the ledger, at one in ten, plus as many again from other sources), in
/// every state, deadlines spread two months either side of today.
/// </summary>
public static class LedgerListMeasurement
{
    public const int Problems = 8_000;
    private const int Townships = 25;
    private const int VillagesPerTownship = 12;
    private const int Runs = 50;

    public static async Task RunAsync()
    {
        await RunAsync(DatabaseProvider.Sqlite, "");
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is { Length: > 0 } server) await RunAsync(DatabaseProvider.PostgreSql, server);
    }

    private static async Task RunAsync(DatabaseProvider provider, string server)
    {
        var connectionString = await FreshDatabaseAsync(provider, server);
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, provider, connectionString, new PersonalDataCipher(PersonalDataKeyRing.Generate()))
            .AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System));
        var (county, township, village) = await SeedAsync(options.Options);

        var user = new CurrentUser(new Anonymous());
        var views = new (string Name, AreaScope Scope, ListProblems.Query Query)[]
        {
            ("county, first page", AreaScope.County(county), new()),
            ("county, overdue", AreaScope.County(county), new() { Due = ListProblems.Due.Overdue }),
            ("county, due soon", AreaScope.County(county), new() { Due = ListProblems.Due.DueSoon }),
            ("county, 待核验", AreaScope.County(county), new() { Status = ProblemStatus.Fixed }),
            ("county, text", AreaScope.County(county), new() { Text = "护栏" }),
            ("county, page 100", AreaScope.County(county), new() { Page = 100 }),
            ("township, first page", AreaScope.Township(county, township), new()),
            ("township, overdue", AreaScope.Township(county, township), new() { Due = ListProblems.Due.Overdue }),
            ("village, first page", AreaScope.Village(county, township, village), new()),
        };
        Console.WriteLine($"== {provider}: {Problems} problems, {Townships} townships, {Townships * VillagesPerTownship} villages");
        foreach (var (name, scope, query) in views)
        {
            var handler = new ListProblems(new Factory(options.Options, new FixedScope(scope)), user, TimeProvider.System);
            var result = await handler.HandleAsync(query);
            for (var i = 0; i < 2; i++) await handler.HandleAsync(query);
            var times = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await handler.HandleAsync(query);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} total {result.TotalCount,5}  p50 {times[Runs / 2],6:F1}  p95 {times[(int)Math.Ceiling(Runs * 0.95) - 1],6:F1}  max {times[^1],6:F1} ms"));
        }
    }

    private static async Task<(int County, int Township, int Village)> SeedAsync(DbContextOptions<PortalDbContext> options)
    {
        await using var db = new PortalDbContext(options, new SystemScopeSource("bench"));
        await db.Database.MigrateAsync();
        var county = new County { AdminCode = "429900000000", Name = "台账测试县" };
        for (var t = 1; t <= Townships; t++)
        {
            var township = new Township { AdminCode = $"4299001{t:00}000", Name = $"第{t}镇", County = county };
            for (var v = 1; v <= VillagesPerTownship; v++)
            {
                township.Villages.Add(new Village { AdminCode = $"4299001{t:00}{v:000}", Name = $"第{t}镇{v}村", County = county, Township = township });
            }
            county.Townships.Add(township);
        }
        db.Counties.Add(county);
        await db.SaveChangesAsync();

        var villages = county.Townships.SelectMany(t => t.Villages).ToList();
        var today = PortalYears.Today(TimeProvider.System);
        var random = new Random(17);
        string[] texts = ["村道护栏缺失", "户信息与系统不一致", "慢病签约未落实", "工作日志不全", "项目资金拨付滞后", "住房安全隐患"];
        var statuses = new[] { ProblemStatus.Pending, ProblemStatus.InProgress, ProblemStatus.InProgress, ProblemStatus.Fixed, ProblemStatus.Closed, ProblemStatus.Closed };
        for (var i = 0; i < Problems; i++)
        {
            var village = villages[random.Next(villages.Count)];
            // One in ten is the township's own, without a village.
            var own = random.Next(10) == 0;
            var problem = Problem.Raise(i % 2 == 0 ? ProblemSource.CrossInspection : ProblemSource.SelfCheck, county.Id, village.TownshipId,
                own ? null : village.Id, null, $"{texts[i % texts.Length]}（{i}）",
                new ProblemAssignment("驻村工作队", "责任人", null, today.AddDays(random.Next(-60, 61))), today.AddDays(-70));
            problem.Area = (ChecklistArea)(i % 8);
            problem.Status = statuses[random.Next(statuses.Length)];
            db.Problems.Add(problem);
            if (i % 1000 == 999) await db.SaveChangesAsync();
        }
        await db.SaveChangesAsync();
        var first = county.Townships.OrderBy(t => t.AdminCode).First();
        return (county.Id, first.Id, first.Villages.OrderBy(v => v.AdminCode).First().Id);
    }

    internal static async Task<string> FreshDatabaseAsync(DatabaseProvider provider, string server)
    {
        if (provider == DatabaseProvider.Sqlite) return $"Data Source={Path.Combine(Path.GetTempPath(), $"ledger-bench-{Guid.NewGuid():N}.db")}";
        var name = $"ledger_bench_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Nobody signed in: the ledger's "我负责的" is not asked, and the scope comes from the context.</summary>
    private sealed class Anonymous : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal()));
    }

    internal sealed class FixedScope(AreaScope scope) : IAreaScopeSource
    {
        public AreaScope Scope => scope;
        public string? UserName => "benchmark";
    }

    internal sealed class Factory(DbContextOptions<PortalDbContext> options, IAreaScopeSource scope) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(options, scope);
    }
}
