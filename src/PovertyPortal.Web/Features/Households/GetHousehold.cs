using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// One household as its page shows it: members (ID numbers and health masked), status history, monitoring and the
/// field history. Null when it does not exist or lies outside the user's scope.
/// </summary>
public sealed class GetHousehold(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record Result(
        Household Household, string VillageName, string TownshipName, string? GroupName, string? PhoneMasked,
        IReadOnlyList<MemberRow> Members, IReadOnlyList<HouseholdStatusChange> StatusHistory,
        IReadOnlyList<ChangeRow> Changes, DateTimeOffset LoadedAt);

    public sealed record MemberRow(Member Member, string ResidentIdMasked, int Age);

    public sealed record ChangeRow(DateTimeOffset At, string? UserName, string? Subject, string Field, string? OldValue, string? NewValue);

    public async Task<Result?> HandleAsync(int householdId, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var loadedAt = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null) return null;

        var village = await db.Villages.Where(v => v.Id == household.VillageId)
            .Select(v => new { v.Name, Township = v.Township!.Name }).SingleAsync(cancellationToken);
        var group = await db.VillageGroups.Where(g => g.Id == household.VillageGroupId).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken);
        var members = await db.Members.AsNoTracking().Where(m => m.HouseholdId == householdId)
            .OrderBy(m => m.IsDeceased).ThenBy(m => m.Relationship == Relationship.Head ? 0 : 1).ThenBy(m => m.BirthDate)
            .ToListAsync(cancellationToken);
        var history = await db.HouseholdStatusChanges.AsNoTracking().Where(s => s.HouseholdId == householdId)
            .OrderBy(s => s.EffectiveOn).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var changes = await db.FieldChanges.Where(c => c.HouseholdId == householdId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(500)
            .Select(c => new ChangeRow(c.At, c.UserName, c.Subject, c.Field, c.OldValue, c.NewValue))
            .ToListAsync(cancellationToken);
        // The history follows the masking rule like the members table: beside masked IDs a birth date reads as its
        // year, and health and disability as *** for roles that may not read them.
        var fullIds = PortalRoles.CanRevealPersonalData(currentUser.Role);
        var health = PortalRoles.CanSeeHealthData(currentUser.Role);
        changes = changes.Select(c => c with
        {
            OldValue = PersonalData.Restrict(c.Field, c.OldValue, fullIds, health),
            NewValue = PersonalData.Restrict(c.Field, c.NewValue, fullIds, health),
        }).ToList();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // The page never receives the full ID: it is masked here, and revealed one at a time by RevealPersonalData.
        var rows = members.Select(m => new MemberRow(Masked(m), ResidentId.Mask(m.ResidentId), Age(m.BirthDate, today))).ToList();
        var phoneMasked = household.Phone is null ? null : HouseholdFields.MaskValue(nameof(Household.Phone), household.Phone);
        household.Phone = null;
        household.StatusHistory = history;
        return new Result(household, village.Name, village.Township, group, phoneMasked, rows, history, changes, loadedAt);
    }

    private static Member Masked(Member member)
    {
        member.ResidentId = ResidentId.Mask(member.ResidentId);
        return member;
    }

    public static int Age(DateOnly birth, DateOnly today) =>
        today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
}
