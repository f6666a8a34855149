using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 两不愁三保障: households whose check of the year failed at least one item, per village. Counted as distinct checks
/// among the failed items (one check per household and year), from the same (CountyId, Kind, Met) seek as the per-item
/// figures, so the table's cell is a number of households the "any item" list shows too.
/// </summary>
public sealed class GetAssuranceFailingHouseholds(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, int Households);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await GetAssuranceFigures.FailedItems(db, query)
            .GroupBy(i => new { i.TownshipId, i.VillageId })
            .Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Select(i => i.AssuranceCheckId).Distinct().Count()))
            .ToListAsync(cancellationToken);
    }
}
