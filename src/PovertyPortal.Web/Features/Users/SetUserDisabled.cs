using Microsoft.AspNetCore.Identity;
using PovertyPortal.Data;
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
        await using var serviceScope = scopeFactory.CreateAsyncScope();
        var users = serviceScope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || !UserPermissions.CanManage(currentUser, user, await users.GetRolesAsync(user)))
        {
            return CommandResult.Fail("该用户不存在，或不在您的管辖范围内");
        }
        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return CommandResult.Fail(string.Join("；", updated.Errors.Select(e => e.Description)));
        await users.UpdateSecurityStampAsync(user);
        await auditLog.WriteAsync(currentUser.UserName, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled,
            "PortalUser", user.Id, user.UserName, cancellationToken);
        return CommandResult.Success;
    }
}
