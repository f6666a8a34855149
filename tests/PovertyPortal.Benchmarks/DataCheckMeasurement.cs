using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Web.Features.DataChecks;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// `--checks-once`: every data-check rule over the 300,000-household synthetic county (issue 18: ≤ 60 s on SQLite and
/// PostgreSQL) and over one village (≤ 1 s), through RunDataChecks as the nightly job runs it: the first county run
/// (every finding new), a second (every finding seen again), then the village three times. Per rule: records found,
/// query time and write time. The support rows of the dashboard benchmark (incomes, benefits, loans, checks, teams)
/// are added first when missing.
/// </summary>
public static class DataCheckMeasurement
{
    public static async Task RunAsync()
    {
        foreach (var provider in BenchDatabase.Configured())
        {
            var database = await BenchDatabase.OpenAsync(provider);
            await DashboardBenchData.EnsureSupportRowsAsync(database);
            await using (var db = database.NewContext(AreaScope.All))
            {
                // A fresh start: findings and runs of earlier measurements would make the first run a second one.
                await db.DataCheckFindings.Where(f => f.CountyId == database.CountyId).ExecuteDeleteAsync();
                await db.DataCheckRuns.Where(r => r.CountyId == database.CountyId).ExecuteDeleteAsync();
            }
            var run = new RunDataChecks(new BenchFactory(database), database.Options, new DataCheckRules(),
                new CurrentUser(new LedgerListMeasurement.Anonymous()), new AuditLog(database.Options, TimeProvider.System, new ClientAddress(new HttpContextAccessor())),
                TimeProvider.System, NullLogger<RunDataChecks>.Instance);
            Console.WriteLine($"== {provider}: {database.Households:N0} households, {database.Members:N0} members");
            var village = AreaScope.Village(database.CountyId, database.TownshipId, database.VillageId);
            if (Environment.GetEnvironmentVariable("PORTAL_BENCH_VILLAGE_ONLY") == "1")
            {
                // Only the village (with PORTAL_BENCH_SQL=1: its SQL and each command's time).
                var once = await run.RunAsync(village, DataCheckTrigger.OnDemand, "benchmark");
                Print("village", once);
                foreach (var r in once.Rules.OrderByDescending(r => r.Query + r.Write).Take(12))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {r.Code}  found {r.Found,5}  query {r.Query.TotalMilliseconds,7:N0} ms  write {r.Write.TotalMilliseconds,5:N0} ms"));
                }
                continue;
            }
            var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
            var first = await run.RunAsync(AreaScope.County(database.CountyId), DataCheckTrigger.Nightly, "benchmark");
            Print("county, first run", first);
            var second = await run.RunAsync(AreaScope.County(database.CountyId), DataCheckTrigger.Nightly, "benchmark");
            Print("county, second run", second);
            foreach (var rule in second.Rules.OrderByDescending(r => r.Query + r.Write))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   {rule.Code}  found {rule.Found,7:N0}  query {rule.Query.TotalMilliseconds,8:N0} ms  write {rule.Write.TotalMilliseconds,7:N0} ms   (first run: query {first.Rules.Single(r => r.Code == rule.Code).Query.TotalMilliseconds:N0}, write {first.Rules.Single(r => r.Code == rule.Code).Write.TotalMilliseconds:N0})"));
            }
            Console.WriteLine($"   peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MB (before the runs {peakBefore / 1048576:N0} MB)");
            RunDataChecks.Outcome? last = null;
            for (var i = 1; i <= 3; i++) Print($"village, run {i}", last = await run.RunAsync(village, DataCheckTrigger.OnDemand, "benchmark"));
            Console.WriteLine("   slowest in the village: " + string.Join(", ", last!.Rules.OrderByDescending(r => r.Query + r.Write).Take(8)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Code} {(r.Query + r.Write).TotalMilliseconds:N0} ms"))));
        }
    }

    private static void Print(string name, RunDataChecks.Outcome o) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-20} {o.Took.TotalSeconds,6:N1} s  rules {o.RulesRun}  open {o.OpenFindings:N0}  new {o.NewFindings:N0}  resolved {o.ResolvedFindings:N0}  (queries {o.Rules.Sum(r => r.Query.TotalSeconds):N1} s, writes {o.Rules.Sum(r => r.Write.TotalSeconds):N1} s)"));

    private sealed class BenchFactory(BenchDatabase database) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => database.NewContext(AreaScope.All);
    }
}
