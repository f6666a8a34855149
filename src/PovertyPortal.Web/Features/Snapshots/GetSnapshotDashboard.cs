using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Snapshots;
using PovertyPortal.Web.Features.Dashboard;

namespace PovertyPortal.Web.Features.Snapshots;

/// <summary>
/// The dashboard as of a year-end snapshot (截至某年末快照): the register's figure groups counted from the snapshot's
/// rows with the live handlers' rules (the standings were evaluated by RegistryStandings at freezing, amounts are fen,
/// the poverty line is the one the snapshot kept), into the same rows the live dashboard shows. Figures the snapshot does
/// not hold (microloans, collective income, 五天四夜, the income trend of earlier years) stay empty and the page says
/// 快照中无此项 (<see cref="NotInSnapshot"/>) rather than mix live data in.
/// </summary>
public sealed class GetSnapshotDashboard(IDbContextFactory<PortalDbContext> dbFactory, GetDashboardAreas areas)
{
    /// <summary>The dashboard's parts a snapshot cannot serve.</summary>
    public static readonly IReadOnlyList<string> NotInSnapshot = ["收入趋势（往年）", "扶贫小额信贷", "村集体经济", "五天四夜", "问题整改"];

    /// <summary>The table columns of those parts (AreaColumns keys).</summary>
    public static readonly IReadOnlySet<string> ColumnsNotInSnapshot =
        new HashSet<string> { "loans-outstanding", "loans-overdue", "collective-below", "residency-judged", "residency-missed" };

    /// <summary>The dashboard of the snapshot; null when it is not in the user's scope. The query's year is the snapshot's.</summary>
    public async Task<Dashboard.Dashboard?> HandleAsync(int snapshotId, int? townshipId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await db.YearEndSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == snapshotId, cancellationToken);
        if (snapshot is null) return null;
        var query = new DashboardQuery(snapshot.Year, townshipId, snapshot.CountyId);
        var year = snapshot.Year;
        var households = query.Within(db.SnapshotHouseholds, db.Scope).Where(h => h.SnapshotId == snapshotId);

        var registry = await households.Where(h => h.IsRegistered)
            .GroupBy(h => new { h.TownshipId, h.VillageId, h.Category })
            .Select(g => new GetRegistryFigures.Row(g.Key.TownshipId, g.Key.VillageId, g.Key.Category, g.Count(), g.Sum(h => h.LivingMembers),
                g.Count(h => h.IsExited)))
            .ToListAsync(cancellationToken);
        var exits = (await households.Where(h => h.Status == HouseholdStatus.Exited && h.ExitYear <= year)
            .GroupBy(h => h.ExitYear).Select(g => new { Year = g.Key!.Value, Households = g.Count() })
            .ToListAsync(cancellationToken))
            .Select(y => new GetExitsPerYear.Row(y.Year, y.Households)).OrderBy(r => r.Year).ToList();
        var causes = (await households.Where(h => h.IsRegistered).GroupBy(h => h.PrimaryCause)
            .Select(g => new { g.Key, Households = g.Count() }).ToListAsync(cancellationToken))
            .Select(c => new GetPovertyCauses.Row(c.Key, c.Households)).ToList();
        var monitoring = await households.Where(h => h.IsMonitored)
            .GroupBy(h => new { h.TownshipId, h.VillageId, h.MonitoringType })
            .Select(g => new GetMonitoringFigures.Row(g.Key.TownshipId, g.Key.VillageId, g.Key.MonitoringType!.Value, g.Count(),
                g.Count(h => h.IsRiskEliminated)))
            .ToListAsync(cancellationToken);

        var income = new List<GetIncomeFigures.Row>();
        if (snapshot.PovertyLineInFen is long below && snapshot.NearLineInFen is long near)
        {
            income = await households.Where(h => h.HasIncome)
                .GroupBy(h => new { h.TownshipId, h.VillageId })
                .Select(g => new GetIncomeFigures.Row(g.Key.TownshipId, g.Key.VillageId, g.Count(),
                    g.Count(h => h.NetIncomePerCapitaInFen < below),
                    g.Count(h => h.NetIncomePerCapitaInFen >= below && h.NetIncomePerCapitaInFen < near),
                    g.Count(h => h.NetIncomePerCapitaInFen < below && h.Status == HouseholdStatus.Exited && (h.ExitYear == null || h.ExitYear <= year))))
                .ToListAsync(cancellationToken);
        }

        var benefitSums = await query.Within(db.SnapshotBenefits, db.Scope).Where(b => b.SnapshotId == snapshotId)
            .GroupBy(b => new { b.TownshipId, b.VillageId, b.Group })
            .Select(g => new { g.Key.TownshipId, g.Key.VillageId, g.Key.Group, Fen = g.Sum(b => b.AmountInFen), Households = g.Count() })
            .ToListAsync(cancellationToken);
        var benefits = benefitSums.Select(b => new GetBenefitFigures.Row(b.TownshipId, b.VillageId, b.Group, b.Fen / 100m, b.Households)).ToList();

        var tallies = await households.Where(h => h.HasAssuranceCheck)
            .GroupBy(h => new { h.TownshipId, h.VillageId, h.FailedItems })
            .Select(g => new GetAssuranceFigures.Tally(g.Key.TownshipId, g.Key.VillageId, g.Key.FailedItems, g.Count()))
            .ToListAsync(cancellationToken);
        var assurance = GetAssuranceFigures.Summarize(tallies);

        return new Dashboard.Dashboard(query, await areas.HandleAsync(query, cancellationToken), registry, exits, causes, monitoring)
        {
            Snapshot = snapshot,
            Income = income,
            Benefits = benefits,
            AssuranceChecked = assurance.Checks,
            AssuranceFailing = assurance.Failing,
            AssuranceFailingHouseholds = assurance.FailingAny,
        };
    }
}
