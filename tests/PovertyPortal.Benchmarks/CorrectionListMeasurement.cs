using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Data;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// `--correction-once`: the community-correction task list and case list (issue 19: p95 ≤ 100 ms at 5,000 subjects with
/// five years of records) as the county justice bureau and a 司法所 ask for them, 50 runs after 3, on a fresh database
/// of its own filled by <see cref="CorrectionBenchData"/>.
/// </summary>
public static class CorrectionListMeasurement
{
    public static async Task RunAsync(bool demoOnly = false)
    {
        if (demoOnly)
        {
            await DemoSizedAsync(await LedgerListMeasurement.FreshOptionsAsync(DatabaseProvider.Sqlite, "", "correction"));
            return;
        }
        await RunAsync(DatabaseProvider.Sqlite, "");
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is { Length: > 0 } server) await RunAsync(DatabaseProvider.PostgreSql, server);
    }

    private static async Task RunAsync(DatabaseProvider provider, string server)
    {
        var options = await LedgerListMeasurement.FreshOptionsAsync(provider, server, "correction");
        var demo = await DemoSizedAsync(options);
        var seeded = await CorrectionBenchData.SeedAsync(options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {provider}: {CorrectionBenchData.Subjects} subjects ({seeded.Active} active), {seeded.Rows} rows, {LedgerListMeasurement.Townships} townships; generated in {seeded.Took.TotalSeconds:F1} s; "
            + $"the demo's {demo.Cases} cases loaded in {demo.First.TotalMilliseconds:F0} ms (first in the process), again in {demo.Again.TotalMilliseconds:F0} ms"));
    }

    /// <summary>The demo loader's cases (CorrectionDemoSeeder, < 1 s) on two small counties of their own: the first pays for EF's first inserts of these tables.</summary>
    private static async Task<(int Cases, TimeSpan First, TimeSpan Again)> DemoSizedAsync(DbContextOptions<PortalDbContext> options)
    {
        await using (var migrate = new PortalDbContext(options, new SystemScopeSource("bench"))) await migrate.Database.MigrateAsync();
        var surnames = DemoCountyPlan.Load(Path.Combine(AppContext.BaseDirectory, "seeds", "demo-county.json")).County.Surnames;
        async Task<(int, TimeSpan)> OnceAsync(string code)
        {
            await using var db = new PortalDbContext(options, new SystemScopeSource("bench"));
            var county = new County { AdminCode = $"{code}000000", Name = "演示规模县" };
            for (var t = 1; t <= 3; t++)
            {
                var township = new Township { AdminCode = $"{code}{t:000}000", Name = $"演示{t}镇", County = county };
                for (var v = 1; v <= 3; v++) township.Villages.Add(new Village { AdminCode = $"{code}{t:000}{v:000}", Name = $"演示{t}镇{v}村", County = county, Township = township });
                county.Townships.Add(township);
            }
            db.Counties.Add(county);
            await db.SaveChangesAsync();
            var watch = Stopwatch.StartNew();
            var cases = await CorrectionDemoSeeder.SeedAsync(db, county, [.. county.Townships], surnames, new(null, new Dictionary<int, string>()), TimeProvider.System, default);
            return (cases, watch.Elapsed);
        }
        var (count, first) = await OnceAsync("429801");
        var (_, again) = await OnceAsync("429802");
        var plan = Stopwatch.StartNew();
        await using (var db = new PortalDbContext(options, new SystemScopeSource("bench")))
        {
            var county = await db.Counties.Include(c => c.Townships).ThenInclude(t => t.Villages).SingleAsync(c => c.AdminCode == "429802000000");
            CorrectionDemoSeeder.Plan(county, [.. county.Townships], surnames, new(null, new Dictionary<int, string>()), new WorkingCalendar(OfficialHolidays.Of2026), PortalYears.Today(TimeProvider.System));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo-sized: {count} cases first {first.TotalMilliseconds:F0} ms, again {again.TotalMilliseconds:F0} ms, of which planning (no database) {plan.Elapsed.TotalMilliseconds:F0} ms"));
        return (count, first, again);
    }
}
