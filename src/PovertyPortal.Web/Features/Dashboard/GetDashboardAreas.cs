using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>The rows of the dashboard's table: the townships of the county, or the villages of one township.</summary>
public sealed class GetDashboardAreas(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Area(int Id, string Name, int? TownshipId);

    public sealed record Result(IReadOnlyList<Area> Areas, bool AreVillages, string? TownshipName);

    public sealed record County(int Id, string Name, bool HasHouseholds);

    /// <summary>
    /// The counties a user may choose from (every county for the system administrator, the user's own otherwise), by
    /// AdminCode, with whether any household is registered there: the dashboard opens on the first that has some.
    /// </summary>
    public async Task<IReadOnlyList<County>> CountiesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Counties.Where(c => !c.IsRetired).OrderBy(c => c.AdminCode)
            .Select(c => new County(c.Id, c.Name, db.Households.Any(h => h.CountyId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The county a view shows: the one asked for if the user may see it, else the first with households, else the first.</summary>
    public static int? ChooseCounty(IReadOnlyList<County> counties, int? asked) =>
        counties.FirstOrDefault(c => c.Id == asked)?.Id ?? counties.FirstOrDefault(c => c.HasHouseholds)?.Id ?? (counties.Count > 0 ? counties[0].Id : null);

    public async Task<Result> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var township = query.TownshipId ?? db.Scope.TownshipId;
        var county = query.CountyId;
        if (query.RowsAreVillages(db.Scope))
        {
            var villages = await db.Villages.Where(v => !v.IsRetired && (township == null || v.TownshipId == township) && (county == null || v.CountyId == county))
                .OrderBy(v => v.AdminCode).Select(v => new Area(v.Id, v.Name, v.TownshipId)).ToListAsync(cancellationToken);
            var name = await db.Townships.Where(t => t.Id == township).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
            return new Result(villages, true, name);
        }
        var townships = await db.Townships.Where(t => !t.IsRetired && (county == null || t.CountyId == county))
            .OrderBy(t => t.AdminCode).Select(t => new Area(t.Id, t.Name, null)).ToListAsync(cancellationToken);
        return new Result(townships, false, null);
    }
}
