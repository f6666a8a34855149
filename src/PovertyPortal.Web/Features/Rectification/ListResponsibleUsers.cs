using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>The accounts of a township (its officials and its villages' teams) who may be made responsible for a problem.</summary>
public sealed class ListResponsibleUsers(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record UserOption(string Id, string DisplayName, string Role)
    {
        public override string ToString() => $"{DisplayName}（{Role}）";
    }

    public async Task<IReadOnlyList<UserOption>> HandleAsync(int townshipId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The township must be visible to the user: users themselves are not behind a query filter.
        if (!await db.Townships.AnyAsync(t => t.Id == townshipId, cancellationToken)) return [];
        var rows = await db.Users.Where(u => u.TownshipId == townshipId && !u.IsDisabled)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Role is not null)
            .OrderBy(r => PortalRoles.Rank(r.Role)).ThenBy(r => r.UserName, StringComparer.Ordinal)
            .Select(r => new UserOption(r.Id, r.DisplayName, PortalRoles.Label(r.Role!))).ToList();
    }
}
