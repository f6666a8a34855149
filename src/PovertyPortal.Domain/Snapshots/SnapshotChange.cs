using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Snapshots;

/// <summary>Why a household's standing, category, size or income changed between two snapshots (年度变化的原因).</summary>
public enum SnapshotChangeReason
{
    /// <summary>待说明: nothing recorded tells; the user picks a reason.</summary>
    Unexplained,
    NewlyIdentified,
    Exited,
    Returned,
    NaturalChange,
    Removed,
    MonitoringChange,
    CategoryChange,
    IncomeMeasured,
    Correction,
    Other,
}

/// <summary>What changed about a household between two snapshots; several at once.</summary>
[Flags]
public enum SnapshotChangeKind
{
    None = 0,
    Standing = 1,
    Category = 2,
    Size = 4,
    Income = 8,
}

public static class SnapshotChangeLabels
{
    public static string Label(this SnapshotChangeReason reason) => reason switch
    {
        SnapshotChangeReason.Unexplained => "待说明",
        SnapshotChangeReason.NewlyIdentified => "新识别",
        SnapshotChangeReason.Exited => "脱贫",
        SnapshotChangeReason.Returned => "返贫",
        SnapshotChangeReason.NaturalChange => "自然增减",
        SnapshotChangeReason.Removed => "清退",
        SnapshotChangeReason.MonitoringChange => "监测变化",
        SnapshotChangeReason.CategoryChange => "类别调整",
        SnapshotChangeReason.IncomeMeasured => "年度收入核算",
        SnapshotChangeReason.Correction => "数据纠错",
        SnapshotChangeReason.Other => "其他",
        _ => reason.ToString(),
    };

    public static string Label(this SnapshotChangeKind kind)
    {
        var parts = new List<string>();
        if (kind.HasFlag(SnapshotChangeKind.Standing)) parts.Add("状态");
        if (kind.HasFlag(SnapshotChangeKind.Category)) parts.Add("类别");
        if (kind.HasFlag(SnapshotChangeKind.Size)) parts.Add("家庭人口");
        if (kind.HasFlag(SnapshotChangeKind.Income)) parts.Add("收入");
        return string.Join("、", parts);
    }
}

/// <summary>
/// The reason a user gave for a change the records did not explain (待说明), kept beside the pair of snapshots it
/// belongs to; each pick is also written to the audit log.
/// </summary>
public class SnapshotChangeExplanation : IAreaBound, IAuditable
{
    public int Id { get; set; }
    public int FromSnapshotId { get; set; }
    public int ToSnapshotId { get; set; }
    public int HouseholdId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public SnapshotChangeReason Reason { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
