using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>The rows of the dashboard's table: the townships of the county, or the villages of one township.</summary>
public sealed class GetDashboardAreas(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Area(int Id, string Name, int? TownshipId);

    public sealed record Result(IReadOnlyList<Area> Areas, bool AreVillages, string? TownshipName);

    public async Task<Result> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var township = query.TownshipId ?? db.Scope.TownshipId;
        if (query.RowsAreVillages(db.Scope))
        {
            var villages = await db.Villages.Where(v => !v.IsRetired && (township == null || v.TownshipId == township))
                .OrderBy(v => v.AdminCode).Select(v => new Area(v.Id, v.Name, v.TownshipId)).ToListAsync(cancellationToken);
            var name = await db.Townships.Where(t => t.Id == township).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
            return new Result(villages, true, name);
        }
        var townships = await db.Townships.Where(t => !t.IsRetired)
            .OrderBy(t => t.AdminCode).Select(t => new Area(t.Id, t.Name, null)).ToListAsync(cancellationToken);
        return new Result(townships, false, null);
    }
}
