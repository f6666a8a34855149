using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Support;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 政策落实: benefit amounts of the year per village and program group, and the receiving households, from one grouped
/// query on the (CountyId, Year, ProgramId) index joined to the handful of programs. Microloans are their own figure
/// (GetMicroloanFigures), so 金融扶贫 here holds only what was entered as benefit records.
/// </summary>
public sealed class GetBenefitFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, BenefitGroup Group, decimal Amount, int Households);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var year = query.Year;
        var records = query.Within(db.BenefitRecords, db.Scope)
            .Where(r => r.Year == year)
            .Join(db.BenefitPrograms, r => r.ProgramId, p => p.Id, (r, p) => new { r.TownshipId, r.VillageId, p.Group, r.Amount, r.HouseholdId })
            .GroupBy(x => new { x.TownshipId, x.VillageId, x.Group });
        if (!db.Database.IsSqlite())
        {
            return await records.Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Key.Group, g.Sum(x => x.Amount),
                    g.Select(x => x.HouseholdId).Distinct().Count()))
                .ToListAsync(cancellationToken);
        }
        // SQLite keeps decimals as text and sums them in a C# aggregate row by row (about 0.5 s for a county's year).
        // Summed natively as whole fen instead: amounts have two decimals, so each rounded term is an exact integer
        // their double sum stays exact up to 2^53 fen, and the whole number converts to decimal exactly.
        var fen = await records.Select(g => new
            {
                g.Key.TownshipId, g.Key.VillageId, g.Key.Group,
                Fen = g.Sum(x => Math.Round((double)x.Amount * 100)),
                Households = g.Select(x => x.HouseholdId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);
        return fen.Select(r => new Row(r.TownshipId, r.VillageId, r.Group, (decimal)(long)r.Fen / 100m, r.Households)).ToList();
    }
}
