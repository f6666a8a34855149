using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PovertyPortal.Web.Features.Dashboard;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// `--dashboard-groups`: each figure group alone, warm (mean and min of 10 runs after 2), with a hash of its whole
/// result (every row, in a fixed order), so a rewritten query can be timed against the old one and shown to return
/// exactly the same rows. PORTAL_BENCH_GROUPS=registry,causes limits the groups; PORTAL_BENCH_VIEWS the views.
/// </summary>
public static class DashboardGroupsMeasurement
{
    public static async Task RunAsync()
    {
        var only = Environment.GetEnvironmentVariable("PORTAL_BENCH_GROUPS")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var views = Environment.GetEnvironmentVariable("PORTAL_BENCH_VIEWS")?.Split(',', StringSplitOptions.RemoveEmptyEntries)
            ?? ["County", "County → township", "Township"];
        foreach (var provider in BenchDatabase.Configured())
        {
            var database = await BenchDatabase.OpenAsync(provider);
            foreach (var view in views)
            {
                Console.WriteLine($"== {provider} {view}");
                var factory = new ScopedContextFactory(database, database.Scope(view == "Township" ? "Township" : "County"));
                var q = DashboardBenchmarks.For(database, view).Query;
                var groups = new (string Name, Func<Task<object>> Run)[]
                {
                    ("registry", async () => await new GetRegistryFigures(factory).HandleAsync(q)),
                    ("exits", async () => await new GetExitsPerYear(factory).HandleAsync(q)),
                    ("causes", async () => await new GetPovertyCauses(factory).HandleAsync(q)),
                    ("monitoring", async () => await new GetMonitoringFigures(factory).HandleAsync(q)),
                    ("income", async () => await new GetIncomeFigures(factory).HandleAsync(q)),
                    ("microloans", async () => await new GetMicroloanFigures(factory, TimeProvider.System).HandleAsync(q)),
                    ("assurance", async () => await new GetAssuranceFigures(factory).HandleAsync(q)),
                    ("collective", async () => await new GetCollectiveIncomeFigures(factory).HandleAsync(q)),
                    ("residency", async () => await new GetResidencyFigures(factory, TimeProvider.System).HandleAsync(q)),
                };
                foreach (var (name, run) in groups.Where(g => only is null || only.Contains(g.Name)))
                {
                    var result = await run();
                    await run();
                    var times = new List<double>();
                    for (var i = 0; i < 10; i++)
                    {
                        var watch = Stopwatch.StartNew();
                        await run();
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-12} mean {times.Average(),7:F1} min {times.Min(),7:F1} ms  result {Hash(result)}"));
                }
            }
        }
    }

    /// <summary>The rows serialized one per line and sorted, so the order a query returns them in does not matter.</summary>
    private static string Hash(object result)
    {
        IEnumerable<object> rows = result switch
        {
            GetAssuranceFigures.Result r => r.Checks.Cast<object>().Concat(r.Failing.Cast<object>()),
            System.Collections.IEnumerable e => e.Cast<object>(),
            _ => [result],
        };
        var lines = rows.Select(r => JsonSerializer.Serialize(r, r.GetType())).Order(StringComparer.Ordinal).ToList();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..12];
        return $"{lines.Count} rows {hash}";
    }
}
