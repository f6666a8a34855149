using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Assurance;

namespace PovertyPortal.Web.Features.Assurance;

/// <summary>
/// A household's assurance checks, newest year first, each item with what the register says beside the official's
/// answer (education, medical care, housing), so disagreements show.
/// </summary>
public sealed class GetAssuranceChecks(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Item(AssuranceItemKind Kind, AssuranceItem? Answer, AssuranceRules.Computed? Computed)
    {
        public bool Disagrees => Answer is not null && Computed is not null && Answer.Met != Computed.Met;
    }

    public sealed record Check(int Year, HousingGrade? HousingGrade, IReadOnlyList<Item> Items, Guid Version = default)
    {
        public bool AllMet => Items.All(i => i.Answer?.Met == true);
    }

    public async Task<IReadOnlyList<Check>> HandleAsync(int householdId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().Where(h => h.Id == householdId)
            .Select(h => new { h.IsRelocated }).FirstOrDefaultAsync(cancellationToken);
        if (household is null) return [];
        var members = await db.Members.AsNoTracking().Where(m => m.HouseholdId == householdId)
            .Select(m => new AssuranceRules.MemberFacts(m.Name, m.BirthDate, m.SchoolingStatus, m.HasBasicMedicalInsurance, m.IsDeceased))
            .ToListAsync(cancellationToken);
        var checks = await db.AssuranceChecks.AsNoTracking().Include(c => c.Items).Where(c => c.HouseholdId == householdId)
            .OrderByDescending(c => c.Year).ToListAsync(cancellationToken);
        return checks.Select(c => new Check(c.Year, c.HousingGrade, Enum.GetValues<AssuranceItemKind>()
            .Select(kind => new Item(kind, c.Items.FirstOrDefault(i => i.Kind == kind),
                AssuranceRules.For(kind, members, c.Year, c.HousingGrade, household.IsRelocated)))
            .ToList(), c.Version)).ToList();
    }

    /// <summary>What the register says for a year not yet checked: the form shows it while the official answers.</summary>
    public async Task<Check> ComputedOnlyAsync(int householdId, int year, HousingGrade? grade, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var relocated = await db.Households.Where(h => h.Id == householdId).Select(h => h.IsRelocated).FirstOrDefaultAsync(cancellationToken);
        var members = await db.Members.AsNoTracking().Where(m => m.HouseholdId == householdId)
            .Select(m => new AssuranceRules.MemberFacts(m.Name, m.BirthDate, m.SchoolingStatus, m.HasBasicMedicalInsurance, m.IsDeceased))
            .ToListAsync(cancellationToken);
        return new Check(year, grade, Enum.GetValues<AssuranceItemKind>()
            .Select(kind => new Item(kind, null, AssuranceRules.For(kind, members, year, grade, relocated))).ToList());
    }
}
