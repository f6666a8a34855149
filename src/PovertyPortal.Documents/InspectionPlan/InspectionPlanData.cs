using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Documents.InspectionPlan;

/// <summary>
/// Everything the 督导方案 of one cross-inspection round prints, with the names already looked up: the pairs of
/// townships, each group, the sample (or, before the draw, the quota) and the round's own checklist.
/// </summary>
public sealed record InspectionPlanData
{
    public required string CountyName { get; init; }
    public required string Title { get; init; }
    public int Year { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public SampleQuota Quota { get; init; } = SampleQuota.Default;
    public required IReadOnlyList<InspectionPlanPair> Pairs { get; init; }

    /// <summary>The round's checklist; printed by area in area order, items in their order.</summary>
    public required IReadOnlyList<ChecklistItem> Checklist { get; init; }

    /// <summary>The unit that issues the plan (e.g. 某某县乡村振兴局); the signature's first line.</summary>
    public required string IssuedBy { get; init; }
    public DateOnly IssuedOn { get; init; }
}

/// <summary>One pair: the inspecting township's group goes to the inspected township.</summary>
public sealed record InspectionPlanPair(
    string InspectingTownship,
    string InspectedTownship,
    IReadOnlyList<InspectionPlanMember> Group,
    InspectionPlanSample? Sample);

/// <summary>A person of a group as the plan names them: role, name and 单位及职务.</summary>
public sealed record InspectionPlanMember(GroupRole Role, string Name, string? Unit);

/// <summary>The drawn sample of a pair: villages visited and households by category. Null before the draw.</summary>
public sealed record InspectionPlanSample(int Villages, int Registered, int Monitored)
{
    public int Households => Registered + Monitored;
}
