namespace PovertyPortal.Domain.DataChecks;

/// <summary>How much a finding matters: 严重 contradicts a standard of exit or assurance; 一般 a policy not reaching a person; 提示 a gap in the record.</summary>
public enum DataCheckSeverity
{
    High,
    Medium,
    Low,
}

/// <summary>The kind of record a rule points at.</summary>
public enum DataCheckTarget
{
    Household,
    Member,
    Village,
    Microloan,
    WorkTeamMember,
}

public enum DataCheckTrigger
{
    OnDemand,
    Nightly,
}

public static class DataCheckLabels
{
    public static string Label(this DataCheckSeverity severity) => severity switch
    {
        DataCheckSeverity.High => "严重",
        DataCheckSeverity.Medium => "一般",
        DataCheckSeverity.Low => "提示",
        _ => severity.ToString(),
    };

    public static string Label(this DataCheckTarget target) => target switch
    {
        DataCheckTarget.Household => "农户",
        DataCheckTarget.Member => "家庭成员",
        DataCheckTarget.Village => "行政村",
        DataCheckTarget.Microloan => "小额信贷",
        DataCheckTarget.WorkTeamMember => "驻村队员",
        _ => target.ToString(),
    };

    public static string Label(this DataCheckTrigger trigger) => trigger == DataCheckTrigger.Nightly ? "夜间自动" : "手动";

    /// <summary>The subject key of each kind of record (DataCheckFinding.SubjectKey).</summary>
    public static string KeyOf(DataCheckTarget target, long id) => target switch
    {
        DataCheckTarget.Household => "H:",
        DataCheckTarget.Member => "M:",
        DataCheckTarget.Village => "V:",
        DataCheckTarget.Microloan => "L:",
        _ => "W:",
    } + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
