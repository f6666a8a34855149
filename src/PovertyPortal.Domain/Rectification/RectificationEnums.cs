namespace PovertyPortal.Domain.Rectification;

/// <summary>Where a problem of the ledger came from.</summary>
public enum ProblemSource
{
    /// <summary>交叉检查: a finding of a cross-inspection round sent to the ledger.</summary>
    CrossInspection,

    /// <summary>大数据比对: a rule-based check across the register.</summary>
    DataComparison,

    /// <summary>考核增量: found by the national or provincial assessment (国考/省考).</summary>
    Assessment,

    /// <summary>自查变量: found by the county's own self-check.</summary>
    SelfCheck,

    /// <summary>历年存量: found in earlier years and still open.</summary>
    Legacy,

    /// <summary>手工录入: entered by hand from any other source (巡视巡查, 审计, 信访 …).</summary>
    Manual,
}

/// <summary>
/// 整改状态: 待整改 → 整改中 → 已整改（待核验） → 已销号, with a rejection back to 整改中 and a reopening of a closed
/// problem (the table is in docs/decisions/0018).
/// </summary>
public enum ProblemStatus
{
    Pending,
    InProgress,
    Fixed,
    Closed,
}

/// <summary>What a user does to a problem; each is checked by <see cref="Problem.WhyNot"/> and recorded as a <see cref="ProblemStep"/>.</summary>
public enum ProblemAction
{
    /// <summary>开始整改, with the measures (整改措施).</summary>
    Start,

    /// <summary>报送整改完成: the responsible side says the problem is fixed and asks for the check.</summary>
    MarkFixed,

    /// <summary>核验驳回: back to 整改中, with the reason.</summary>
    Reject,

    /// <summary>核验销号.</summary>
    Close,

    /// <summary>重新打开 a closed problem.</summary>
    Reopen,

    /// <summary>回头看: the re-check after closing; a failed one reopens the problem.</summary>
    Recheck,

    /// <summary>整改延期: a later deadline, with the reason; the original deadline is kept.</summary>
    ExtendDeadline,
}

/// <summary>Where an open problem stands against its deadline on a given day; computed, never stored.</summary>
public enum DueStanding
{
    /// <summary>Reported fixed or closed: no longer held to the deadline.</summary>
    NotApplicable,
    OnTrack,

    /// <summary>Due today or in the next <see cref="ProblemDue.DueSoonDays"/> days.</summary>
    DueSoon,

    /// <summary>The deadline has passed and the problem is not reported fixed.</summary>
    Overdue,
}

/// <summary>The kinds of "what must I do next" on the home page.</summary>
public enum AlertKind
{
    Overdue,
    DueSoon,
    AwaitingCheck,
    RecheckDue,
}

/// <summary>The Chinese words of the ledger's enums (docs/glossary.md).</summary>
public static class RectificationLabels
{
    /// <summary>The label of any enum value of this folder, for generic lists and selects.</summary>
    public static string LabelOf(Enum value) => value switch
    {
        ProblemSource v => v.Label(),
        ProblemStatus v => v.Label(),
        ProblemAction v => v.Label(),
        DueStanding v => v.Label(),
        AlertKind v => v.Label(),
        _ => value.ToString(),
    };

    public static string Label(this ProblemSource value) => value switch
    {
        ProblemSource.CrossInspection => "交叉检查",
        ProblemSource.DataComparison => "大数据比对",
        ProblemSource.Assessment => "考核增量（国考/省考）",
        ProblemSource.SelfCheck => "自查变量",
        ProblemSource.Legacy => "历年存量",
        ProblemSource.Manual => "手工录入",
        _ => value.ToString(),
    };

    public static string Label(this ProblemStatus value) => value switch
    {
        ProblemStatus.Pending => "待整改",
        ProblemStatus.InProgress => "整改中",
        ProblemStatus.Fixed => "已整改（待核验）",
        ProblemStatus.Closed => "已销号",
        _ => value.ToString(),
    };

    public static string Label(this ProblemAction value) => value switch
    {
        ProblemAction.Start => "开始整改",
        ProblemAction.MarkFixed => "报送整改完成",
        ProblemAction.Reject => "核验驳回",
        ProblemAction.Close => "核验销号",
        ProblemAction.Reopen => "重新打开",
        ProblemAction.Recheck => "回头看",
        ProblemAction.ExtendDeadline => "整改延期",
        _ => value.ToString(),
    };

    public static string Label(this DueStanding value) => value switch
    {
        DueStanding.NotApplicable => "不计期限",
        DueStanding.OnTrack => "正常",
        DueStanding.DueSoon => "即将到期",
        DueStanding.Overdue => "已逾期",
        _ => value.ToString(),
    };

    public static string Label(this AlertKind value) => value switch
    {
        AlertKind.Overdue => "整改已逾期",
        AlertKind.DueSoon => "整改即将到期",
        AlertKind.AwaitingCheck => "待我核验",
        AlertKind.RecheckDue => "回头看到期",
        _ => value.ToString(),
    };
}
