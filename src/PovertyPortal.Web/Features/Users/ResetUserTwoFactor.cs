using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Users;

/// <summary>
/// Takes a user's second factor away when they lost their phone and their recovery codes: a manager above them (the
/// rule of <see cref="UserPermissions.CanManage"/>) switches it off and gives the account a new, unknown key, so the old
/// app and codes are worthless; the new security stamp ends the user's open sessions. Audited. A role that requires
/// the second factor sets it up again at the next sign-in.
/// </summary>
public sealed class ResetUserTwoFactor(IServiceScopeFactory scopeFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<CommandResult> HandleAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (userId == currentUser.UserId) return CommandResult.Fail("不能重置自己的双因素认证，请在“双因素认证”页面操作");
        await using var accounts = UserManagerScope.Create(scopeFactory, currentUser);
        var users = accounts.Users;
        var user = await users.FindByIdAsync(userId);
        if (user is null || !UserPermissions.CanManage(currentUser, user, await users.GetRolesAsync(user)))
        {
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.TwoFactorReset, AuditOutcome.Denied, target: null,
                "PortalUser", userId, cancellationToken: cancellationToken);
            return CommandResult.Fail("该用户不存在、不在您的管辖范围内，或与您同级及以上");
        }
        // Switched off and re-keyed in one write: the new key renews the security stamp and saves the flag with it.
        user.TwoFactorEnabled = false;
        var reset = await users.ResetAuthenticatorKeyAsync(user);
        if (!reset.Succeeded) return CommandResult.Fail(string.Join("；", reset.Errors.Select(e => e.Description)));
        // Old recovery codes would do nothing without the second factor on, but they are cleared so none outlives the reset.
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.TwoFactorReset, "PortalUser", user.Id, user.UserName, cancellationToken);
        return CommandResult.Success;
    }
}
