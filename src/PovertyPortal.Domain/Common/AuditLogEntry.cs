namespace PovertyPortal.Domain.Common;

/// <summary>
/// A security-relevant event: sign-in, lockout, user changes, revealing a masked ID number.
/// Holds who did what to which record, never the personal data itself.
/// </summary>
public class AuditLogEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public string? RecordType { get; set; }
    public string? RecordId { get; set; }
    public string? Detail { get; set; }

    /// <summary>The client's address (the request's, or the one captured when the Blazor circuit opened); "local" for commands.</summary>
    public string? IpAddress { get; set; }

    /// <summary>Whether the act was done, refused by a scope or role rule, or failed (a wrong password).</summary>
    public AuditOutcome Outcome { get; set; }

    /// <summary>What was acted on, readable ("户 3 · 第 12 周", a report's village and year); never personal data.</summary>
    public string? Target { get; set; }

    /// <summary>The actor's county when the entry was written, so a county supervisor's viewer shows only their county.</summary>
    public int? CountyId { get; set; }

    /// <summary>The hash of the row before this one (by id); null for the first row ever written.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 (hex) over <see cref="PreviousHash"/> and this row's fields (AuditChain): an edited row breaks the chain.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>Stored as its name; the viewer shows <see cref="AuditActions.OutcomeLabel"/>.</summary>
public enum AuditOutcome
{
    Success,
    Denied,
    Failed,
}

/// <summary>The actions written to the audit log; the codes are stable, the UI shows <see cref="AuditActions.Label"/>.</summary>
public static class AuditActions
{
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignOut = "SignOut";
    public const string PasswordChanged = "PasswordChanged";
    public const string UserCreated = "UserCreated";
    public const string UserUpdated = "UserUpdated";
    public const string UserDisabled = "UserDisabled";
    public const string UserEnabled = "UserEnabled";
    public const string PasswordReset = "PasswordReset";
    public const string RevealResidentId = "RevealResidentId";
    public const string RevealPhone = "RevealPhone";
    public const string ExportRegister = "ExportRegister";
    // Changes to the area tree (行政区划): who added, renamed, retired or restored which area. The codes are those the
    // area features wrote before they moved here.
    public const string AreaSaved = "AreaSaved";
    public const string AreaRetired = "AreaRetired";
    public const string AreaRestored = "AreaRestored";
    // Issue 15, masking and cross-area lookups: a refused export, and every register import, previewed or written.
    public const string ExportRegisterRefused = "ExportRegisterRefused";
    public const string ImportRegisterPreview = "ImportRegisterPreview";
    public const string ImportRegisterWritten = "ImportRegisterWritten";
    public const string ImportBenefitsPreview = "ImportBenefitsPreview";
    public const string ImportBenefitsWritten = "ImportBenefitsWritten";

    public static string Label(string action) => action switch
    {
        SignIn => "登录",
        SignInFailed => "登录失败",
        LockedOut => "账户锁定",
        SignOut => "退出登录",
        PasswordChanged => "修改密码",
        UserCreated => "新建用户",
        UserUpdated => "修改用户",
        UserDisabled => "停用用户",
        UserEnabled => "启用用户",
        PasswordReset => "重置密码",
        RevealResidentId => "查看完整证件号码",
        RevealPhone => "查看完整联系电话",
        ExportRegister => "导出贫困户名单",
        AreaSaved => "保存行政区划",
        AreaRetired => "撤销行政区划",
        AreaRestored => "恢复行政区划",
        ExportRegisterRefused => "导出贫困户名单被拒绝",
        ImportRegisterPreview => "预览导入贫困户名单",
        ImportRegisterWritten => "导入贫困户名单",
        ImportBenefitsPreview => "预览导入政策享受记录",
        ImportBenefitsWritten => "导入政策享受记录",
        _ => AuditTrailLabel(action) ?? action,
    };

    // --- Issue 15, second part (the audit trail): denials, downloads, deletes, role changes, attendance, the log itself.
    public const string AccessDenied = "AccessDenied";
    public const string DownloadReport = "DownloadReport";
    public const string DownloadAttachment = "DownloadAttachment";
    public const string RecordDeleted = "RecordDeleted";
    public const string RoleChanged = "RoleChanged";
    public const string AttendanceRewritten = "AttendanceRewritten";
    public const string ExportAuditLog = "ExportAuditLog";
    public const string PurgeAuditLog = "PurgeAuditLog";
    public const string RotatePersonalDataKey = "RotatePersonalDataKey";

