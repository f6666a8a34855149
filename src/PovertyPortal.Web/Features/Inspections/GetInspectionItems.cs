using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// The items a group answers at one place — a sampled household, an inspected village or the inspected township —
/// with what is saved so far (answers, photos, findings), and for a household the register's facts as the group's
/// roles may read them: ID numbers and the phone masked, health shown only to roles that may see it. Read in the
/// pair's sample scope: a household outside the sample is not there (null, like a user outside the group).
/// </summary>
public sealed class GetInspectionItems(InspectionAccess access, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record Photo(int Id, string FileName);

    public sealed record AnswerView(
        int Id, Compliance? Compliance, decimal? Number, string? Text, string? Note, DateTimeOffset SavedAt, string? SavedBy);

    public sealed record FindingView(
        int Id, FindingDisposition Disposition, string Description, string? Evidence, DateOnly? FixedOn, int? ProblemId, IReadOnlyList<Photo> Photos);

    public sealed record ItemRow(ChecklistItem Item, AnswerView? Answer, IReadOnlyList<Photo> Photos, FindingView? Finding);

    public sealed record MemberFact(string Name, string Relationship, string Gender, int Age, string ResidentIdMasked, string Health, string Labour, bool Deceased);

    public sealed record HouseholdFacts(
        string HouseholdNumber, string? HeadName, string Status, string? Category, string? Causes, string? Monitoring,
        int? IdentificationYear, int? ExitYear, bool IsRelocated, int LivingMembers, string? Address, string? PhoneMasked,
        IReadOnlyList<MemberFact> Members, SampleCategory SampleCategory, string? SampleReason, VisitMode? VisitMode, DateOnly? VisitedOn, bool Done);

    public sealed record Result(
        InspectionAccess.GroupPair Pair, string InspectedTownship, string? VillageName, HouseholdFacts? Household,
        IReadOnlyList<ItemRow> Items)
    {
        public bool CanWrite => Pair.RoundStatus == InspectionRoundStatus.Issued;
        public int Answered => Items.Count(i => i.Answer is not null);
    }

    public async Task<Result?> HandleAsync(int pairId, InspectionPlace place, CancellationToken cancellationToken = default)
    {
        if (await access.OpenAsync(pairId, cancellationToken) is not var (pair, db)) return null;
        await using var _ = db;
        var township = await db.Townships.Where(t => t.Id == pair.InspectedTownshipId).Select(t => t.Name).SingleAsync(cancellationToken);
        string? villageName = null;
        HouseholdFacts? facts = null;
        var villageOfPlace = place.VillageId;
        if (place.HouseholdId is int householdId)
        {
            (facts, villageOfPlace) = await FactsAsync(db, householdId, cancellationToken);
            if (facts is null) return null;
            villageName = await db.Villages.Where(v => v.Id == villageOfPlace).Select(v => v.Name).SingleOrDefaultAsync(cancellationToken);
        }
        else if (place.VillageId is int villageId)
        {
            villageName = await db.Villages.Where(v => v.Id == villageId && v.TownshipId == pair.InspectedTownshipId)
                .Select(v => v.Name).SingleOrDefaultAsync(cancellationToken);
            if (villageName is null) return null;
        }

        var items = await db.ChecklistItems.AsNoTracking()
            .Where(i => i.InspectionRoundId == pair.RoundId && i.Per == place.Per)
            .OrderBy(i => i.Area).ThenBy(i => i.Order).ToListAsync(cancellationToken);
        var answers = await db.InspectionAnswers.AsNoTracking()
            .Where(a => a.HouseholdId == place.HouseholdId && a.VillageId == villageOfPlace).ToListAsync(cancellationToken);
        var answerIds = answers.Select(a => a.Id).ToList();
        var findings = await db.InspectionFindings.AsNoTracking().Where(f => answerIds.Contains(f.InspectionAnswerId)).ToListAsync(cancellationToken);
        var findingIds = findings.Select(f => f.Id).ToList();
        var photos = await db.Attachments.AsNoTracking()
            .Where(a => (a.OwnerType == AttachmentOwner.InspectionAnswer && answerIds.Contains(a.OwnerId))
                || (a.OwnerType == AttachmentOwner.InspectionFinding && findingIds.Contains(a.OwnerId)))
            .OrderBy(a => a.Id).Select(a => new { a.OwnerType, a.OwnerId, Photo = new Photo(a.Id, a.FileName) })
            .ToListAsync(cancellationToken);
        IReadOnlyList<Photo> PhotosOf(AttachmentOwner owner, int id) =>
            photos.Where(p => p.OwnerType == owner && p.OwnerId == id).Select(p => p.Photo).ToList();

        var rows = items.Select(item =>
        {
            var answer = answers.FirstOrDefault(a => a.ChecklistItemId == item.Id);
            var finding = answer is null ? null : findings.FirstOrDefault(f => f.InspectionAnswerId == answer.Id);
            return new ItemRow(item,
                answer is null ? null : new AnswerView(answer.Id, answer.Compliance, answer.Number, answer.Text, answer.Note,
                    answer.UpdatedAt ?? answer.CreatedAt, answer.UpdatedBy ?? answer.CreatedBy),
                answer is null ? [] : PhotosOf(AttachmentOwner.InspectionAnswer, answer.Id),
                finding is null ? null : new FindingView(finding.Id, finding.Disposition, finding.Description, finding.Evidence,
                    finding.FixedOn, finding.ProblemId, PhotosOf(AttachmentOwner.InspectionFinding, finding.Id)));
        }).ToList();
        return new Result(pair, township, villageName, facts, rows);
    }

    private async Task<(HouseholdFacts? Facts, int? VillageId)> FactsAsync(Data.PortalDbContext db, int householdId, CancellationToken cancellationToken)
    {
        // The household filter of the sample scope lets through only the pair's sampled households.
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null) return (null, null);
        var sampled = await db.SampledHouseholds.AsNoTracking().SingleAsync(s => s.HouseholdId == householdId && !s.IsWithdrawn, cancellationToken);
        var members = await db.Members.AsNoTracking().Where(m => m.HouseholdId == householdId)
            .OrderBy(m => m.IsDeceased).ThenBy(m => m.Relationship == Relationship.Head ? 0 : 1).ThenBy(m => m.BirthDate)
            .ToListAsync(cancellationToken);
        var health = PortalRoles.CanSeeHealthData(currentUser.Role);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var causes = string.Join("、", new[] { household.PrimaryCause, household.SecondaryCause }.OfType<PovertyCause>().Select(c => c.Label()));
        return (new HouseholdFacts(household.HouseholdNumber,
            members.FirstOrDefault(m => m.Relationship == Relationship.Head && !m.IsDeceased)?.Name,
            household.Status.Label(), household.Category?.Label(), causes.Length == 0 ? null : causes, household.MonitoringType?.Label(),
            household.IdentificationYear, household.ExitYear, household.IsRelocated, household.LivingMembers, household.Address,
            household.Phone is null ? null : HouseholdFields.MaskPhone(household.Phone),
            members.Select(m => new MemberFact(m.Name, m.Relationship.Label(), m.Gender.Label(), GetHousehold.Age(m.BirthDate, today),
                ResidentId.Mask(m.ResidentId), health ? m.Health.Label() : "***", m.LabourAbility.Label(), m.IsDeceased)).ToList(),
            sampled.Category, sampled.Reason, sampled.VisitMode, sampled.VisitedOn, sampled.CompletedAt is not null), household.VillageId);
    }
}

/// <summary>Where an answer is given: a sampled household (its village is the household's), an inspected village, or the township.</summary>
public sealed record InspectionPlace(int? VillageId, int? HouseholdId)
{
    public static InspectionPlace Township { get; } = new(null, null);

    public static InspectionPlace Village(int villageId) => new(villageId, null);

    public static InspectionPlace Household(int householdId) => new(null, householdId);

    public CheckedPer Per => HouseholdId is not null ? CheckedPer.Household : VillageId is not null ? CheckedPer.Village : CheckedPer.Township;
}
