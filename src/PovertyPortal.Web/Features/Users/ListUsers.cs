using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Users;

/// <summary>The accounts a manager may see and change, with their role and area.</summary>
public sealed class ListUsers(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(string Id, string UserName, string DisplayName, string Role, int? CountyId, int? TownshipId,
        int? VillageId, string AreaName, bool IsDisabled, bool IsLockedOut, bool MustChangePassword, DateTimeOffset? LastSignInAt,
        bool TwoFactorEnabled = false);

    public async Task<IReadOnlyList<Row>> HandleAsync(TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var users = await UserScope.Visible(db).OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.CountyId, u.TownshipId, u.VillageId, u.IsDisabled,
                u.LockoutEnd, u.MustChangePassword, u.LastSignInAt, u.TwoFactorEnabled,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // Area names come from the unfiltered tree: a supervisor sees the names of the areas their users work in.
        var counties = await db.Counties.IgnoreQueryFilters().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var townships = await db.Townships.IgnoreQueryFilters().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var villages = await db.Villages.IgnoreQueryFilters().ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        string AreaName(int? c, int? t, int? v) => c is null ? "全部地区"
            : string.Concat(counties.GetValueOrDefault(c.Value), t is null ? "" : townships.GetValueOrDefault(t.Value),
                v is null ? "" : villages.GetValueOrDefault(v.Value));

        return users.Select(u => new Row(u.Id, u.UserName ?? "", u.DisplayName, u.Role ?? "", u.CountyId, u.TownshipId,
            u.VillageId, AreaName(u.CountyId, u.TownshipId, u.VillageId), u.IsDisabled, u.LockoutEnd > now,
            u.MustChangePassword, u.LastSignInAt, u.TwoFactorEnabled)).ToList();
    }
}
