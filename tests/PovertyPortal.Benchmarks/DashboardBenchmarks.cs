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
/// looking into one township, and a township official.
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
            new GetAssuranceFailingHouseholds(factory),
            new GetIncomeTrend(factory));
        return (handler, new DashboardQuery(Year, view == "County → township" ? database.TownshipId : null));
    }

    /// <summary>`--dashboard-once`: each figure group alone (twice: cold, warm) and the whole load, to see where the time goes.</summary>
    public static async Task RunOnceAsync()
    {
        foreach (var provider in BenchDatabase.Configured())
        {
            var database = await BenchDatabase.OpenAsync(provider);
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
                await Time("assurance, households failing any item", () => new GetAssuranceFailingHouseholds(factory).HandleAsync(q));
                var (whole, _) = For(database, view);
                var times = new List<double>();
                Dashboard? last = null;
                for (var i = 0; i < 12; i++)
                {
                    var watch = Stopwatch.StartNew();
                    last = await whole.HandleAsync(q);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"whole dashboard",-16} first {times[0],8:F1} ms  later min {times.Skip(1).Min(),8:F1} max {times.Skip(1).Max(),8:F1} ms  "
                    + $"registered {last!.Registered} exited {last.Exited} people {last.RegisteredPeople} monitored {last.Monitored} rows {last.Areas.Count} "
                    + $"incomes {last.IncomeRecorded} below {last.BelowLine} benefits {last.BenefitAmount} loans {last.LoansOutstanding} checked {last.HouseholdsChecked} weeks {last.JudgedWeeks}"));
            }
        }
    }

    private static async Task Time<T>(string name, Func<Task<T>> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        var first = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await run();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-16} first {first,8:F1} ms  again {watch.Elapsed.TotalMilliseconds,8:F1} ms"));
    }
}
