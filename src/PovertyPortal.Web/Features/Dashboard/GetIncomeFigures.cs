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
/// on the (CountyId, Year, NetIncomePerCapita) index; the household is joined only for the exited-but-below count.
/// </summary>
public sealed class GetIncomeFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, int Recorded, int BelowLine, int NearLine, int ExitedBelowLine);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var year = query.Year;
        var counties = await db.Counties.Select(c => new { c.Id, c.Province }).ToListAsync(cancellationToken);
        var lines = await db.PovertyLines.AsNoTracking().Where(l => l.Year == year).ToListAsync(cancellationToken);
        var rows = new List<Row>();
        foreach (var group in counties.GroupBy(c => PovertyLines.Pick(lines, c.Province)))
        {
            if (group.Key is not { } line) continue;
            var ids = group.Select(c => c.Id).ToList();
            var (below, near) = (line.Amount, line.Amount * line.NearLineMultiple);
            rows.AddRange(await query.Within(db.IncomeRecords, db.Scope)
                .Where(r => r.Year == year && ids.Contains(r.CountyId))
                .Join(db.Households, r => r.HouseholdId, h => h.Id, (r, h) => new
                {
                    r.TownshipId, r.VillageId, r.NetIncomePerCapita,
                    ExitedBy = h.Status == HouseholdStatus.Exited && (h.ExitYear == null || h.ExitYear <= year),
                })
                .GroupBy(x => new { x.TownshipId, x.VillageId })
                .Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Count(),
                    g.Count(x => x.NetIncomePerCapita < below),
                    g.Count(x => x.NetIncomePerCapita >= below && x.NetIncomePerCapita < near),
                    g.Count(x => x.ExitedBy && x.NetIncomePerCapita < below)))
                .ToListAsync(cancellationToken));
        }
        return rows;
    }
}
