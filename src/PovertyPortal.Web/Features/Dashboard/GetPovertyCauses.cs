using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>The registered households of the year by their primary cause of poverty (主要致贫原因): the donut.</summary>
public sealed class GetPovertyCauses(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(PovertyCause? Cause, int Households);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await query.Within(db.Households, db.Scope)
            .Where(RegistryStandings.Is(RegistryStanding.Registered, query.Year))
            .GroupBy(h => h.PrimaryCause)
            .Select(g => new Row(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
    }
}
