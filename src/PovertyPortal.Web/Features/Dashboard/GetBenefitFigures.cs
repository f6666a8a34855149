using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Benefits;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 政策落实: benefit amounts of the year per village and program group, and the receiving households (户次: each program's
/// households counted once, then added over the programs of the group). Read from the villages' tallies (BenefitTally,
/// one row per village, year and program, recounted by every save that changes the records: decision 0011), so a
/// county's year is a few thousand rows instead of every record; the handful of programs are put in their groups here.
/// Microloans are their own figure (GetMicroloanFigures), so 金融扶贫 here holds only what was entered as benefit records.
/// </summary>
public sealed class GetBenefitFigures(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int TownshipId, int VillageId, BenefitGroup Group, decimal Amount, int Households);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var year = query.Year;
        var groups = await db.BenefitPrograms.ToDictionaryAsync(p => p.Id, p => p.Group, cancellationToken);
        var tallies = await query.Within(db.BenefitTallies, db.Scope)
            .Where(t => t.Year == year)
            .Select(t => new { t.TownshipId, t.VillageId, t.ProgramId, t.AmountInFen, t.Households })
            .ToListAsync(cancellationToken);
        return tallies.GroupBy(t => (t.TownshipId, t.VillageId, Group: groups[t.ProgramId]))
            .Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Key.Group, g.Sum(t => t.AmountInFen) / 100m, g.Sum(t => t.Households)))
            .ToList();
    }
}
