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
        // Grouped by status too, so that the index (CountyId, Status, PrimaryCause, …) delivers the groups in order
        // without sorting 250,000 entries; the three statuses of a cause are added up here.
        var counts = await query.Within(db.Households, db.Scope)
            .Where(RegistryStandings.Is(RegistryStanding.Registered, query.Year))
            .GroupBy(h => new { h.Status, h.PrimaryCause })
            .Select(g => new { g.Key.PrimaryCause, Households = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.GroupBy(c => c.PrimaryCause).Select(g => new Row(g.Key, g.Sum(c => c.Households))).ToList();
    }
}
