using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.VillageWork;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>What the group's commands share: the refusals, where an answer is given, and when a household is done.</summary>
public static class InspectionWork
{
    public const string NotInGroup = "您不在该检查组中，或检查任务不存在";
    public const string NotOpen = "督导方案未下发或已结束，不能再录入检查情况";

    /// <summary>The place checked against the pair's sample scope; for a household its village is taken from the sample.</summary>
    public sealed record ResolvedPlace(InspectionPlace Place, SampledHousehold? Sampled, string? Refusal);

    public static async Task<ResolvedPlace> ResolveAsync(PortalDbContext db, InspectionAccess.GroupPair pair, InspectionPlace place, CancellationToken cancellationToken)
    {
        if (place.HouseholdId is int householdId)
        {
            var sampled = await db.SampledHouseholds.FirstOrDefaultAsync(s => s.HouseholdId == householdId && !s.IsWithdrawn, cancellationToken);
            return sampled is null
                ? new(place, null, "该户不在本组的抽样名单中")
                : new(new InspectionPlace(sampled.VillageId, householdId), sampled, null);
        }
        if (place.VillageId is int villageId
            && !await db.Villages.AnyAsync(v => v.Id == villageId && v.TownshipId == pair.InspectedTownshipId, cancellationToken))
        {
            return new(place, null, "该村不在被检查乡镇内");
        }
        return new(place, null, null);
    }

    public static Task<InspectionAnswer?> FindAnswerAsync(PortalDbContext db, int itemId, InspectionPlace place, CancellationToken cancellationToken) =>
        db.InspectionAnswers.FirstOrDefaultAsync(
            a => a.ChecklistItemId == itemId && a.HouseholdId == place.HouseholdId && a.VillageId == place.VillageId, cancellationToken);

    /// <summary>
    /// A household's visit starts with its first answer (入户检查 unless the group said otherwise) and is done when every
    /// household item has an answer — photo items excepted when the household was reached by phone or through the
    /// village cadres, as nobody of the group stood at the house to take one.
    /// </summary>
    public static async Task MarkVisitAsync(PortalDbContext db, SampledHousehold? sampled, ChecklistItem item, InspectionAnswer answer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (sampled is null) return;
        sampled.VisitMode ??= VisitMode.InPerson;
        sampled.VisitedOn ??= Domain.Common.PortalYears.Today(clock);
        if (sampled.CompletedAt is not null) return;
        var needed = await db.ChecklistItems
            .Where(i => i.InspectionRoundId == item.InspectionRoundId && i.Per == CheckedPer.Household
                && (sampled.VisitMode == VisitMode.InPerson || i.AnswerType != AnswerType.Photo))
            .Select(i => i.Id).ToListAsync(cancellationToken);
        var answered = await db.InspectionAnswers.Where(a => a.HouseholdId == sampled.HouseholdId).Select(a => a.ChecklistItemId).ToListAsync(cancellationToken);
        if (needed.All(id => id == answer.ChecklistItemId || answered.Contains(id))) sampled.CompletedAt = clock.GetUtcNow();
    }

    /// <summary>The place as the audit names it: by ids only, as names of households are personal.</summary>
    public static string Describe(InspectionPlace place) =>
        place.HouseholdId is int h ? $"户 {h}" : place.VillageId is int v ? $"村 {v}" : "乡镇";

    public static Task<int> PhotoCountAsync(PortalDbContext db, int answerId, CancellationToken cancellationToken) =>
        db.Attachments.CountAsync(a => a.OwnerType == AttachmentOwner.InspectionAnswer && a.OwnerId == answerId, cancellationToken);
}
