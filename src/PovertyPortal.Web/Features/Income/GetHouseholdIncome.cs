using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Income;

namespace PovertyPortal.Web.Features.Income;

/// <summary>A household's incomes, year by year, each against its year's poverty and monitoring lines.</summary>
public sealed class GetHouseholdIncome(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Year(IncomeRecord Record, PovertyLine? Line, IReadOnlyList<IncomeWarning> Warnings);

    public async Task<IReadOnlyList<Year>> HandleAsync(int householdId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().Where(h => h.Id == householdId)
            .Select(h => new { h.CountyId, h.Status, h.ExitYear }).FirstOrDefaultAsync(cancellationToken);
        if (household is null) return [];
        var records = await db.IncomeRecords.AsNoTracking().Where(r => r.HouseholdId == householdId).OrderBy(r => r.Year).ToListAsync(cancellationToken);
        var province = await PovertyLines.ProvinceOfCountyAsync(db, household.CountyId, cancellationToken);
        var lines = await PovertyLines.ForYearsAsync(db, province, records.Select(r => r.Year), cancellationToken);
        return records.Select(r =>
        {
            var line = lines.GetValueOrDefault(r.Year);
            var warnings = line is null ? [] : IncomeWarnings.Of(r.NetIncomePerCapita, line, household.Status, household.ExitYear, r.Year);
            return new Year(r, line, warnings);
        }).ToList();
    }
}
