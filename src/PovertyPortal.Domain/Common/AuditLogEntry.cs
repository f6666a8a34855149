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
        ExportRegisterRefused => "导出贫困户名单被拒绝",
        ImportRegisterPreview => "预览导入贫困户名单",
        ImportRegisterWritten => "导入贫困户名单",
        ImportBenefitsPreview => "预览导入政策享受记录",
        ImportBenefitsWritten => "导入政策享受记录",
        _ => action,
    };
}
