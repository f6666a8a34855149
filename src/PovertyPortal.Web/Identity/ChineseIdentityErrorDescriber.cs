using Microsoft.AspNetCore.Identity;

namespace PovertyPortal.Web.Identity;

/// <summary>Identity's own error messages, in Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Describe(nameof(DefaultError), "操作失败，请稍后重试");
    public override IdentityError ConcurrencyFailure() => Describe(nameof(ConcurrencyFailure), "该用户已被他人修改，请刷新后重试");
    public override IdentityError PasswordMismatch() => Describe(nameof(PasswordMismatch), "原密码不正确");
    public override IdentityError InvalidToken() => Describe(nameof(InvalidToken), "令牌无效或已过期");
    public override IdentityError InvalidUserName(string? userName) => Describe(nameof(InvalidUserName), $"用户名“{userName}”无效，只能包含字母、数字和 - . _ @");
    public override IdentityError DuplicateUserName(string userName) => Describe(nameof(DuplicateUserName), $"用户名“{userName}”已被使用");
    public override IdentityError InvalidEmail(string? email) => Describe(nameof(InvalidEmail), "电子邮箱格式不正确");
    public override IdentityError DuplicateEmail(string email) => Describe(nameof(DuplicateEmail), "电子邮箱已被使用");
    public override IdentityError InvalidRoleName(string? role) => Describe(nameof(InvalidRoleName), $"角色“{role}”无效");
    public override IdentityError DuplicateRoleName(string role) => Describe(nameof(DuplicateRoleName), $"角色“{role}”已存在");
    public override IdentityError UserAlreadyHasPassword() => Describe(nameof(UserAlreadyHasPassword), "该用户已设置密码");
    public override IdentityError UserLockoutNotEnabled() => Describe(nameof(UserLockoutNotEnabled), "该用户未启用锁定");
    public override IdentityError UserAlreadyInRole(string role) => Describe(nameof(UserAlreadyInRole), "该用户已拥有此角色");
    public override IdentityError UserNotInRole(string role) => Describe(nameof(UserNotInRole), "该用户不具有此角色");
    public override IdentityError PasswordTooShort(int length) => Describe(nameof(PasswordTooShort), $"密码长度至少为{length}位");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Describe(nameof(PasswordRequiresNonAlphanumeric), "密码须包含符号");
    public override IdentityError PasswordRequiresDigit() => Describe(nameof(PasswordRequiresDigit), "密码须包含数字");
    public override IdentityError PasswordRequiresLower() => Describe(nameof(PasswordRequiresLower), "密码须包含小写字母");
    public override IdentityError PasswordRequiresUpper() => Describe(nameof(PasswordRequiresUpper), "密码须包含大写字母");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Describe(nameof(PasswordRequiresUniqueChars), $"密码至少须包含{uniqueChars}个不同字符");
    public override IdentityError RecoveryCodeRedemptionFailed() => Describe(nameof(RecoveryCodeRedemptionFailed), "恢复码无效");
    public override IdentityError LoginAlreadyAssociated() => Describe(nameof(LoginAlreadyAssociated), "该外部登录已绑定其他用户");

    private static IdentityError Describe(string code, string description) => new() { Code = code, Description = description };
}
