using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>防返贫监测对象 taken in by the end of the year, per village and type, and how many had their risk eliminated by then.</summary>
public sealed class GetMonitoringFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, MonitoringType Type, int Monitored, int RiskEliminated);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var endOfYear = new DateOnly(query.Year, 12, 31);
        return await query.Within(db.Households, db.Scope)
            .Where(RegistryStandings.Is(RegistryStanding.Monitored, query.Year))
            .GroupBy(h => new { h.TownshipId, h.VillageId, h.MonitoringType })
            .Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Key.MonitoringType!.Value, g.Count(),
                g.Count(h => h.RiskEliminatedOn <= endOfYear)))
            .ToListAsync(cancellationToken);
    }
}
