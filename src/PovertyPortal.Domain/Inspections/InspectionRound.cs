using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Inspections;

/// <summary>
/// 督导方案: one round of cross-inspection in a county — the townships paired to inspect each other, the group of
/// each pair, the round's own copy of the checklist and the seed its sample was drawn with.
/// </summary>
public class InspectionRound : IAuditable
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public required string Title { get; set; }
    public int Year { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public InspectionRoundStatus Status { get; set; }

    /// <summary>Households per inspected village and category the draw aims for (e.g. 20 registered, 5 monitored).</summary>
    public int RegisteredQuota { get; set; } = SampleQuota.Default.Registered;
    public int MonitoredQuota { get; set; } = SampleQuota.Default.Monitored;

    /// <summary>
    /// The seed of the draw, kept so that the same draw can be shown again (<see cref="SampleDraw"/>); null until
    /// the sample is drawn. A long because every provider stores one; the draw reads its bits as unsigned.
    /// </summary>
    public long? SampleSeed { get; set; }

    public List<InspectionPair> Pairs { get; set; } = [];
    public List<ChecklistItem> Checklist { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public SampleQuota Quota => new(RegisteredQuota, MonitoredQuota);

    /// <summary>The round's plan is still editable (pairs, groups, checklist, quota) only while it is a draft.</summary>
    public bool IsEditable => Status == InspectionRoundStatus.Draft;

    /// <summary>Checks the round's own fields; the pairs and groups have their rules in <see cref="InspectionPairing"/> and <see cref="InspectionGroups"/>.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add("请填写督导方案标题");
        if (Year < PortalYears.FirstWorkYear || Year > PortalYears.LastPlanningYear)
            errors.Add($"年度应在{PortalYears.FirstWorkYear}至{PortalYears.LastPlanningYear}年之间");
        if (EndDate < StartDate) errors.Add("结束日期不能早于开始日期");
        if (RegisteredQuota < 0 || MonitoredQuota < 0) errors.Add("抽样户数不能为负数");
        if (RegisteredQuota + MonitoredQuota == 0) errors.Add("每村至少应抽取一户");
        return errors;
    }
}

/// <summary>One pair of a round: the inspecting township sends its group to the inspected township.</summary>
public class InspectionPair
{
    public int Id { get; set; }
    public int InspectionRoundId { get; set; }
    public InspectionRound? InspectionRound { get; set; }
    public int CountyId { get; set; }
    public int InspectingTownshipId { get; set; }
    public int InspectedTownshipId { get; set; }
    public List<InspectionGroupMember> Group { get; set; } = [];

    public TownshipPair Townships => new(InspectingTownshipId, InspectedTownshipId);
}

/// <summary>
/// A person of an inspection group: a county's user (<see cref="UserId"/> set) or a named outsider (a county
/// department's cadre without an account). The name is kept for both so that the plan prints as it was issued.
/// </summary>
public class InspectionGroupMember
{
    public int Id { get; set; }
    public int InspectionPairId { get; set; }
    public GroupRole Role { get; set; }

    /// <summary>The portal account, when the person has one; outsiders have none and see nothing in the portal.</summary>
    public string? UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>单位及职务 as the plan prints it (e.g. 县联乡领导, 乡脱贫办).</summary>
    public string? Unit { get; set; }
    public string? Phone { get; set; }

    public bool IsOutsider => UserId is null;
}
