using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Correction;

/// <summary>
/// 社区矫正人员 and the case kept on them, from the entrustment of an assessment (or the receipt of the legal documents,
/// when nobody asked for an assessment) to the release or the end of the case. Every step is a method below that checks
/// the stage and returns a refusal in Chinese; the deadlines are not stored but computed (<see cref="CorrectionDeadlines"/>).
/// Article numbers are those of the province's implementing rules the module follows.
/// </summary>
public class CorrectionSubject : ICorrectionBound, IAuditable, IVersioned
{
    public const int AssessmentWorkingDays = 5;
    public const int ReceiptWorkingDays = 3;
    public const int ForwardWorkingDays = 2;
    public const int ReportWithinDays = 10;
    public const int AnnounceWithinDays = 7;
    public const int EndSummaryDaysBefore = 15;
    public const int MinorAgeLimit = 18;

    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public Guid Version { get; set; }
    public CaseStage Stage { get; set; }

    /// <summary>The county officer who keeps the case: with the township's 司法所 staff, the only one who reads a minor's identity.</summary>
    public string? CaseOfficerUserId { get; set; }

    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }

    /// <summary>Encrypted at rest, masked on every page; full only on request of case staff, audited.</summary>
    public string? ResidentId { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }

    public CorrectionType Type { get; set; }

    /// <summary>保外就医: a 暂予监外执行 subject who reports their health monthly and a review every three months (art. 21).</summary>
    public bool IsMedicalParole { get; set; }
    public string? Crime { get; set; }
    public string? Sentence { get; set; }

    /// <summary>The court, prison or police that decided the correction; the letters and proposals go back to it.</summary>
    public string? DecisionOrganName { get; set; }
    public string? CaseNumber { get; set; }
    public SupervisionLevel SupervisionLevel { get; set; } = SupervisionLevel.Normal;

    // 调查评估 (arts. 4–9)
    public DateOnly? EntrustedOn { get; set; }
    public EntrustingOrgan? EntrustingOrgan { get; set; }
    public string? EntrustingOrganName { get; set; }

    /// <summary>The assessment group, names separated by 、: at least two (art. 6).</summary>
    public string? AssessmentTeam { get; set; }
    public bool AssessmentExtended { get; set; }
    public string? AssessmentExtensionReason { get; set; }
    public AssessmentConclusion? AssessmentConclusion { get; set; }
    public string? ResidenceFinding { get; set; }
    public string? FamilyFinding { get; set; }
    public string? ConductFinding { get; set; }
    public string? OffenceImpactFinding { get; set; }
    public string? CommunityAndVictimOpinion { get; set; }
    public string? ProposedProhibitions { get; set; }
    public DateOnly? AssessmentRepliedOn { get; set; }

    // 接收 (arts. 10–15)
    /// <summary>判决、裁定、决定生效之日 or the day of leaving prison: the ten days to report run from it (art. 13).</summary>
    public DateOnly? EffectiveOn { get; set; }
    public DateOnly? DocumentsReceivedOn { get; set; }
    public bool HasJudgment { get; set; }
    public bool HasExecutionNotice { get; set; }
    public bool HasParoleCertificate { get; set; }
    public bool HasGuaranteeLetter { get; set; }
    public DateOnly? MissingDocumentsNotifiedOn { get; set; }
    public DateOnly? ReceiptReturnedOn { get; set; }
    public DateOnly? ForwardedToOfficeOn { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public DateOnly? ReportedOn { get; set; }

    /// <summary>查找 after a missed report (art. 13): when started, what it found.</summary>
    public DateOnly? SearchStartedOn { get; set; }
    public string? SearchNote { get; set; }

    public DateOnly? CorrectionStart { get; set; }
    public DateOnly? CorrectionEnd { get; set; }

    // 宣告 (art. 16) and 矫正方案 (art. 19)
    public DateOnly? AnnouncedOn { get; set; }
    public bool AnnouncementIdentityChecked { get; set; }
    public bool AnnouncementContentRead { get; set; }
    public bool AnnouncementGuaranteeRead { get; set; }
    public bool AnnouncementResponsibilitySigned { get; set; }
    public bool AnnouncementTalkHeld { get; set; }
    public DateOnly? PlanMadeOn { get; set; }
    public string? Plan { get; set; }
    public DateOnly? PlanReviewDueOn { get; set; }

    // Supervision, kept here as well as in the records so that the task list reads one row per case.
    public DateOnly? LastReportOn { get; set; }
    public DateOnly? LastHealthReportOn { get; set; }
    public DateOnly? LastMedicalReviewOn { get; set; }
    public DateOnly? LastVisitOn { get; set; }
    public int WarningCount { get; set; }

    /// <summary>脱离监管 since this day, until found.</summary>
    public DateOnly? AbscondedSince { get; set; }

    // 解除 (arts. 45–47) and 终止 (art. 48)
    public DateOnly? SummaryOn { get; set; }
    public DateOnly? AppraisalOn { get; set; }
    public string? Appraisal { get; set; }
    public DateOnly? ReleasedOn { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly? TerminatedOn { get; set; }
    public TerminationReason? TerminationReason { get; set; }
    public string? TerminationNote { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public List<CorrectionGroupMember> GroupMembers { get; set; } = [];

    /// <summary>
    /// Stored so that lists and searches keep minors' names out in the query itself (art. 50); set by
    /// <see cref="RefreshMinority"/> whenever the birth date or the effective date changes.
    /// </summary>
    public bool IsMinor { get; set; }

    public void RefreshMinority(DateOnly today) => IsMinor = IsMinorOn(today);

    /// <summary>
    /// Under 18 on the day the judgment took effect (or, before that is known, today): art. 50 applies. In criminal
    /// law an age in 周岁 is reached on the day after the birthday (最高人民法院《关于审理未成年人刑事案件具体应用法律若干问题的解释》
    /// 第二条), so the 18th birthday itself is still a minor's.
    /// </summary>
    public bool IsMinorOn(DateOnly today) => AgeOn((EffectiveOn ?? today).AddDays(-1)) < MinorAgeLimit;

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>The stages of a case still running: the lists' "open" filter and the task list read these.</summary>
    public static IReadOnlyList<CaseStage> OpenStages { get; } = [CaseStage.Assessing, CaseStage.Receiving, CaseStage.AwaitingAnnouncement, CaseStage.UnderCorrection];

    public bool IsActive => OpenStages.Contains(Stage);

    /// <summary>The legal documents of art. 11 that are missing; 假释证明书 only for parole.</summary>
    public IReadOnlyList<string> MissingDocuments()
    {
        var missing = new List<string>();
        if (!HasJudgment) missing.Add("判决书（裁定书、决定书）");
        if (!HasExecutionNotice) missing.Add("执行通知书");
        if (Type == CorrectionType.Parole && !HasParoleCertificate) missing.Add("假释证明书副本");
        if (!HasGuaranteeLetter) missing.Add("接受社区矫正保证书");
        return missing;
    }

    public static IReadOnlyList<string> AssessmentTeamNames(string? team) =>
        (team ?? "").Split(['、', ',', '，', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The day the assessment is due: five working days after the entrustment, ten when extended (art. 7).</summary>
    public DateOnly? AssessmentDueOn(WorkingCalendar calendar) =>
        EntrustedOn is { } entrusted ? calendar.AddWorkingDays(entrusted, AssessmentWorkingDays * (AssessmentExtended ? 2 : 1)) : null;

    public DateOnly? ReportDueOn => EffectiveOn?.AddDays(ReportWithinDays);

    public DateOnly? AnnouncementDueOn => ReportedOn?.AddDays(AnnounceWithinDays);

    /// <summary>The summary and the appraisal are due in the fifteen days before the end (art. 45).</summary>
    public DateOnly? EndSummaryFrom => CorrectionEnd?.AddDays(-EndSummaryDaysBefore);

    public RuleResult ExtendAssessment(string? reason)
    {
        if (Stage != CaseStage.Assessing || AssessmentConclusion is not null) return RuleResult.Refused("调查评估已结束，不能再延期");
        if (AssessmentExtended) return RuleResult.Refused("调查评估只能延期一次（五个工作日）");
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refused("请填写延期的特殊情况，并与委托机关联系说明");
        AssessmentExtended = true;
        AssessmentExtensionReason = reason.Trim();
        return RuleResult.Ok;
    }

    /// <summary>The assessment's opinion (art. 9), with the findings of art. 8 all filled, and the day it went back.</summary>
    public RuleResult ConcludeAssessment(AssessmentConclusion conclusion, DateOnly repliedOn)
    {
        if (Stage != CaseStage.Assessing) return RuleResult.Refused($"案件处于“{Stage.Label()}”阶段，不能提交评估意见");
        if (EntrustedOn is { } entrusted && repliedOn < entrusted) return RuleResult.Refused("反馈日期不能早于委托日期");
        string?[] findings = [ResidenceFinding, FamilyFinding, ConductFinding, OffenceImpactFinding, CommunityAndVictimOpinion];
        if (findings.Any(string.IsNullOrWhiteSpace)) return RuleResult.Refused("请填写第八条所列各项调查情况（居所、家庭和社会关系、一贯表现、犯罪后果和影响、村（居）委会和被害人意见）");
        if (AssessmentTeamNames(AssessmentTeam).Count < 2) return RuleResult.Refused("调查评估小组不少于两人");
        AssessmentConclusion = conclusion;
        AssessmentRepliedOn = repliedOn;
        if (conclusion == Correction.AssessmentConclusion.Unsuitable) Stage = CaseStage.NotSuitable;
        return RuleResult.Ok;
    }

    /// <summary>The legal documents arrive (art. 11): the case waits for the subject to report.</summary>
    public RuleResult ReceiveDocuments(DateOnly receivedOn, DateOnly effectiveOn, DateOnly correctionStart, DateOnly correctionEnd)
    {
        if (Stage is not (CaseStage.Assessing or CaseStage.Receiving)) return RuleResult.Refused($"案件处于“{Stage.Label()}”阶段，不能登记接收法律文书");
        if (Stage == CaseStage.Assessing && AssessmentConclusion != Correction.AssessmentConclusion.Suitable)
            return RuleResult.Refused("调查评估尚未作出“适用社区矫正”的意见");
        if (correctionEnd <= correctionStart) return RuleResult.Refused("矫正期满日须晚于矫正起始日");
        if (receivedOn < effectiveOn) return RuleResult.Refused("收到法律文书的日期不能早于判决（裁定、决定）生效之日");
        DocumentsReceivedOn = receivedOn;
        EffectiveOn = effectiveOn;
        CorrectionStart = correctionStart;
        CorrectionEnd = correctionEnd;
        Stage = CaseStage.Receiving;
        return RuleResult.Ok;
    }

    /// <summary>The subject reports to the county (art. 13); a report before the documents came is registered too (art. 14).</summary>
    public RuleResult RecordReport(DateOnly reportedOn)
    {
        if (Stage != CaseStage.Receiving) return RuleResult.Refused($"案件处于“{Stage.Label()}”阶段，不能登记报到");
        if (EffectiveOn is { } effective && reportedOn < effective) return RuleResult.Refused("报到日期不能早于判决（裁定、决定）生效之日");
        ReportedOn = reportedOn;
        RegisteredOn ??= reportedOn;
        AbscondedSince = null;
        Stage = CaseStage.AwaitingAnnouncement;
        return RuleResult.Ok;
    }

    /// <summary>宣告 (art. 16): all five steps done and a 矫正小组 that meets art. 18.</summary>
    public RuleResult Announce(DateOnly announcedOn)
    {
        if (Stage != CaseStage.AwaitingAnnouncement) return RuleResult.Refused($"案件处于“{Stage.Label()}”阶段，不能宣告");
        if (ReportedOn is { } reported && announcedOn < reported) return RuleResult.Refused("宣告日期不能早于报到日期");
        if (!(AnnouncementIdentityChecked && AnnouncementContentRead && AnnouncementGuaranteeRead && AnnouncementResponsibilitySigned && AnnouncementTalkHeld))
            return RuleResult.Refused("宣告的五个步骤须全部完成（核对身份、宣告内容、宣读保证书、签订责任书、谈话教育）");
        if (CorrectionGroupRules.Check(Gender, IsMinorOn(announcedOn), GroupMembers) is [var first, ..]) return RuleResult.Refused(first);
        AnnouncedOn = announcedOn;
        Stage = CaseStage.UnderCorrection;
        return RuleResult.Ok;
    }

    /// <summary>Counts a report or check on the case row, so that the task list needs no look into the records.</summary>
    public void Note(SupervisionRecord record)
    {
        static DateOnly Later(DateOnly? current, DateOnly date) => current is { } c && c > date ? c : date;
        switch (record.Kind)
        {
            case SupervisionRecordKind.Report: LastReportOn = Later(LastReportOn, record.Date); break;
            case SupervisionRecordKind.HealthReport: LastHealthReportOn = Later(LastHealthReportOn, record.Date); break;
            case SupervisionRecordKind.MedicalReview: LastMedicalReviewOn = Later(LastMedicalReviewOn, record.Date); break;
            case SupervisionRecordKind.FieldCheck or SupervisionRecordKind.Visit: LastVisitOn = Later(LastVisitOn, record.Date); break;
            case SupervisionRecordKind.PlanReview: PlanReviewDueOn = record.Date.AddMonths(PlanReviewMonths); break;
        }
    }

    /// <summary>A plan is reviewed every three months, or sooner when its effect calls for it (art. 19).</summary>
    public const int PlanReviewMonths = 3;

    /// <summary>解除 (arts. 45–46): summary and appraisal in, the term over, the certificate numbered.</summary>
    public RuleResult Release(DateOnly releasedOn, string? certificateNumber)
    {
        if (Stage != CaseStage.UnderCorrection) return RuleResult.Refused($"案件处于“{Stage.Label()}”阶段，不能解除矫正");
        if (CorrectionEnd is { } end && releasedOn < end) return RuleResult.Refused($"矫正期至{end:yyyy年M月d日}届满，届满前不能解除");
        if (SummaryOn is null) return RuleResult.Refused("矫正对象的个人总结尚未登记");
        if (AppraisalOn is null || string.IsNullOrWhiteSpace(Appraisal)) return RuleResult.Refused("司法所的书面鉴定尚未登记");
        if (string.IsNullOrWhiteSpace(certificateNumber)) return RuleResult.Refused("请填写解除社区矫正证明书编号");
        ReleasedOn = releasedOn;
        CertificateNumber = certificateNumber.Trim();
        Stage = CaseStage.Released;
        return RuleResult.Ok;
    }

    /// <summary>终止 (art. 48): death, revocation, reimprisonment or a new prison sentence.</summary>
    public RuleResult Terminate(DateOnly on, TerminationReason reason, string? note)
    {
        if (!IsActive || Stage == CaseStage.Assessing) return RuleResult.Refused($"案件处于“{Stage.Label()}”阶段，不能终止矫正");
        if (CorrectionStart is { } start && on < start) return RuleResult.Refused("终止日期不能早于矫正起始日");
        TerminatedOn = on;
        TerminationReason = reason;
        TerminationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Stage = CaseStage.Terminated;
        return RuleResult.Ok;
    }
}
