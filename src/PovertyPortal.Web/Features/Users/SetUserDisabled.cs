using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Users;

/// <summary>Disables or re-enables an account. A disabled user's open sessions end at the next stamp check.</summary>
public sealed class SetUserDisabled(IServiceScopeFactory scopeFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<CommandResult> HandleAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        if (userId == currentUser.UserId) return CommandResult.Fail("不能停用自己的账户");
        await using var accounts = UserManagerScope.Create(scopeFactory, currentUser);
        var users = accounts.Users;
        var user = await users.FindByIdAsync(userId);
        if (user is null || !UserPermissions.CanManage(currentUser, user, await users.GetRolesAsync(user)))
        {
            return CommandResult.Fail("该用户不存在、不在您的管辖范围内，或与您同级及以上");
        }
        user.IsDisabled = disabled;
        // A new stamp in the same write ends the user's open sessions at the next check.
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded) return CommandResult.Fail(string.Join("；", updated.Errors.Select(e => e.Description)));
        await auditLog.WriteAsync(currentUser.UserName, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled,
            "PortalUser", user.Id, user.UserName, cancellationToken);
        return CommandResult.Success;
    }
}