    // The rectification ledger (issue 17): every change of a problem, and its export.
    public const string ProblemRaised = "ProblemRaised";
    public const string ProblemEdited = "ProblemEdited";
    public const string ProblemStep = "ProblemStep";
    public const string ProblemDeadlineExtended = "ProblemDeadlineExtended";
    public const string ProblemEvidenceAdded = "ProblemEvidenceAdded";
    public const string ExportProblems = "ExportProblems";

    // Cross-inspection: the group's work (issue 17).
    public const string InspectionAnswerSaved = "InspectionAnswerSaved";
    public const string InspectionVisitMode = "InspectionVisitMode";
    public const string InspectionPhotoAdded = "InspectionPhotoAdded";
    public const string InspectionFindingFixed = "InspectionFindingFixed";
    public const string InspectionFindingToLedger = "InspectionFindingToLedger";
    // Cross-inspection plans (issue 17): the round, its pairs, groups and checklist, the template, the draw, the sample's
    // changes, issuing and finishing.
    public const string InspectionPlanChanged = "InspectionPlanChanged";
    public const string InspectionSampleDrawn = "InspectionSampleDrawn";
    public const string InspectionSampleAdjusted = "InspectionSampleAdjusted";
    public const string InspectionRoundStatusChanged = "InspectionRoundStatusChanged";
    public const string SnapshotFrozen = "SnapshotFrozen";
    public const string SnapshotChangeExplained = "SnapshotChangeExplained";
    public const string SnapshotChangesExported = "SnapshotChangesExported";

    // --- Issue 18, data checks (大数据比对): runs, a county's choices per rule, findings sent to the ledger.
    public const string DataCheckRun = "DataCheckRun";
    public const string DataCheckRuleChanged = "DataCheckRuleChanged";
    public const string DataCheckToLedger = "DataCheckToLedger";

    // 账账相符 (issue 18): a comparison run (counts only), a difference taken over into the register, the differences exported.
    public const string ReconciliationRun = "ReconciliationRun";
    public const string ReconciliationApplied = "ReconciliationApplied";
    public const string ReconciliationExported = "ReconciliationExported";

    // 部门预警信息 (issue 20): a department's list uploaded and matched (counts only), a home check's result recorded.
    public const string FeedBatchUploaded = "FeedBatchUploaded";
    public const string HomeCheckRecorded = "HomeCheckRecorded";

    // --- Issue 19, community correction: each step of a case, a full identity read, the working-day calendar.
    public const string CorrectionCaseChanged = "CorrectionCaseChanged";
    // Issue 20: every step of an identification or exit procedure, and the printed 公示.
    public const string ProcedureCaseChanged = "ProcedureCaseChanged";
    public const string ProcedureRulesChanged = "ProcedureRulesChanged";
    public const string DownloadPublicNotice = "DownloadPublicNotice";
    public const string CorrectionIdentityRevealed = "CorrectionIdentityRevealed";
    public const string WorkingCalendarChanged = "WorkingCalendarChanged";

    // --- Issue 20, year locking (decision 0032): a township's year locked, or unlocked with the reason in the detail.
    public const string YearLocked = "YearLocked";
    public const string YearUnlocked = "YearUnlocked";

    // --- Issue 16, sign-in: the second factor (set up, switched off, reset by a manager, codes renewed, a code refused).
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";
    public const string TwoFactorReset = "TwoFactorReset";
    public const string RecoveryCodesRenewed = "RecoveryCodesRenewed";
    public const string TwoFactorCodeRefused = "TwoFactorCodeRefused";

    // --- Issue 16, faults: backup and restore (decision 0020).
    public const string Backup = "Backup";
    public const string Restore = "Restore";

    // --- Issue 19, community correction: each document downloaded (figures and case numbers only in the entry).
    public const string DownloadRegistrationForm = "DownloadRegistrationForm";
    public const string DownloadWarningDecision = "DownloadWarningDecision";
    public const string DownloadCorrectionProposal = "DownloadCorrectionProposal";
    public const string DownloadReleaseCertificate = "DownloadReleaseCertificate";
    public const string DownloadCorrectionStatistics = "DownloadCorrectionStatistics";

