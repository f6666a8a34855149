using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>贫困人口: the living members of the households registered at the end of the year, per village.</summary>
public sealed class GetRegisteredPeople(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<VillageCount>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var households = query.Within(db.Households, db.Scope).Where(RegistryStandings.Is(RegistryStanding.Registered, query.Year));
        return await query.Within(db.Members, db.Scope)
            .Where(m => !m.IsDeceased)
            .Join(households, m => m.HouseholdId, h => h.Id, (m, h) => new { h.TownshipId, h.VillageId })
            .GroupBy(x => new { x.TownshipId, x.VillageId })
            .Select(g => new VillageCount(g.Key.TownshipId, g.Key.VillageId, g.Count()))
            .ToListAsync(cancellationToken);
    }
}
