using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.Benefits;

/// <summary>Benefit records of one household (all years), or of one village in one year, with names for display.</summary>
public sealed class ListBenefitRecords(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(BenefitRecord Record, string ProgramName, BenefitGroup Group, string HouseholdNumber, string? HeadName, string? MemberName);

    public async Task<IReadOnlyList<Row>> ForHouseholdAsync(int householdId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RowsAsync(db, db.BenefitRecords.Where(r => r.HouseholdId == householdId), cancellationToken);
    }

    public async Task<IReadOnlyList<Row>> ForVillageAsync(int villageId, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RowsAsync(db, db.BenefitRecords.Where(r => r.VillageId == villageId && r.Year == year), cancellationToken);
    }

    private static async Task<IReadOnlyList<Row>> RowsAsync(PortalDbContext db, IQueryable<BenefitRecord> records, CancellationToken cancellationToken)
    {
        var list = await records.AsNoTracking().Include(r => r.Program).ToListAsync(cancellationToken);
        var householdIds = list.Select(r => r.HouseholdId).Distinct().ToList();
        var numbers = await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.HouseholdNumber, cancellationToken);
        var members = await db.Members.Where(m => householdIds.Contains(m.HouseholdId))
            .Select(m => new { m.Id, m.HouseholdId, m.Name, m.Relationship }).ToListAsync(cancellationToken);
        var names = members.ToDictionary(m => m.Id, m => m.Name);
        var heads = members.Where(m => m.Relationship == Relationship.Head).GroupBy(m => m.HouseholdId).ToDictionary(g => g.Key, g => g.First().Name);
        return list
            .OrderByDescending(r => r.Year).ThenBy(r => r.Program!.Group).ThenBy(r => r.Program!.SortOrder)
            .ThenBy(r => numbers.GetValueOrDefault(r.HouseholdId)).ThenBy(r => r.Id)
            .Select(r => new Row(r, r.Program!.Name, r.Program.Group, numbers.GetValueOrDefault(r.HouseholdId, ""),
                heads.GetValueOrDefault(r.HouseholdId), r.MemberId is int m ? names.GetValueOrDefault(m) : null))
            .ToList();
    }
}
