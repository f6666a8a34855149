using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Web.Features.Dashboard;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// The whole county dashboard, as one page view loads it (issue 8: p95 ≤ 300 ms on 300,000 households): every figure
/// group's grouped query through <see cref="GetDashboard"/>, for a county supervisor (the county), the same user
/// looking into one township, and a township official. The support rows (incomes, benefits, loans, checks, collective
/// income, work teams and attendance) are added by <see cref="DashboardBenchData.EnsureSupportRowsAsync"/> when missing.
/// </summary>
public class DashboardBenchmarks
{
    public const int Year = 2020;

    private GetDashboard handler = null!;
    private DashboardQuery query = null!;

    public static IEnumerable<DatabaseProvider> Providers => BenchDatabase.Configured();

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    [Params("County", "County → township", "Township")]
    public string View { get; set; } = "County";

    [GlobalSetup]
    public void Setup()
    {
        var database = BenchDatabase.OpenAsync(Provider).GetAwaiter().GetResult();
        DashboardBenchData.EnsureSupportRowsAsync(database).GetAwaiter().GetResult();
        (handler, query) = For(database, View);
    }

    [Benchmark(Description = "whole dashboard")]
    public Task<Dashboard> WholeDashboard() => handler.HandleAsync(query);

    public static (GetDashboard Handler, DashboardQuery Query) For(BenchDatabase database, string view)
    {
        var factory = new ScopedContextFactory(database, database.Scope(view == "Township" ? "Township" : "County"));
        var handler = new GetDashboard(new GetDashboardAreas(factory), new GetRegistryFigures(factory),
            new GetExitsPerYear(factory), new GetPovertyCauses(factory), new GetMonitoringFigures(factory),
            new GetIncomeFigures(factory), new GetBenefitFigures(factory), new GetMicroloanFigures(factory, TimeProvider.System),
            new GetAssuranceFigures(factory), new GetCollectiveIncomeFigures(factory), new GetResidencyFigures(factory, TimeProvider.System),
            new GetIncomeTrend(factory));
        return (handler, new DashboardQuery(Year, view == "County → township" ? database.TownshipId : null));
    }

    /// <summary>`--dashboard-once`: each figure group alone (twice: cold, warm) and the whole load, to see where the time goes.</summary>
    public static async Task RunOnceAsync()
    {
        foreach (var provider in BenchDatabase.Configured())
        {
            var database = await BenchDatabase.OpenAsync(provider);
            await DashboardBenchData.EnsureSupportRowsAsync(database);
            foreach (var view in new[] { "County", "County → township", "Township" })
            {
                Console.WriteLine($"== {provider} {view}");
                var factory = new ScopedContextFactory(database, database.Scope(view == "Township" ? "Township" : "County"));
                var q = For(database, view).Query;
                await Time("areas", () => new GetDashboardAreas(factory).HandleAsync(q));
                await Time("registry", () => new GetRegistryFigures(factory).HandleAsync(q));
                await Time("exits per year", () => new GetExitsPerYear(factory).HandleAsync(q));
                await Time("causes", () => new GetPovertyCauses(factory).HandleAsync(q));
                await Time("monitoring", () => new GetMonitoringFigures(factory).HandleAsync(q));
                await Time("income lines", () => new GetIncomeFigures(factory).HandleAsync(q));
                await Time("benefits", () => new GetBenefitFigures(factory).HandleAsync(q));
                await Time("microloans", () => new GetMicroloanFigures(factory, TimeProvider.System).HandleAsync(q));
                await Time("assurance", () => new GetAssuranceFigures(factory).HandleAsync(q));
                await Time("collective", () => new GetCollectiveIncomeFigures(factory).HandleAsync(q));
                await Time("五天四夜", () => new GetResidencyFigures(factory, TimeProvider.System).HandleAsync(q));
                await Time("income trend", () => new GetIncomeTrend(factory).HandleAsync(q));
                var (whole, _) = For(database, view);
                var times = new List<double>();
                Dashboard? last = null;
                // Wall time depends on what else runs on the 2 cores; the process's CPU time per load much less so
                // (SQLite runs in-process; for PostgreSQL it leaves out the server's share).
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < 12; i++)
                {
                    var watch = Stopwatch.StartNew();
                    last = await whole.HandleAsync(q);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                var cpuPerLoad = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;
                var later = times.Skip(1).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"whole dashboard",-16} first {times[0],8:F1} ms  later min {later[0],8:F1} median {later[later.Count / 2],8:F1} max {later[^1],8:F1} ms  process CPU {cpuPerLoad:F0} ms a load, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}  "
                    + $"registered {last!.Registered} exited {last.Exited} people {last.RegisteredPeople} monitored {last.Monitored} rows {last.Areas.Count} "
                    + $"incomes {last.IncomeRecorded} below {last.BelowLine} benefits {last.BenefitAmount} loans {last.LoansOutstanding} checked {last.HouseholdsChecked} weeks {last.JudgedWeeks} "
                    + $"income line {string.Join(" ", last.IncomeTrend.Select(t => $"{t.Year}:{t.Households}/{t.Median}/{t.Percentile10}"))}"));
            }
        }
    }

    private static async Task Time<T>(string name, Func<Task<T>> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        var first = watch.Elapsed.TotalMilliseconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        for (var i = 0; i < 5; i++) await run();
        var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 5;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-16} first {first,8:F1} ms  again {watch.Elapsed.TotalMilliseconds / 5,8:F1} ms (mean of 5), process CPU {cpuPerRun,6:F1} ms"));
    }
}
