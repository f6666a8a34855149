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
/// on the (CountyId, Year, NetIncomePerCapita) index (a township's on (TownshipId, Year)); the household is joined only for the
/// exited-but-below count, and only to the records below the line.
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
            // Compared as double: SQLite keeps decimals as text and compares them in a C# function row by row (10× slower
            // on 300,000 records); incomes and lines have two decimals, which double compares exactly enough.
            var (below, near) = ((double)line.Amount, (double)(line.Amount * line.NearLineMultiple));
            var records = query.Within(db.IncomeRecords, db.Scope).Where(r => r.Year == year && ids.Contains(r.CountyId));
            var counts = await records
                .Select(r => new { r.TownshipId, r.VillageId, NetIncomePerCapita = (double)r.NetIncomePerCapita })
                .GroupBy(x => new { x.TownshipId, x.VillageId })
                .Select(g => new
                {
                    g.Key.TownshipId, g.Key.VillageId, Recorded = g.Count(),
                    Below = g.Count(x => x.NetIncomePerCapita < below),
                    Near = g.Count(x => x.NetIncomePerCapita >= below && x.NetIncomePerCapita < near),
                })
                .ToListAsync(cancellationToken);
            // The household is joined only for the records below the line (a fraction of them), for the exited ones.
            var exitedBelow = await records.Where(r => (double)r.NetIncomePerCapita < below)
                .Join(db.Households.Where(h => h.Status == HouseholdStatus.Exited && (h.ExitYear == null || h.ExitYear <= year)),
                    r => r.HouseholdId, h => h.Id, (r, h) => r)
                .GroupBy(r => r.VillageId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            rows.AddRange(counts.Select(c => new Row(c.TownshipId, c.VillageId, c.Recorded, c.Below, c.Near, exitedBelow.GetValueOrDefault(c.VillageId))));
        }
        return rows;
    }
}
