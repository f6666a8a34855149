using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.Areas;

/// <summary>
/// The registry's headline figures for everything the user can see, and the same figures per township
/// (for a county user) or per village (for a township user). Grouped queries only: nothing is loaded per row.
/// </summary>
public sealed class GetAreaSummaries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Result(AreaSummary Total, IReadOnlyList<AreaSummary> Rows, bool RowsAreVillages);

    public async Task<Result> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byVillage = db.Scope.TownshipId is not null;

        var areas = byVillage
            ? await db.Villages.Where(v => !v.IsRetired).OrderBy(v => v.AdminCode)
                .Select(v => new AreaRow(v.Id, v.Name, 1, v.IsPovertyVillage ? 1 : 0)).ToListAsync(cancellationToken)
            : await db.Townships.Where(t => !t.IsRetired).OrderBy(t => t.AdminCode)
                .Select(t => new AreaRow(t.Id, t.Name,
                    t.Villages.Count(v => !v.IsRetired),
                    t.Villages.Count(v => !v.IsRetired && v.IsPovertyVillage))).ToListAsync(cancellationToken);

        // The grouping key is chosen here rather than in SQL, so each query groups on an indexed column.
        Expression<Func<Household, int>> householdArea = byVillage ? h => h.VillageId : h => h.TownshipId;
        Expression<Func<Member, int>> memberArea = byVillage ? m => m.VillageId : m => m.TownshipId;

        var households = await db.Households.Where(IsRegisteredPoor)
            .GroupBy(householdArea)
            .Select(g => new
            {
                AreaId = g.Key,
                Households = g.Count(),
                Exited = g.Count(h => h.Status == HouseholdStatus.Exited),
            })
            .ToDictionaryAsync(x => x.AreaId, cancellationToken);

        var people = await db.Members
            .Where(m => !m.IsDeceased
                && (m.Household!.Status == HouseholdStatus.Identified || m.Household.Status == HouseholdStatus.Exited
                    || m.Household.Status == HouseholdStatus.Returned))
            .GroupBy(memberArea)
            .Select(g => new { AreaId = g.Key, People = g.Count() })
            .ToDictionaryAsync(x => x.AreaId, x => x.People, cancellationToken);

        var monitored = await db.Households
            .Where(h => h.MonitoringType != null && h.RiskEliminatedOn == null)
            .GroupBy(householdArea)
            .Select(g => new { AreaId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AreaId, x => x.Count, cancellationToken);

        var rows = areas.Select(a =>
        {
            households.TryGetValue(a.Id, out var h);
            var total = h?.Households ?? 0;
            var exited = h?.Exited ?? 0;
            return new AreaSummary(a.Id, a.Name, a.Villages, a.PovertyVillages, total,
                people.GetValueOrDefault(a.Id), exited, total - exited, monitored.GetValueOrDefault(a.Id));
        }).ToList();

        // Totals come from the grouped counts, not from the rows: households of a retired (merged) area still count.
        var registeredTotal = households.Values.Sum(h => h.Households);
        var exitedTotal = households.Values.Sum(h => h.Exited);
        var sum = new AreaSummary(0, "合计",
            rows.Sum(r => r.VillageCount), rows.Sum(r => r.PovertyVillageCount),
            registeredTotal, people.Values.Sum(), exitedTotal, registeredTotal - exitedTotal, monitored.Values.Sum());
        return new Result(sum, rows, byVillage);
    }

    /// <summary>建档立卡: identified, exited or returned; not removed, not merely monitored.</summary>
    public static readonly Expression<Func<Household, bool>> IsRegisteredPoor = h =>
        h.Status == HouseholdStatus.Identified || h.Status == HouseholdStatus.Exited || h.Status == HouseholdStatus.Returned;

    private sealed record AreaRow(int Id, string Name, int Villages, int PovertyVillages);
}
