using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Inspections;

/// <summary>
/// A household of a round's sample (抽样户): drawn, or added or swapped in by hand with a reason. A household swapped
/// out stays as a withdrawn row, so that the sample can be shown as drawn and as changed.
/// </summary>
public class SampledHousehold : IAuditable, IAreaBound
{
    public int Id { get; set; }
    public int InspectionRoundId { get; set; }

    /// <summary>The pair whose group inspects the household; its members see only their pair's sample.</summary>
    public int InspectionPairId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int HouseholdId { get; set; }
    public SampleCategory Category { get; set; }
    public SampleOrigin Origin { get; set; }

    /// <summary>Why it is in the sample: the draw's explanation, or the reason given for an addition or a swap.</summary>
    public string? Reason { get; set; }

    /// <summary>For a household swapped in: the one it replaces.</summary>
    public int? ReplacesHouseholdId { get; set; }

    public bool IsWithdrawn { get; set; }
    public string? WithdrawnReason { get; set; }

    /// <summary>How the group reached the household; null until the visit starts.</summary>
    public VisitMode? VisitMode { get; set; }
    public DateOnly? VisitedOn { get; set; }

    /// <summary>Set when the group has answered every household item for it: counts as done in the progress.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public bool IsHandPicked => Origin is SampleOrigin.Added or SampleOrigin.SwappedIn;
}

/// <summary>A group's progress: households done of those sampled (withdrawn ones not counted).</summary>
public readonly record struct SampleProgress(int Done, int Sampled)
{
    public static SampleProgress Of(IEnumerable<SampledHousehold> sample)
    {
        var active = sample.Where(s => !s.IsWithdrawn).ToList();
        return new SampleProgress(active.Count(s => s.CompletedAt is not null), active.Count);
    }

    /// <summary>Done as a share of sampled, 0–100, for progress bars (0 when nothing is sampled).</summary>
    public double Percent => Sampled == 0 ? 0 : 100.0 * Done / Sampled;

    public override string ToString() => $"{Done}/{Sampled}";
}

/// <summary>The changes a supervisor may make to a drawn sample; each needs a reason and keeps the sample inside the inspected township.</summary>
public static class SampleAdjustments
{
    /// <summary>
    /// Adds a household to a pair's sample. Refused without a reason, for a village the pair does not inspect, or for a
    /// household already in the sample.
    /// </summary>
    public static RuleResult Add(
        List<SampledHousehold> sample, InspectionPair pair, IReadOnlySet<int> villagesOfInspectedTownship, DrawCandidate candidate, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refused("增补抽样户须填写理由");
        if (!villagesOfInspectedTownship.Contains(candidate.VillageId)) return RuleResult.Refused("只能增补被检查乡镇的农户");
        if (sample.Any(s => s.HouseholdId == candidate.HouseholdId && !s.IsWithdrawn)) return RuleResult.Refused("该户已在抽样名单中");
        sample.Add(NewRow(pair, candidate, SampleOrigin.Added, reason.Trim(), null));
        return RuleResult.Ok;
    }

    /// <summary>
    /// Puts <paramref name="candidate"/> in place of <paramref name="householdId"/>: same village, with a reason, before
    /// the visit of the household swapped out has started. The one swapped out is kept, withdrawn, with the reason.
    /// </summary>
    public static RuleResult Swap(
        List<SampledHousehold> sample, InspectionPair pair, int householdId, DrawCandidate candidate, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refused("替换抽样户须填写理由");
        var current = sample.FirstOrDefault(s => s.HouseholdId == householdId && !s.IsWithdrawn && s.InspectionPairId == pair.Id);
        if (current is null) return RuleResult.Refused("被替换的农户不在本组抽样名单中");
        if (current.VisitMode is not null || current.CompletedAt is not null) return RuleResult.Refused("该户已开始检查，不能替换");
        if (candidate.VillageId != current.VillageId) return RuleResult.Refused("只能用同一村的农户替换");
        if (candidate.HouseholdId == householdId || sample.Any(s => s.HouseholdId == candidate.HouseholdId && !s.IsWithdrawn))
            return RuleResult.Refused("替换的农户已在抽样名单中");
        current.IsWithdrawn = true;
        current.WithdrawnReason = reason.Trim();
        sample.Add(NewRow(pair, candidate, SampleOrigin.SwappedIn, reason.Trim(), householdId));
        return RuleResult.Ok;
    }

    private static SampledHousehold NewRow(InspectionPair pair, DrawCandidate candidate, SampleOrigin origin, string reason, int? replaces) => new()
    {
        InspectionRoundId = pair.InspectionRoundId, InspectionPairId = pair.Id,
        CountyId = pair.CountyId, TownshipId = pair.InspectedTownshipId, VillageId = candidate.VillageId,
        HouseholdId = candidate.HouseholdId, Category = candidate.Category, Origin = origin, Reason = reason,
        ReplacesHouseholdId = replaces,
    };
}
