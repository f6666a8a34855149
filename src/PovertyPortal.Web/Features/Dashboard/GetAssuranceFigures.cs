using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Support;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 两不愁三保障及饮水安全: households whose check of the year failed an item, per village and item, and how many
/// households were checked. An item is stored once per check, so counting failed items counts households. Two grouped
/// queries: checks on the (VillageId, Year) index, failed items sought on (CountyId, Kind, Met), their check's year looked up by key.
/// </summary>
public sealed class GetAssuranceFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, AssuranceItemKind Kind, int Failing);

    public readonly record struct Checked(int TownshipId, int VillageId, int Households);

    public sealed record Result(IReadOnlyList<Checked> Checks, IReadOnlyList<Row> Failing);

    public async Task<Result> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var year = query.Year;
        var checks = await query.Within(db.AssuranceChecks, db.Scope).Where(c => c.Year == year)
            .GroupBy(c => new { c.TownshipId, c.VillageId })
            .Select(g => new Checked(g.Key.TownshipId, g.Key.VillageId, g.Count()))
            .ToListAsync(cancellationToken);
        var failing = await FailedItems(db, query)
            .GroupBy(i => new { i.TownshipId, i.VillageId, i.Kind })
            .Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Key.Kind, g.Count()))
            .ToListAsync(cancellationToken);
        return new Result(checks, failing);
    }

    /// <summary>
    /// The failed items of the year's checks in the view. Every kind named and Met compared to a parameter (a constant
    /// false becomes NOT "Met", which SQLite cannot seek), so the (CountyId, Kind, Met, …) index is sought per kind for
    /// the few failing items. The check's year is an EXISTS on its primary key: as a join, SQLite started from the
    /// year's checks and probed every item (1.4 s).
    /// </summary>
    internal static IQueryable<AssuranceItem> FailedItems(PortalDbContext db, DashboardQuery query)
    {
        var year = query.Year;
        var kinds = Enum.GetValues<AssuranceItemKind>();
        var met = false;
        return query.Within(db.AssuranceItems, db.Scope).Where(i => kinds.Contains(i.Kind) && i.Met == met)
            .Where(i => db.AssuranceChecks.Any(c => c.Id == i.AssuranceCheckId && c.Year == year));
    }
}
