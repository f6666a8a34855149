using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;

namespace PovertyPortal.Domain.Inspections;

/// <summary>
/// One answer of a round's checklist item: for a sampled household, an inspected village or the inspected township
/// (the item's <see cref="CheckedPer"/>), saved item by item as the group works. Photos are attachments owned by the answer.
/// </summary>
public class InspectionAnswer : IAuditable, ITownshipBound, IInspectionPairRow
{
    public int Id { get; set; }
    public int InspectionRoundId { get; set; }
    public int InspectionPairId { get; set; }
    public int ChecklistItemId { get; set; }
    public int CountyId { get; set; }

    /// <summary>The inspected township.</summary>
    public int TownshipId { get; set; }

    /// <summary>Null for an item checked per township.</summary>
    public int? VillageId { get; set; }

    /// <summary>Set for an item checked per household only.</summary>
    public int? HouseholdId { get; set; }

    public Compliance? Compliance { get; set; }
    public decimal? Number { get; set; }
    public string? Text { get; set; }

    /// <summary>说明: what the inspector saw; required for 不达标, where it becomes the finding's description.</summary>
    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>
    /// Checks the answer against its item: it is about what the item is checked per, and carries the value its answer
    /// type asks for. <paramref name="photoCount"/> is the number of photos attached to it.
    /// </summary>
    public RuleResult Check(ChecklistItem item, int photoCount)
    {
        var placeRefusal = item.Per switch
        {
            CheckedPer.Household when HouseholdId is null || VillageId is null => "按户检查的项目须对应抽样户",
            CheckedPer.Village when VillageId is null || HouseholdId is not null => "按村检查的项目须对应被检查村",
            CheckedPer.Township when VillageId is not null || HouseholdId is not null => "按乡镇检查的项目不对应村或户",
            _ => null,
        };
        if (placeRefusal is not null) return RuleResult.Refused(placeRefusal);
        return item.AnswerType switch
        {
            AnswerType.Compliance when Compliance is null => RuleResult.Refused("请选择达标、不达标或不适用"),
            AnswerType.Compliance when Compliance == Inspections.Compliance.NotMet && string.IsNullOrWhiteSpace(Note) =>
                RuleResult.Refused("不达标须说明发现的问题"),
            AnswerType.Number when Number is null => RuleResult.Refused("请填写数值"),
            AnswerType.Number when Number < 0 => RuleResult.Refused("数值不能为负数"),
            AnswerType.Text when string.IsNullOrWhiteSpace(Text) => RuleResult.Refused("请填写检查情况"),
            AnswerType.Photo when photoCount == 0 => RuleResult.Refused("请上传至少一张照片"),
            _ => RuleResult.Ok,
        };
    }
}

/// <summary>
/// 发现的问题: raised by every 不达标 answer. The group fixes it on the spot (立行立改, with evidence) or sends it to the
/// rectification ledger, where it becomes a <see cref="Problem"/>.
/// </summary>
public class InspectionFinding : IAuditable, ITownshipBound, IInspectionPairRow
{
    public int Id { get; set; }
    public int InspectionRoundId { get; set; }
    public int InspectionPairId { get; set; }
    public int InspectionAnswerId { get; set; }
    public int ChecklistItemId { get; set; }
    public ChecklistArea Area { get; set; }

    /// <summary>The item's text as it was when the finding was raised (the round's checklist may still be edited).</summary>
    public required string ItemText { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int? VillageId { get; set; }
    public int? HouseholdId { get; set; }
    public required string Description { get; set; }
    public FindingDisposition Disposition { get; set; }

    /// <summary>立行立改: what was done on the spot; photos are attachments owned by the finding.</summary>
    public string? Evidence { get; set; }
    public DateOnly? FixedOn { get; set; }

    /// <summary>The ledger's problem, once sent.</summary>
    public int? ProblemId { get; set; }
    public Problem? Problem { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>立行立改: an open finding fixed while the group was there, with the evidence of what was done.</summary>
    public RuleResult FixOnTheSpot(string? evidence, DateOnly on)
    {
        if (Disposition != FindingDisposition.Open) return RuleResult.Refused($"该问题已{Disposition.Label()}");
        if (string.IsNullOrWhiteSpace(evidence)) return RuleResult.Refused("立行立改须填写整改情况作为佐证");
        Disposition = FindingDisposition.FixedOnTheSpot;
        Evidence = evidence.Trim();
        FixedOn = on;
        return RuleResult.Ok;
    }

    /// <summary>
    /// Sends an open finding to the ledger: a new problem from cross-inspection with the finding's place, area, item and
    /// description, the responsible unit and person and a deadline not before today. The problem is returned for the
    /// caller to save; <see cref="Problem"/> links the two.
    /// </summary>
    public RuleResult SendToLedger(ProblemAssignment assignment, DateOnly today, out Problem? problem)
    {
        problem = null;
        if (Disposition != FindingDisposition.Open) return RuleResult.Refused($"该问题已{Disposition.Label()}");
        if (assignment.Check(today) is { Succeeded: false } refused) return refused;
        problem = Rectification.Problem.Raise(ProblemSource.CrossInspection, CountyId, TownshipId, VillageId, HouseholdId,
            Description, assignment, today);
        problem.Area = Area;
        problem.ItemText = ItemText;
        problem.SourceReference = $"交叉检查发现问题{Id}";
        Disposition = FindingDisposition.SentToLedger;
        Problem = problem;
        return RuleResult.Ok;
    }
}

/// <summary>What an answer's change does to its finding: one to add, one to remove, or a refusal.</summary>
public sealed record FindingReconciliation(string? Refusal, InspectionFinding? ToAdd, InspectionFinding? ToRemove);

public static class InspectionFindings
{
    /// <summary>
    /// Keeps findings in step with answers: a 不达标 answer without a finding raises one; an answer no longer 不达标
    /// removes its finding while it is still open; a finding already fixed on the spot or sent to the ledger holds its
    /// answer at 不达标 (the record of what was found must not change under it). An open finding follows the answer's note.
    /// </summary>
    public static FindingReconciliation Reconcile(InspectionAnswer answer, ChecklistItem item, InspectionFinding? existing)
    {
        var notMet = item.AnswerType == AnswerType.Compliance && answer.Compliance == Compliance.NotMet;
        if (existing is not null && existing.Disposition != FindingDisposition.Open)
        {
            return notMet
                ? new FindingReconciliation(null, null, null)
                : new FindingReconciliation($"该项发现的问题已{existing.Disposition.Label()}，不能再改为{answer.Compliance?.Label() ?? "其他答案"}", null, null);
        }
        if (!notMet) return new FindingReconciliation(null, null, existing);
        var description = string.IsNullOrWhiteSpace(answer.Note) ? item.Text : answer.Note.Trim();
        if (existing is not null)
        {
            existing.Description = description;
            return new FindingReconciliation(null, null, null);
        }
        return new FindingReconciliation(null, new InspectionFinding
        {
            InspectionRoundId = answer.InspectionRoundId, InspectionPairId = answer.InspectionPairId,
            InspectionAnswerId = answer.Id, ChecklistItemId = item.Id, Area = item.Area, ItemText = item.Text,
            CountyId = answer.CountyId, TownshipId = answer.TownshipId, VillageId = answer.VillageId, HouseholdId = answer.HouseholdId,
            Description = description, Disposition = FindingDisposition.Open,
        }, null);
    }
}

/// <summary>A row of a pair's inspection work (answers, findings): an inspecting group's scope sees its own pair's rows only.</summary>
public interface IInspectionPairRow
{
    int InspectionPairId { get; }
}
