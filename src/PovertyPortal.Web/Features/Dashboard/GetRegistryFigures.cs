using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 建档立卡 households at the end of the year, their people (living members), exited and remaining, per village and
/// category: the headline figures, the table's first columns and the stacked bar of categories, from one grouped scan
/// of a covering index. People come from the household's own count (Household.LivingMembers), not from a join.
/// </summary>
public sealed class GetRegistryFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, PovertyCategory? Category, int Registered, int People, int Exited)
    {
        public int Remaining => Registered - Exited;
    }

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var year = query.Year;
        // Exited is a subset of registered (RegistryStandings): counting it inside the registered rows keeps one scan.
        return await query.Within(db.Households, db.Scope)
            .Where(RegistryStandings.Is(RegistryStanding.Registered, year))
            .GroupBy(h => new { h.TownshipId, h.VillageId, h.Category })
            .Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Key.Category, g.Count(), g.Sum(h => h.LivingMembers),
                g.Count(h => h.Status == HouseholdStatus.Exited && h.ExitYear <= year)))
            .ToListAsync(cancellationToken);
    }
}
