using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 两不愁三保障: households whose check of the year failed at least one item, per village: the checks of the villages'
/// assurance tallies whose set of failed items is not empty (see <see cref="GetAssuranceFigures"/>), so the table's cell
/// is a number of households the "any item" list shows too.
/// </summary>
public sealed class GetAssuranceFailingHouseholds(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, int Households);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await GetAssuranceFigures.TalliesAsync(db, query, failedOnly: true, cancellationToken))
            .GroupBy(t => (t.TownshipId, t.VillageId))
            .Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Sum(t => t.Checks)))
            .ToList();
    }
}
