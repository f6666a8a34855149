namespace PovertyPortal.Domain.Correction;

/// <summary>The four kinds of community correction (社区矫正人员的类别).</summary>
public enum CorrectionType
{
    Control,
    Probation,
    Parole,
    TemporaryOutOfPrison,
}

/// <summary>Where a case stands; kept on the case so that lists filter by it, changed only by <see cref="CorrectionSubject"/>'s methods.</summary>
public enum CaseStage
{
    Assessing,
    NotSuitable,
    Receiving,
    AwaitingAnnouncement,
    UnderCorrection,
    Released,
    Terminated,
}

/// <summary>监管等级 (art. 21): how often the subject reports.</summary>
public enum SupervisionLevel
{
    Strict,
    Normal,
    Lenient,
}

/// <summary>Who entrusts an assessment (art. 4) or decided the correction.</summary>
public enum EntrustingOrgan
{
    Court,
    Procuratorate,
    Police,
    Prison,
}

public enum AssessmentConclusion
{
    Suitable,
    Unsuitable,
}

/// <summary>The grounds of a 警告 (art. 39, items 一 to 六).</summary>
public enum WarningGround
{
    LateReport,
    ReportingVisitsLeaveOrResidence,
    EducationOrService,
    MedicalReview,
    MinorProhibitionBreach,
    OtherBreach,
}

/// <summary>撤销缓刑/假释建议 (art. 41) or 收监执行建议 (art. 42).</summary>
public enum ProposalKind
{
    Revocation,
    Reimprisonment,
}

public enum ProposalOutcome
{
    Granted,
    Rejected,
}

/// <summary>Why a case ended before its term (art. 48).</summary>
public enum TerminationReason
{
    Death,
    Revoked,
    Reimprisoned,
    NewPrisonSentence,
}

/// <summary>What one supervision record is: a report, a check or visit (arts. 35–36), a plan review, or an hour of education or service (arts. 28, 30).</summary>
public enum SupervisionRecordKind
{
    Report,
    HealthReport,
    MedicalReview,
    FieldCheck,
    Communication,
    InformationCheck,
    Visit,
    HospitalContact,
    PlanReview,
    Education,
    CommunityService,
}

public enum GroupMemberRole
{
    Leader,
    SocialWorker,
    Volunteer,
    Helper,
}

public enum LeaveStatus
{
    AwaitingOffice,
    AwaitingCounty,
    Approved,
    Refused,
    Returned,
}

public enum ResidenceChangeStatus
{
    AwaitingCounty,
    Approved,
    Refused,
}

public static class CorrectionLabels
{
    public static string Label(this CorrectionType type) => type switch
    {
        CorrectionType.Control => "管制",
        CorrectionType.Probation => "缓刑",
        CorrectionType.Parole => "假释",
        CorrectionType.TemporaryOutOfPrison => "暂予监外执行",
        _ => type.ToString(),
    };

    public static string Label(this CaseStage stage) => stage switch
    {
        CaseStage.Assessing => "调查评估",
        CaseStage.NotSuitable => "评估不适用",
        CaseStage.Receiving => "待报到",
        CaseStage.AwaitingAnnouncement => "待宣告",
        CaseStage.UnderCorrection => "在矫",
        CaseStage.Released => "已解矫",
        CaseStage.Terminated => "已终止",
        _ => stage.ToString(),
    };

    public static string Label(this SupervisionLevel level) => level switch
    {
        SupervisionLevel.Strict => "严管",
        SupervisionLevel.Normal => "普管",
        SupervisionLevel.Lenient => "宽管",
        _ => level.ToString(),
    };

    public static string Label(this EntrustingOrgan organ) => organ switch
    {
        EntrustingOrgan.Court => "人民法院",
        EntrustingOrgan.Procuratorate => "人民检察院",
        EntrustingOrgan.Police => "公安机关",
        EntrustingOrgan.Prison => "监狱",
        _ => organ.ToString(),
    };

    public static string Label(this AssessmentConclusion conclusion) => conclusion switch
    {
        AssessmentConclusion.Suitable => "适用社区矫正",
        AssessmentConclusion.Unsuitable => "不适用社区矫正",
        _ => conclusion.ToString(),
    };

    public static string Label(this WarningGround ground) => ground switch
    {
        WarningGround.LateReport => "未按规定时间报到",
        WarningGround.ReportingVisitsLeaveOrResidence => "违反报告、会客、外出、居住地变更规定",
        WarningGround.EducationOrService => "不按规定参加教育学习、社区服务，经教育仍不改正",
        WarningGround.MedicalReview => "保外就医无正当理由不按时提交病情复查情况，或未经批准进行就医以外的社会活动，经教育仍不改正",
        WarningGround.MinorProhibitionBreach => "违反人民法院禁止令，情节轻微",
        WarningGround.OtherBreach => "其他违反监督管理规定的情形",
        _ => ground.ToString(),
    };

    public static string Label(this ProposalKind kind, CorrectionType type) => kind switch
    {
        ProposalKind.Revocation => type == CorrectionType.Parole ? "撤销假释建议" : "撤销缓刑建议",
        ProposalKind.Reimprisonment => "收监执行建议",
        _ => kind.ToString(),
    };

    public static string Label(this ProposalOutcome outcome) => outcome switch
    {
        ProposalOutcome.Granted => "采纳",
        ProposalOutcome.Rejected => "未采纳",
        _ => outcome.ToString(),
    };

    public static string Label(this TerminationReason reason) => reason switch
    {
        TerminationReason.Death => "死亡",
        TerminationReason.Revoked => "撤销缓刑、假释",
        TerminationReason.Reimprisoned => "收监执行",
        TerminationReason.NewPrisonSentence => "被判处监禁刑罚",
        _ => reason.ToString(),
    };

    public static string Label(this SupervisionRecordKind kind) => kind switch
    {
        SupervisionRecordKind.Report => "定期报告",
        SupervisionRecordKind.HealthReport => "身体情况报告",
        SupervisionRecordKind.MedicalReview => "病情复查报告",
        SupervisionRecordKind.FieldCheck => "实地检查",
        SupervisionRecordKind.Communication => "通讯联络",
        SupervisionRecordKind.InformationCheck => "信息化核查",
        SupervisionRecordKind.Visit => "走访（家庭、单位、学校、社区）",
        SupervisionRecordKind.HospitalContact => "联系治疗医院",
        SupervisionRecordKind.PlanReview => "矫正方案评估调整",
        SupervisionRecordKind.Education => "教育学习",
        SupervisionRecordKind.CommunityService => "社区服务",
        _ => kind.ToString(),
    };

    public static string Label(this GroupMemberRole role) => role switch
    {
        GroupMemberRole.Leader => "组长（司法所工作人员）",
        GroupMemberRole.SocialWorker => "社会工作者",
        GroupMemberRole.Volunteer => "志愿者",
        GroupMemberRole.Helper => "协助人员",
        _ => role.ToString(),
    };

    public static string Label(this LeaveStatus status) => status switch
    {
        LeaveStatus.AwaitingOffice => "待司法所审批",
        LeaveStatus.AwaitingCounty => "待县级审批",
        LeaveStatus.Approved => "已批准",
        LeaveStatus.Refused => "不予批准",
        LeaveStatus.Returned => "已返回报告",
        _ => status.ToString(),
    };

    public static string Label(this ResidenceChangeStatus status) => status switch
    {
        ResidenceChangeStatus.AwaitingCounty => "待县级审批",
        ResidenceChangeStatus.Approved => "已批准",
        ResidenceChangeStatus.Refused => "不予批准",
        _ => status.ToString(),
    };
}
