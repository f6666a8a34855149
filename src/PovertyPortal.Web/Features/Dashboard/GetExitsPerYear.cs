using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// Households exited per 脱贫年度 up to the chosen year: the bar chart. Counted as the household list filters
/// "状态 已脱贫 + 脱贫年度", so each bar links to a list of the same length.
/// </summary>
public sealed class GetExitsPerYear(IDbContextFactory<PortalDbContext> dbFactory)
{
    public readonly record struct Row(int Year, int Households);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var years = await query.Within(db.Households, db.Scope)
            .Where(h => h.Status == HouseholdStatus.Exited && h.ExitYear <= query.Year)
            .GroupBy(h => h.ExitYear)
            .Select(g => new { Year = g.Key!.Value, Households = g.Count() })
            .ToListAsync(cancellationToken);
        return years.Select(y => new Row(y.Year, y.Households)).OrderBy(r => r.Year).ToList();
    }
}
