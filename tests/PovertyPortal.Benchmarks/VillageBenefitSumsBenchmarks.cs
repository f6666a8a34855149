using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Web.Features.Benefits;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// The report's per-village benefit sums (issue 5: ≤ 100 ms at synthetic county scale) for one village of a
/// `generate-county` database, as a township official asks for them. The benefits are added by
/// <see cref="EnsureBenefitsAsync"/> with INSERT … SELECT when the county has none.
/// </summary>
public class VillageBenefitSumsBenchmarks
{
    private GetVillageBenefitSums handler = null!;
    private BenchDatabase database = null!;

    public static IEnumerable<DatabaseProvider> Providers => BenchDatabase.Configured();

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        database = BenchDatabase.OpenAsync(Provider).GetAwaiter().GetResult();
        EnsureBenefitsAsync(database).GetAwaiter().GetResult();
        handler = new GetVillageBenefitSums(new ScopedContextFactory(database, database.Scope("Township")));
    }

    [Benchmark(Description = "village benefit sums, one year")]
    public Task<VillageBenefitSums?> Sums() => handler.HandleAsync(database.VillageId, 2018);

    /// <summary>
    /// Benefit records for 2018 and 2019 like the demo village's, in proportion: 生态林 to every household, 低保 to
    /// every member of a 低保 household, 医保代缴 to every other member, 生活补助 to pupils, 光伏 to one household in five.
    /// </summary>
    public static async Task EnsureBenefitsAsync(BenchDatabase database)
    {
        await using var db = database.NewContext(AreaScope.All);
        // By year: the dashboard's benefits (DashboardBenchData) are for 2020.
        if (await db.BenefitRecords.AnyAsync(r => r.CountyId == database.CountyId && r.Year == 2018)) return;
        var sqlite = database.Provider == DatabaseProvider.Sqlite;
        var now = sqlite ? "0" : "now()";
        var watch = Stopwatch.StartNew();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        foreach (var year in new[] { 2018, 2019 })
        {
            string Insert(int program, string amount, string from, string member, string where) =>
                $"""
                 INSERT INTO "BenefitRecords" ("HouseholdId", "MemberId", "CountyId", "TownshipId", "VillageId", "ProgramId", "Year", "Amount", "CreatedAt")
                 SELECT x."HouseholdId", {member}, x."CountyId", x."TownshipId", x."VillageId", {program}, {year}, {amount}, {now}
                 FROM {from} WHERE x."CountyId" = {database.CountyId} {where}
                 """;
            const string households = """(SELECT "Id" AS "HouseholdId", "CountyId", "TownshipId", "VillageId", "Category" FROM "Households") x""";
            const string members = """(SELECT "Id", "HouseholdId", "CountyId", "TownshipId", "VillageId", "SchoolingStatus", "IsDeceased" FROM "Members") x""";
            await db.Database.ExecuteSqlRawAsync(Insert(3, "120.00", households, "NULL", ""));
            await db.Database.ExecuteSqlRawAsync(Insert(14, "1500.00", households, "NULL", """AND x."HouseholdId" % 5 = 0"""));
            await db.Database.ExecuteSqlRawAsync(Insert(8, "1100.50", members, "x.\"Id\"",
                """AND x."HouseholdId" IN (SELECT "Id" FROM "Households" WHERE "Category" = 'Dibao')"""));
            await db.Database.ExecuteSqlRawAsync(Insert(10, "180.00", members, "x.\"Id\"", """AND x."Id" % 2 = 0"""));
            await db.Database.ExecuteSqlRawAsync(Insert(7, "650.00", members, "x.\"Id\"", """AND x."SchoolingStatus" IN ('Primary', 'JuniorHigh', 'SeniorHigh')"""));
        }
        // Written by SQL, past the save that keeps the dashboard's tallies: recount them, as `recount-tallies` does.
        await DashboardTallies.RecountAllAsync(db);
        var count = await db.BenefitRecords.CountAsync(r => r.CountyId == database.CountyId);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added {count:N0} benefit records in {watch.Elapsed.TotalSeconds:F1} s (tallies recounted)"));
    }

    /// <summary>`--benefits-once`: the rows of the probe village, then 3 warm-up and 50 measured runs with mean, p95 and max.</summary>
    public static async Task RunOnceAsync()
    {
        foreach (var provider in BenchDatabase.Configured())
        {
            var bench = new VillageBenefitSumsBenchmarks { Provider = provider };
            bench.Setup();
            await using (var db = bench.database.NewContext(AreaScope.All))
            {
                var rows = await db.BenefitRecords.CountAsync(r => r.VillageId == bench.database.VillageId && r.Year == 2018);
                var total = await db.BenefitRecords.CountAsync();
                var households = await db.Households.CountAsync(h => h.VillageId == bench.database.VillageId);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"== {provider}: {total:N0} benefit records in all; probe village {households:N0} households, {rows:N0} records in 2018"));
            }
            for (var i = 0; i < 3; i++) await bench.Sums();
            var times = new List<double>();
            VillageBenefitSums? result = null;
            // Wall time depends on what else runs on the machine; the process's CPU time per query much less so
            // (SQLite runs in-process; for PostgreSQL it leaves out the server's share).
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < 50; i++)
            {
                var watch = Stopwatch.StartNew();
                result = await bench.Sums();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sums: mean {times.Average():F1} ms, median {times[times.Count / 2]:F1} ms, p95 {times[(int)Math.Ceiling(0.95 * times.Count) - 1]:F1} ms, max {times[^1]:F1} ms; process CPU {cpuPerQuery:F1} ms a query; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {result!.Groups.Count} groups, {result.Groups.Sum(g => g.Programs.Count)} programs"));
            foreach (var p in result.Groups.SelectMany(g => g.Programs))
            {
                Console.WriteLine($"  {p.ProgramName}: {p.Households} 户 {p.People} 人 {p.Amount:N2} 元, 如 {string.Join("、", p.ExampleHeads)}");
            }
        }
    }
}
