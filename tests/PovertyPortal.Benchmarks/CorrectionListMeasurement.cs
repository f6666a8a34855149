using System.Globalization;
using PovertyPortal.Data;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// `--correction-once`: the community-correction task list and case list (issue 19: p95 ≤ 100 ms at 5,000 subjects with
/// five years of records) as the county justice bureau and a 司法所 ask for them, 50 runs after 3, on a fresh database
/// of its own filled by <see cref="CorrectionBenchData"/>.
/// </summary>
public static class CorrectionListMeasurement
{
    public static async Task RunAsync()
    {
        await RunAsync(DatabaseProvider.Sqlite, "");
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is { Length: > 0 } server) await RunAsync(DatabaseProvider.PostgreSql, server);
    }

    private static async Task RunAsync(DatabaseProvider provider, string server)
    {
        var options = await LedgerListMeasurement.FreshOptionsAsync(provider, server, "correction");
        var seeded = await CorrectionBenchData.SeedAsync(options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {provider}: {CorrectionBenchData.Subjects} subjects ({seeded.Active} active), {seeded.Rows} rows, {LedgerListMeasurement.Townships} townships; generated in {seeded.Took.TotalSeconds:F1} s"));
    }
}
