using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Users;

/// <summary>
/// Users are not behind a query filter (sign-in must find any user), so every user-management query
/// starts here instead: a county supervisor sees the accounts of their county, a system administrator all.
/// </summary>
public static class UserScope
{
    public static IQueryable<PortalUser> Visible(PortalDbContext db)
    {
        var scope = db.Scope;
        if (scope.Unrestricted) return db.Users;
        if (scope.IsNone || scope.TownshipId is not null) return db.Users.Where(u => false);
        return db.Users.Where(u => u.CountyId == scope.CountyId);
    }
}
