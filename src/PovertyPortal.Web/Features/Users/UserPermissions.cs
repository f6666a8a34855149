using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Users;

/// <summary>Whether the current user may change another account: it must lie in their scope and hold only roles they can grant.</summary>
public static class UserPermissions
{
    public static bool CanManage(CurrentUser manager, PortalUser user, IEnumerable<string> userRoles) =>
        manager.Role is { } role
        && PortalRoles.CanManageUsers(role)
        && manager.Scope.Contains(user.Scope)
        && userRoles.All(r => PortalRoles.AssignableBy(role).Contains(r));
}
