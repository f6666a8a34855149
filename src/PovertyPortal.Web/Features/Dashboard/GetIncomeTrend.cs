using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// The per-capita net income line: median and 10th percentile of the households' 人均纯收入 per year up to the year
/// looked at. Neither database has a percentile both understand (SQLite none), so the records are counted per year
/// first, then each percentile is the one value at its rank: ORDER BY income LIMIT 1 OFFSET k, per year. Three small
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
        // The first year is one index seek; then each year is counted on its own, a range of the (CountyId, Year, …)
        // index. Counted together (GROUP BY Year) PostgreSQL chose a parallel scan of every year's rows of the table.
        var firstYear = await records.Where(r => r.Year <= query.Year).MinAsync(r => (int?)r.Year, cancellationToken);
        var rows = new List<Row>();
        for (var year = firstYear ?? query.Year + 1; year <= query.Year; year++)
        {
            var ofYear = records.Where(r => r.Year == year);
            var count = await ofYear.CountAsync(cancellationToken);
            if (count == 0) continue;
            var byIncome = ofYear.OrderBy(r => r.NetIncomePerCapita).Select(r => r.NetIncomePerCapita);
            var median = await byIncome.Skip(Rank(0.5m, count)).FirstAsync(cancellationToken);
            var tenth = await byIncome.Skip(Rank(0.1m, count)).FirstAsync(cancellationToken);
            rows.Add(new Row(year, count, median, tenth));
        }
        return rows;
    }

    public static int Rank(decimal percentile, int count) => (int)Math.Floor(percentile * (count - 1));
}
