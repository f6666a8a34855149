using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.VillageWork;

namespace PovertyPortal.Web.Features.VillageWork;

/// <summary>
/// 村集体经济收入 of every village in the user's scope for one year (the dashboard's "villages below 50,000 元"):
/// one row per village that has a village record, with zero when nothing was entered.
/// </summary>
public sealed class ListCollectiveIncomeByVillage(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(int VillageId, int TownshipId, string VillageName, decimal Total, decimal StableOperating, bool Entered)
    {
        public bool MeetsIndicator => StableOperating >= CollectiveIncomeEntry.Indicator;
    }

    public async Task<IReadOnlyList<Row>> HandleAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var villages = await db.Villages.Where(v => !v.IsRetired).Select(v => new { v.Id, v.TownshipId, v.Name, v.AdminCode }).ToListAsync(cancellationToken);
        var entries = (await db.CollectiveIncomeEntries.Where(e => e.Year == year)
            .Select(e => new { e.VillageId, e.Amount, e.IsStableOperating }).ToListAsync(cancellationToken))
            .ToLookup(e => e.VillageId);
        return villages.OrderBy(v => v.AdminCode, StringComparer.Ordinal).Select(v => new Row(v.Id, v.TownshipId, v.Name,
            entries[v.Id].Sum(e => e.Amount), entries[v.Id].Where(e => e.IsStableOperating).Sum(e => e.Amount), entries[v.Id].Any())).ToList();
    }
}
