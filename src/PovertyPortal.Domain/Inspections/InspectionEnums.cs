namespace PovertyPortal.Domain.Inspections;

/// <summary>The eight areas (检查内容) an inspection round checks, in the order of the plan.</summary>
public enum ChecklistArea
{
    /// <summary>年度脱贫攻坚任务推进完成情况.</summary>
    AnnualTasks,

    /// <summary>脱贫成果巩固提升情况.</summary>
    ConsolidatingGains,

    /// <summary>易地扶贫搬迁后续扶持情况.</summary>
    RelocationFollowUp,

    /// <summary>扶贫资金管理使用情况.</summary>
    FundManagement,

    /// <summary>驻村帮扶工作情况.</summary>
    VillageTeamWork,

    /// <summary>返贫致贫监测预警和动态帮扶情况.</summary>
    RiskMonitoring,

    /// <summary>问题整改"清零"情况.</summary>
    RectificationClearance,

    /// <summary>数据信息账账相符、账实相符情况.</summary>
    RecordsMatch,
}

/// <summary>What one answer of a checklist item is about: each sampled household, each inspected village, or the inspected township.</summary>
public enum CheckedPer
{
    Household,
    Village,
    Township,
}

/// <summary>The kind of value an item is answered with.</summary>
public enum AnswerType
{
    /// <summary>达标 / 不达标 / 不适用; only this kind raises findings.</summary>
    Compliance,
    Number,
    Text,
    Photo,
}

/// <summary>The answer of a <see cref="AnswerType.Compliance"/> item.</summary>
public enum Compliance
{
    Met,
    NotMet,
    NotApplicable,
}

/// <summary>How a sampled household was reached: at home, by phone when nobody was home, through the village cadres when nobody could be reached.</summary>
public enum VisitMode
{
    InPerson,
    Phone,
    VillageCadre,
}

/// <summary>The two pools of the draw: registered poor households and monitored (边缘/监测) households that are not registered.</summary>
public enum SampleCategory
{
    Registered,
    Monitored,
}

/// <summary>Why a household is in a sample.</summary>
public enum SampleOrigin
{
    /// <summary>Drawn among the households no earlier round inspected.</summary>
    Drawn,

    /// <summary>The village has no more households of the category than the quota: every one is taken.</summary>
    AllTaken,

    /// <summary>Too few households not yet inspected: drawn among those earlier rounds inspected.</summary>
    DrawnFromInspectedBefore,

    /// <summary>Added by hand, with a reason.</summary>
    Added,

    /// <summary>Put in by hand in place of another, with a reason.</summary>
    SwappedIn,
}

/// <summary>A person's place in an inspection group.</summary>
public enum GroupRole
{
    Leader,
    DeputyLeader,
    Member,
}

/// <summary>What became of a finding.</summary>
public enum FindingDisposition
{
    /// <summary>Raised, not yet dealt with.</summary>
    Open,

    /// <summary>立行立改: fixed while the group was there, with evidence.</summary>
    FixedOnTheSpot,

    /// <summary>Sent to the rectification ledger as a problem.</summary>
    SentToLedger,
}

/// <summary>Where a round stands: its plan is edited while drafted; once issued the pairs and sample are fixed and answers come in.</summary>
public enum InspectionRoundStatus
{
    Draft,
    Issued,
    Finished,
}

/// <summary>The Chinese words of the inspection enums, one per value (docs/glossary.md).</summary>
public static class InspectionLabels
{
    /// <summary>The label of any enum value of this folder, for generic lists and selects.</summary>
    public static string LabelOf(Enum value) => value switch
    {
        ChecklistArea v => v.Label(),
        CheckedPer v => v.Label(),
        AnswerType v => v.Label(),
        Compliance v => v.Label(),
        VisitMode v => v.Label(),
        SampleCategory v => v.Label(),
        SampleOrigin v => v.Label(),
        GroupRole v => v.Label(),
        FindingDisposition v => v.Label(),
        InspectionRoundStatus v => v.Label(),
        _ => value.ToString(),
    };

    public static string Label(this ChecklistArea value) => value switch
    {
        ChecklistArea.AnnualTasks => "年度任务推进",
        ChecklistArea.ConsolidatingGains => "脱贫成果巩固",
        ChecklistArea.RelocationFollowUp => "易地搬迁后续扶持",
        ChecklistArea.FundManagement => "扶贫资金管理",
        ChecklistArea.VillageTeamWork => "驻村帮扶",
        ChecklistArea.RiskMonitoring => "返贫致贫监测",
        ChecklistArea.RectificationClearance => "问题整改清零",
        ChecklistArea.RecordsMatch => "账账相符账实相符",
        _ => value.ToString(),
    };

    public static string Label(this CheckedPer value) => value switch
    {
        CheckedPer.Household => "按户",
        CheckedPer.Village => "按村",
        CheckedPer.Township => "按乡镇",
        _ => value.ToString(),
    };

    public static string Label(this AnswerType value) => value switch
    {
        AnswerType.Compliance => "达标/不达标/不适用",
        AnswerType.Number => "数值",
        AnswerType.Text => "文字",
        AnswerType.Photo => "照片",
        _ => value.ToString(),
    };

    public static string Label(this Compliance value) => value switch
    {
        Compliance.Met => "达标",
        Compliance.NotMet => "不达标",
        Compliance.NotApplicable => "不适用",
        _ => value.ToString(),
    };

    public static string Label(this VisitMode value) => value switch
    {
        VisitMode.InPerson => "入户检查",
        VisitMode.Phone => "电话访问（不在家）",
        VisitMode.VillageCadre => "访问村干部（无法联系）",
        _ => value.ToString(),
    };

    public static string Label(this SampleCategory value) => value switch
    {
        SampleCategory.Registered => "建档立卡户",
        SampleCategory.Monitored => "边缘户/监测户",
        _ => value.ToString(),
    };

    public static string Label(this SampleOrigin value) => value switch
    {
        SampleOrigin.Drawn => "随机抽取",
        SampleOrigin.AllTaken => "不足配额，全部抽取",
        SampleOrigin.DrawnFromInspectedBefore => "未检户不足，从往轮已检户中抽取",
        SampleOrigin.Added => "增补",
        SampleOrigin.SwappedIn => "替换",
        _ => value.ToString(),
    };

    public static string Label(this GroupRole value) => value switch
    {
        GroupRole.Leader => "组长",
        GroupRole.DeputyLeader => "副组长",
        GroupRole.Member => "成员",
        _ => value.ToString(),
    };

    public static string Label(this FindingDisposition value) => value switch
    {
        FindingDisposition.Open => "待处理",
        FindingDisposition.FixedOnTheSpot => "立行立改",
        FindingDisposition.SentToLedger => "转入整改台账",
        _ => value.ToString(),
    };

    public static string Label(this InspectionRoundStatus value) => value switch
    {
        InspectionRoundStatus.Draft => "草拟",
        InspectionRoundStatus.Issued => "已下发",
        InspectionRoundStatus.Finished => "已结束",
        _ => value.ToString(),
    };
}
