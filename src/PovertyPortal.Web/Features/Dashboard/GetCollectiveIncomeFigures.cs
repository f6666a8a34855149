using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.VillageWork;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 村集体经济: every active village's stable operating income of the year (the 50,000 元 indicator, as
/// ListCollectiveIncomeByVillage counts it) and whether anything was entered. One query over the villages (hundreds in a
/// county) with the year's entries summed per village on the unique (VillageId, Year, Source) index.
/// </summary>
public sealed class GetCollectiveIncomeFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, string VillageName, decimal StableOperating, bool Entered)
    {
        public bool BelowIndicator => StableOperating < CollectiveIncomeEntry.Indicator;
    }

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var year = query.Year;
        var (county, township) = (query.CountyId, query.TownshipId);
        var rows = await db.Villages.Where(v => !v.IsRetired && (county == null || v.CountyId == county) && (township == null || v.TownshipId == township))
            .Select(v => new
            {
                v.TownshipId, v.Id, v.Name, v.AdminCode,
                Stable = db.CollectiveIncomeEntries.Where(e => e.VillageId == v.Id && e.Year == year && e.IsStableOperating).Sum(e => (decimal?)e.Amount),
                Entered = db.CollectiveIncomeEntries.Any(e => e.VillageId == v.Id && e.Year == year),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.AdminCode, StringComparer.Ordinal)
            .Select(r => new Row(r.TownshipId, r.Id, r.Name, r.Stable ?? 0m, r.Entered)).ToList();
    }
}
