using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;

namespace PovertyPortal.Web.Features.Income;

/// <summary>
/// The household list's income filter: households whose income record of the year carries the warning. The line is
/// looked up per county (its province), then compared in the database on the stored per-capita income.
/// </summary>
public static class IncomeWarningFilter
{
    public static async Task<IQueryable<Household>> ApplyAsync(PortalDbContext db, IQueryable<Household> households, IncomeWarning warning,
        int? incomeYear, CancellationToken cancellationToken)
    {
        // Without a year: the latest year that has a poverty line.
        var year = incomeYear ?? await db.PovertyLines.MaxAsync(l => (int?)l.Year, cancellationToken) ?? 0;
        IQueryable<Household>? result = null;
        foreach (var (line, ids) in await PovertyLines.ByCountyAsync(db, year, cancellationToken))
        {
            var below = line.Amount;
            var near = line.Amount * line.NearLineMultiple;
            var incomes = db.IncomeRecords.Where(r => r.Year == year && ids.Contains(r.CountyId));
            var matching = warning switch
            {
                IncomeWarning.BelowLine => households.Where(h => incomes.Any(r => r.HouseholdId == h.Id && r.NetIncomePerCapita < below)),
                IncomeWarning.NearLine => households.Where(h => incomes.Any(r => r.HouseholdId == h.Id && r.NetIncomePerCapita >= below && r.NetIncomePerCapita < near)),
                _ => households.Where(h => h.Status == HouseholdStatus.Exited && (h.ExitYear == null || h.ExitYear <= year)
                    && incomes.Any(r => r.HouseholdId == h.Id && r.NetIncomePerCapita < below)),
            };
            result = result is null ? matching : result.Union(matching);
        }
        // No line for the year: nothing can be below it.
        return result ?? households.Where(h => false);
    }
}
