using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Support;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 政策落实: benefit amounts of the year per village and program group, and the receiving households (户次: each program's
/// households counted once, then added over the programs of the group). One grouped query per village and program,
/// read from the covering (CountyId, Year, TownshipId, VillageId, ProgramId, HouseholdId, Amount) index in its own
/// order, so neither database sorts; the handful of programs are put in their groups here. Microloans are their own
/// figure (GetMicroloanFigures), so 金融扶贫 here holds only what was entered as benefit records.
/// </summary>
public sealed class GetBenefitFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, BenefitGroup Group, decimal Amount, int Households);

    private readonly record struct ProgramRow(int TownshipId, int VillageId, int ProgramId, decimal Amount, int Households);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var year = query.Year;
        var groups = await db.BenefitPrograms.ToDictionaryAsync(p => p.Id, p => p.Group, cancellationToken);
        var perProgram = query.Within(db.BenefitRecords, db.Scope)
            .Where(r => r.Year == year)
            .GroupBy(r => new { r.TownshipId, r.VillageId, r.ProgramId });
        List<ProgramRow> rows;
        if (db.Database.IsSqlite())
        {
            // SQLite holds the amounts as REAL (PortalDbContext.StoreAsReal). Added as whole fen they stay exact: each
            // rounded term is an integer, a double sum of integers is exact up to 2^53 fen, and converts to decimal exactly.
            rows = (await perProgram.Select(g => new
                {
                    g.Key.TownshipId, g.Key.VillageId, g.Key.ProgramId,
                    Fen = g.Sum(r => Math.Round((double)r.Amount * 100)),
                    Households = g.Select(r => r.HouseholdId).Distinct().Count(),
                })
                .ToListAsync(cancellationToken))
                .Select(r => new ProgramRow(r.TownshipId, r.VillageId, r.ProgramId, (decimal)(long)r.Fen / 100m, r.Households))
                .ToList();
        }
        else
        {
            rows = await perProgram.Select(g => new ProgramRow(g.Key.TownshipId, g.Key.VillageId, g.Key.ProgramId,
                    g.Sum(r => r.Amount), g.Select(r => r.HouseholdId).Distinct().Count()))
                .ToListAsync(cancellationToken);
        }
        return rows.GroupBy(r => (r.TownshipId, r.VillageId, Group: groups[r.ProgramId]))
            .Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Key.Group, g.Sum(r => r.Amount), g.Sum(r => r.Households)))
            .ToList();
    }
}
