using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Users;

/// <summary>
/// Whether the current user may change another account: not their own, inside their scope, and holding only roles
/// they can grant (so never a peer's).
/// </summary>
public static class UserPermissions
{
    public static bool CanManage(CurrentUser manager, PortalUser user, IList<string> userRoles) =>
        manager.Role is { } role
        && PortalRoles.CanManageUsers(role)
        && user.Id != manager.UserId
        && manager.Scope.Contains(user.ScopeAs(userRoles.FirstOrDefault()))
        && userRoles.All(r => PortalRoles.AssignableBy(role).Contains(r));
}
