using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Microloans;
using PovertyPortal.Web.Features.WorkTeams;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 扶贫小额信贷 at the end of the year (or today, for the current year): the outstanding balance per village and the part of
/// it past its due date, whose ratio is the overdue rate held against the 0.5% line (MicroloanRules). One grouped query
/// on the (CountyId, TownshipId, DueDate) index. Repayments are stored as a running total, so a past year's balance is
/// today's repaid amount set against that year's due dates: exact for the current year, an approximation before it.
/// </summary>
public sealed class GetMicroloanFigures(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public readonly record struct Row(int TownshipId, int VillageId, int Loans, decimal Outstanding, int OverdueLoans, decimal Overdue);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = PortalYears.Today(clock);
        var endOfYear = new DateOnly(query.Year, 12, 31);
        var asOf = endOfYear < today ? endOfYear : today;
        return await query.Within(db.Microloans, db.Scope)
            .Where(l => l.StartDate <= asOf && l.Repaid < l.Principal)
            .GroupBy(l => new { l.TownshipId, l.VillageId })
            .Select(g => new Row(g.Key.TownshipId, g.Key.VillageId, g.Count(), g.Sum(l => l.Principal - l.Repaid),
                g.Count(l => l.DueDate < asOf), g.Where(l => l.DueDate < asOf).Sum(l => l.Principal - l.Repaid)))
            .ToListAsync(cancellationToken);
    }
}
