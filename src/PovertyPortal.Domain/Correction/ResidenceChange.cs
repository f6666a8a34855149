using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Correction;

/// <summary>
/// 变更居住地 (art. 27): asked a month ahead, signed by the 司法所, decided by the county only after the new county
/// has agreed to take the subject; then the files go over within three working days and the subject reports there
/// within seven days.
/// </summary>
public class ResidenceChange : ICorrectionBound, IAuditable, IVersioned
{
    public const int NoticeMonths = 1;
    public const int TransferWorkingDays = 3;
    public const int ReportAtNewPlaceDays = 7;

    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int SubjectId { get; set; }
    public Guid Version { get; set; }
    public DateOnly AppliedOn { get; set; }
    public DateOnly MoveOn { get; set; }
    public required string NewAddress { get; set; }

    /// <summary>The new place's county justice bureau.</summary>
    public required string NewCountyBureau { get; set; }
    public required string Reason { get; set; }
    public required string OfficeOpinion { get; set; }
    public DateOnly? NewCountyConsentOn { get; set; }
    public string? NewCountyConsentReference { get; set; }
    public ResidenceChangeStatus Status { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public string? RefusalReason { get; set; }
    public DateOnly? FilesTransferredOn { get; set; }
    public DateOnly? ReportedAtNewPlaceOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public static string? CheckNotice(DateOnly appliedOn, DateOnly moveOn) =>
        moveOn < appliedOn.AddMonths(NoticeMonths) ? $"应提前一个月提出申请：{appliedOn:yyyy年M月d日}申请的，迁居日期不早于{appliedOn.AddMonths(NoticeMonths):yyyy年M月d日}" : null;

    public RuleResult Approve(DateOnly today, string by)
    {
        if (Status != ResidenceChangeStatus.AwaitingCounty) return RuleResult.Refused($"该申请{Status.Label()}，不能再审批");
        if (NewCountyConsentOn is null) return RuleResult.Refused("新居住地县级司法行政机关明确回复同意接收前，不得作出同意变更的决定；请先登记其回复");
        Status = ResidenceChangeStatus.Approved;
        DecidedOn = today;
        DecidedBy = by;
        return RuleResult.Ok;
    }

    public RuleResult Refuse(DateOnly today, string by, string reason)
    {
        if (Status != ResidenceChangeStatus.AwaitingCounty) return RuleResult.Refused($"该申请{Status.Label()}，不能再审批");
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refused("请填写不予批准的理由");
        Status = ResidenceChangeStatus.Refused;
        DecidedOn = today;
        DecidedBy = by;
        RefusalReason = reason.Trim();
        return RuleResult.Ok;
    }
}
