using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Dashboard;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// The per-capita net income line: median and 10th percentile of the households' 人均纯收入 per year up to the year
/// looked at. Ranks are the lower ones: k = ⌊p·(n − 1)⌋. Neither database has a percentile both understand, and walking
/// a county's year to the median steps over 150,000 index entries, so the villages' income tallies (IncomeTally: how
/// many records fall in each 1,000-元 band, recounted by every save: decision 0011) give each year's count and the band
/// that holds each rank; the value is then the one at its rank inside that band: ORDER BY income LIMIT 1 OFFSET
/// (rank − records in the bands below), on the (CountyId | TownshipId, Year, NetIncomePerCapita) index. Nothing is loaded whole.
/// </summary>
public sealed class GetIncomeTrend(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int Year, int Households, decimal Median, decimal Percentile10);

    private readonly record struct BandCount(int Year, int Band, int Records);

    /// <summary>Where a rank lies: in a band, at an offset from its lowest value.</summary>
    private readonly record struct Position(int Band, int Offset);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        List<BandCount> bands;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            bands = await query.Within(db.IncomeTallies, db.Scope).Where(t => t.Year <= query.Year)
                .GroupBy(t => new { t.Year, t.Band })
                .Select(g => new BandCount(g.Key.Year, g.Key.Band, g.Sum(t => t.Records)))
                .ToListAsync(cancellationToken);
        }
        // The years side by side, each on its own context: one after another, their round trips were the page's longest chain.
        var years = await Task.WhenAll(bands.GroupBy(b => b.Year).OrderBy(y => y.Key)
            .Select(y => Task.Run(() => YearAsync(query, y.Key, y.OrderBy(b => b.Band).ToList(), cancellationToken), cancellationToken)));
        return years;
    }

    private async Task<Row> YearAsync(DashboardQuery query, int year, List<BandCount> bands, CancellationToken cancellationToken)
    {
        var count = bands.Sum(b => b.Records);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var median = await ValueAtAsync(db, query, year, Find(bands, Rank(0.5m, count)), cancellationToken)
            ?? await WholeYearAsync(db, query, year, 0.5m, cancellationToken);
        var tenth = await ValueAtAsync(db, query, year, Find(bands, Rank(0.1m, count)), cancellationToken)
            ?? await WholeYearAsync(db, query, year, 0.1m, cancellationToken);
        return new Row(year, count, median, tenth);
    }

    private static Position Find(List<BandCount> bands, int rank)
    {
        var below = 0;
        foreach (var band in bands)
        {
            if (rank < below + band.Records) return new Position(band.Band, rank - below);
            below += band.Records;
        }
        throw new ArgumentOutOfRangeException(nameof(rank));
    }

    /// <summary>The value at its offset in the band; null when the band has since lost records (a save between the two reads).</summary>
    private static Task<decimal?> ValueAtAsync(PortalDbContext db, DashboardQuery query, int year, Position at, CancellationToken cancellationToken)
    {
        var (low, high) = (IncomeTally.LowerBound(at.Band), IncomeTally.LowerBound(at.Band + 1));
        return query.Within(db.IncomeRecords, db.Scope)
            .Where(r => r.Year == year && r.NetIncomePerCapita >= low && r.NetIncomePerCapita < high)
            .OrderBy(r => r.NetIncomePerCapita).Select(r => (decimal?)r.NetIncomePerCapita)
            .Skip(at.Offset).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The slow way, counted and walked over the whole year: only when the band read missed.</summary>
    private static async Task<decimal> WholeYearAsync(PortalDbContext db, DashboardQuery query, int year, decimal percentile, CancellationToken cancellationToken)
    {
        var ofYear = query.Within(db.IncomeRecords, db.Scope).Where(r => r.Year == year);
        var count = await ofYear.CountAsync(cancellationToken);
        return count == 0 ? 0 : await ofYear.OrderBy(r => r.NetIncomePerCapita).Select(r => r.NetIncomePerCapita)
            .Skip(Rank(percentile, count)).FirstAsync(cancellationToken);
    }

    public static int Rank(decimal percentile, int count) => (int)Math.Floor(percentile * (count - 1));
}