    private static string? AuditTrailLabel(string action) => action switch
    {
        TwoFactorEnabled => "启用双因素认证",
        TwoFactorDisabled => "关闭双因素认证",
        TwoFactorReset => "重置双因素认证",
        RecoveryCodesRenewed => "重新生成恢复码",
        TwoFactorCodeRefused => "动态验证码错误",
        AccessDenied => "越权访问被拒绝",
        DownloadReport => "下载报告",
        DownloadAttachment => "下载附件",
        RecordDeleted => "删除记录",
        RoleChanged => "变更角色或范围",
        AttendanceRewritten => "改写考勤周",
        ExportAuditLog => "导出审计日志",
        PurgeAuditLog => "清理过期审计日志",
        RotatePersonalDataKey => "轮换个人信息加密密钥",
        Backup => "备份数据",
        Restore => "恢复数据",
        ProblemRaised => "录入整改问题",
        ProblemEdited => "修改整改问题",
        ProblemStep => "整改问题流转",
        ProblemDeadlineExtended => "整改延期",
        ProblemEvidenceAdded => "上传整改佐证",
        ExportProblems => "导出问题整改台账",
        CorrectionCaseChanged => "社区矫正案件办理",
        ProcedureCaseChanged => "识别退出程序办理",
        ProcedureRulesChanged => "修改程序办理规则",
        DownloadPublicNotice => "下载公示",
        CorrectionIdentityRevealed => "查看矫正对象完整身份信息",
        WorkingCalendarChanged => "修改工作日历",
        InspectionAnswerSaved => "保存检查结果",
        InspectionVisitMode => "记录访问方式",
        InspectionPhotoAdded => "上传检查照片",
        InspectionFindingFixed => "立行立改",
        InspectionFindingToLedger => "检查问题转入整改台账",
        InspectionPlanChanged => "修改督导方案",
        InspectionSampleDrawn => "督导抽样",
        InspectionSampleAdjusted => "增补或替换抽样户",
        InspectionRoundStatusChanged => "下发或结束督导方案",
        DataCheckRun => "运行大数据比对",
        DataCheckRuleChanged => "修改比对规则设置",
        DataCheckToLedger => "比对发现转入整改台账",
        SnapshotFrozen => "冻结年末数据快照",
        SnapshotChangeExplained => "说明年度变化原因",
        SnapshotChangesExported => "导出年度变化",
        ReconciliationRun => "账账相符比对",
        ReconciliationApplied => "采用比对结果修改",
        ReconciliationExported => "导出账账相符差异",
        FeedBatchUploaded => "上传部门预警信息",
        HomeCheckRecorded => "记录入户核实结果",
        DownloadRegistrationForm => "下载社区矫正人员接收登记表",
        DownloadWarningDecision => "下载警告决定书",
        DownloadCorrectionProposal => "下载撤销缓刑（假释）或收监执行建议书",
        DownloadReleaseCertificate => "下载解除社区矫正证明书",
        DownloadCorrectionStatistics => "下载社区矫正月度统计表",
        YearLocked => "锁定年度数据",
        YearUnlocked => "解锁年度数据",
        _ => null,
    };

    /// <summary>
    /// The record an entry written without a target names, as the viewer and its export show it: its kind in Chinese
    /// ("成员 12"), never the code's type name.
    /// </summary>
    public static string? RecordLabel(string? recordType, string? recordId)
    {
        if (recordType is null) return null;
        var kind = recordType switch
        {
            "Household" => "户",
            "Member" => "成员",
            "PortalUser" => "用户",
            "Township" => "乡镇",
            "Village" => "村",
            "VillageGroup" => "村民小组",
            "Problem" => "整改问题",
            "InspectionRound" => "督导方案",
            "DataCheckRun" => "比对运行",
            "DataCheckRule" => "比对规则",
            "YearEndSnapshot" => "年末数据快照",
            "YearLock" => "年度锁定",
            "CorrectionSubject" => "社区矫正案件",
            "ProcedureCase" => "程序",
            "PublicNotice" => "公示",
            "ProcedureRules" => "程序办理规则",
            "CorrectionWarning" => "警告",
            "CorrectionProposal" => "撤销或收监建议",
            _ => "记录",
        };
        return recordId is null ? kind : $"{kind} {recordId}";
    }

    public static string OutcomeLabel(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Denied => "拒绝",
        AuditOutcome.Failed => "失败",
        _ => "成功",
    };

    /// <summary>The outcome an entry written without one gets: failed sign-ins fail, a lockout is a refusal.</summary>
    public static AuditOutcome DefaultOutcome(string action) => action switch
    {
        SignInFailed or TwoFactorCodeRefused => AuditOutcome.Failed,
        LockedOut or AccessDenied or ExportRegisterRefused => AuditOutcome.Denied,
        _ => AuditOutcome.Success,
    };
}
