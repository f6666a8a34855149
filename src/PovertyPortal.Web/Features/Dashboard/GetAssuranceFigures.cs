using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Dashboard;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 两不愁三保障及饮水安全: households whose check of the year failed an item, per village and item; those that failed
/// at least one; and how many households were checked (one check per household and year). Read from the villages' assurance tallies
/// (AssuranceTally: checks counted per set of failed items, recounted by every save: decision 0011), a few rows per
/// village instead of the county's 300,000 checks; each set's checks count once for every item in it. The household
/// list these figures open (AssuranceFailure) reads the checks themselves: the same households.
/// </summary>
public sealed class GetAssuranceFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, AssuranceItemKind Kind, int Failing);

    public readonly record struct Checked(int TownshipId, int VillageId, int Households);

    public readonly record struct FailingHouseholds(int TownshipId, int VillageId, int Households);

    public sealed record Result(IReadOnlyList<Checked> Checks, IReadOnlyList<Row> Failing, IReadOnlyList<FailingHouseholds> FailingAny);

    /// <summary>How many checks of a village failed exactly this set of items (AssuranceTally, or a snapshot's checks counted alike).</summary>
    public readonly record struct Tally(int TownshipId, int VillageId, int FailedItems, int Checks);

    public async Task<Result> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var year = query.Year;
        var tallies = await query.Within(db.AssuranceTallies, db.Scope).Where(t => t.Year == year)
            .Select(t => new Tally(t.TownshipId, t.VillageId, t.FailedItems, t.Checks))
            .ToListAsync(cancellationToken);
        return Summarize(tallies);
    }

    /// <summary>The figures from the tallies: each set's checks count once for every item in it.</summary>
    public static Result Summarize(IReadOnlyList<Tally> tallies)
    {
        var checks = tallies.GroupBy(t => (t.TownshipId, t.VillageId))
            .Select(g => new Checked(g.Key.TownshipId, g.Key.VillageId, g.Sum(t => t.Checks)))
            .ToList();
        var failing = tallies.SelectMany(t => AssuranceTally.Kinds(t.FailedItems).Select(kind => (t.TownshipId, t.VillageId, Kind: kind, t.Checks)))
            .GroupBy(t => (t.TownshipId, t.VillageId, t.Kind))
            .Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Key.Kind, g.Sum(t => t.Checks)))
            .ToList();
        var failingAny = tallies.Where(t => t.FailedItems != 0).GroupBy(t => (t.TownshipId, t.VillageId))
            .Select(g => new FailingHouseholds(g.Key.TownshipId, g.Key.VillageId, g.Sum(t => t.Checks)))
            .ToList();
        return new Result(checks, failing, failingAny);
    }
}
