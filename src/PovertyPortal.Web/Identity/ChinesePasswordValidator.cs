using Microsoft.AspNetCore.Identity;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// 等保2.0 三级 (MLPS 2.0 level 3): at least 12 characters and at least three of the four classes
/// (upper case, lower case, digits, symbols). Identity's built-in rules demand all four, which is not the rule.
/// </summary>
public sealed class ChinesePasswordValidator : IPasswordValidator<PortalUser>
{
    public const int MinimumLength = 12;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var error = Check(password, user.UserName);
        return Task.FromResult(error is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = error }));
    }

    /// <summary>Null when the password meets the policy, else the Chinese reason.</summary>
    public static string? Check(string? password, string? userName)
    {
        if (string.IsNullOrEmpty(password)) return "请输入密码";
        if (password.Length < MinimumLength) return $"密码长度至少为{MinimumLength}位，当前为{password.Length}位";
        var classes = 0;
        if (password.Any(char.IsAsciiLetterUpper)) classes++;
        if (password.Any(char.IsAsciiLetterLower)) classes++;
        if (password.Any(char.IsAsciiDigit)) classes++;
        if (password.Any(c => !char.IsAsciiLetterOrDigit(c))) classes++;
        if (classes < 3) return "密码须至少包含大写字母、小写字母、数字、符号中的三类";
        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return "密码不能包含用户名";
        }
        return null;
    }
}
