using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>The accounts of a village that may be linked to a team member.</summary>
public sealed class ListLinkableUsers(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record UserOption(string Id, string UserName, string DisplayName, string Role);

    public async Task<IReadOnlyList<UserOption>> HandleAsync(int villageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The village must be visible to the user: users themselves are not behind a query filter.
        if (!await db.Villages.AnyAsync(v => v.Id == villageId, cancellationToken)) return [];
        var rows = await db.Users.Where(u => u.VillageId == villageId && !u.IsDisabled)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => PortalRoles.IsWorkTeam(r.Role))
            .OrderBy(r => r.UserName, StringComparer.Ordinal)
            .Select(r => new UserOption(r.Id, r.UserName ?? "", r.DisplayName, PortalRoles.Label(r.Role!))).ToList();
    }
}
