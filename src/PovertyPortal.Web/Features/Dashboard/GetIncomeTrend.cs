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
        int? firstYear;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // One index seek. Each year is then counted on its own, a range of the (CountyId, Year, …) index: counted
            // together (GROUP BY Year) PostgreSQL chose a parallel scan of every year's rows of the table.
            firstYear = await query.Within(db.IncomeRecords, db.Scope).Where(r => r.Year <= query.Year)
                .MinAsync(r => (int?)r.Year, cancellationToken);
        }
        if (firstYear is not int first) return [];
        // The years side by side, each on its own context: one after another they made the longest chain of the page
        // (12 round trips), which waited for a core between each while the other figures ran.
        var years = await Task.WhenAll(Enumerable.Range(first, query.Year - first + 1)
            .Select(year => Task.Run(() => YearAsync(query, year, cancellationToken), cancellationToken)));
        return years.OfType<Row>().ToList();
    }

    private async Task<Row?> YearAsync(DashboardQuery query, int year, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ofYear = query.Within(db.IncomeRecords, db.Scope).Where(r => r.Year == year);
        var count = await ofYear.CountAsync(cancellationToken);
        if (count == 0) return null;
        var byIncome = ofYear.OrderBy(r => r.NetIncomePerCapita).Select(r => r.NetIncomePerCapita);
        var median = await byIncome.Skip(Rank(0.5m, count)).FirstAsync(cancellationToken);
        var tenth = await byIncome.Skip(Rank(0.1m, count)).FirstAsync(cancellationToken);
        return new Row(year, count, median, tenth);
    }

    public static int Rank(decimal percentile, int count) => (int)Math.Floor(percentile * (count - 1));
}
