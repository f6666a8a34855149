using System.Security.Cryptography;
using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Users;

/// <summary>
/// Gives a user a random temporary password, shown once to the manager; the user must change it at next sign-in.
/// Also lifts a lockout, since a reset is what a locked-out official asks for.
/// </summary>
public sealed class ResetUserPassword(IServiceScopeFactory scopeFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<CommandResult<string>> HandleAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var accounts = UserManagerScope.Create(scopeFactory, currentUser);
        var users = accounts.Users;
        var user = await users.FindByIdAsync(userId);
        if (user is null || !UserPermissions.CanManage(currentUser, user, await users.GetRolesAsync(user)))
        {
            return new(CommandResult.Fail("该用户不存在、不在您的管辖范围内，或与您同级及以上"), null);
        }
        // Set before the reset so that the new password, the flag and the lifted lockout are one write.
        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var password = NewTemporaryPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded) return new(CommandResult.Fail(string.Join("；", reset.Errors.Select(e => e.Description))), null);
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.PasswordReset, "PortalUser", user.Id, user.UserName, cancellationToken);
        return new(CommandResult.Success, password);
    }

    /// <summary>14 characters from all four classes, without look-alikes (0/O, 1/l/I) that get misread over the phone.</summary>
    public static string NewTemporaryPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "@#%+=?";
        var all = upper + lower + digits + symbols;
        var chars = new char[14];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
