using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// The per-capita net income line: median and 10th percentile of the households' 人均纯收入 per year up to the year
/// looked at. Neither database has a percentile both understand (SQLite none), so the records are counted per year
/// first, then each percentile is the one value at its rank: ORDER BY income LIMIT 1 OFFSET k, per year. Two small
/// queries per year, each returning one row and walking the (CountyId, Year, NetIncomePerCapita) index to its rank
/// instead of sorting (SQLite stores this column as REAL, so its index is in numeric order: PortalDbContext.StoreAsReal);
/// nothing is loaded whole. Ranks are the lower ones: k = ⌊p·(n − 1)⌋.
/// </summary>
public sealed class GetIncomeTrend(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int Year, int Households, decimal Median, decimal Percentile10);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = query.Within(db.IncomeRecords, db.Scope);
        var counts = await records.Where(r => r.Year <= query.Year).GroupBy(r => r.Year).Select(g => new { Year = g.Key, Count = g.Count() })
            .OrderBy(g => g.Year).ToListAsync(cancellationToken);
        var rows = new List<Row>();
        foreach (var year in counts)
        {
            // The year alone (no "up to" range beside it), so the index is sought on Year = y.
            var ofYear = records.Where(r => r.Year == year.Year).OrderBy(r => r.NetIncomePerCapita).Select(r => r.NetIncomePerCapita);
            var median = await ofYear.Skip(Rank(0.5m, year.Count)).FirstAsync(cancellationToken);
            var tenth = await ofYear.Skip(Rank(0.1m, year.Count)).FirstAsync(cancellationToken);
            rows.Add(new Row(year.Year, year.Count, median, tenth));
        }
        return rows;
    }

    public static int Rank(decimal percentile, int count) => (int)Math.Floor(percentile * (count - 1));
}
