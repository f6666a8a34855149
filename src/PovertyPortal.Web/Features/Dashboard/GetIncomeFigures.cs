using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Support;
using PovertyPortal.Web.Features.Income;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// Households of the year's income records below and near the poverty line, and exited-but-below, per village: the same
/// rule as the household list's income filter (IncomeWarningFilter), so each count opens the list of exactly those
/// households. One grouped query per poverty line in use (one, unless counties of several provinces are in scope),
/// read from the covering (CountyId, Year, TownshipId, VillageId, NetIncomePerCapita, HouseholdId) index in its own
/// order; the household is looked up only for the exited-but-below count, and only for the records below the line.
/// </summary>
public sealed class GetIncomeFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, int Recorded, int BelowLine, int NearLine, int ExitedBelowLine);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var year = query.Year;
        var rows = new List<Row>();
        foreach (var (line, ids) in await PovertyLines.ByCountyAsync(db, year, cancellationToken))
        {
            var below = line.Amount;
            var near = line.Amount * line.NearLineMultiple;
            var records = query.Within(db.IncomeRecords, db.Scope).Where(r => r.Year == year && ids.Contains(r.CountyId));
            var counts = await records
                .GroupBy(r => new { r.TownshipId, r.VillageId })
                .Select(g => new
                {
                    g.Key.TownshipId, g.Key.VillageId, Recorded = g.Count(),
                    Below = g.Count(r => r.NetIncomePerCapita < below),
                    Near = g.Count(r => r.NetIncomePerCapita >= below && r.NetIncomePerCapita < near),
                })
                .ToListAsync(cancellationToken);
            // The household's standing is an EXISTS for the records below the line only: SQLite looks each one up by
            // primary key (as a join it started from the county's 220,000 exited households and probed each one's income
            // record); PostgreSQL hashes the exited households read from IX_Households_Dashboard_Exits alone.
            var households = query.Within(db.Households, db.Scope);
            var exitedBelow = await records
                .Where(r => r.NetIncomePerCapita < below && households.Any(h => h.Id == r.HouseholdId
                    && h.Status == HouseholdStatus.Exited && (h.ExitYear == null || h.ExitYear <= year)))
                .GroupBy(r => new { r.TownshipId, r.VillageId }).Select(g => new { g.Key.VillageId, Count = g.Count() })
                .ToDictionaryAsync(g => g.VillageId, g => g.Count, cancellationToken);
            rows.AddRange(counts.Select(c => new Row(c.TownshipId, c.VillageId, c.Recorded, c.Below, c.Near, exitedBelow.GetValueOrDefault(c.VillageId))));
        }
        return rows;
    }
}
