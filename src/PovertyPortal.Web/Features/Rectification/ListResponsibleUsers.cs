using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// The accounts of a township (its officials and its villages' teams) who may be made responsible for a problem; and
/// the accounts of a county, of whom a cross-inspection round's groups are made.
/// </summary>
public sealed class ListResponsibleUsers(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <param name="TownshipId">The township the account is bound to; null for a county-level account.</param>
    public sealed record UserOption(string Id, string DisplayName, string Role, int? TownshipId = null)
    {
        public override string ToString() => $"{DisplayName}（{Role}）";
    }

    public async Task<IReadOnlyList<UserOption>> HandleAsync(int townshipId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The township must be visible to the user: users themselves are not behind a query filter.
        if (!await db.Townships.AnyAsync(t => t.Id == townshipId, cancellationToken)) return [];
        return await ListAsync(db, u => u.TownshipId == townshipId, cancellationToken);
    }

    /// <summary>Every enabled account of the county (county, township and village level), county level first.</summary>
    public async Task<IReadOnlyList<UserOption>> ForCountyAsync(int countyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Counties.AnyAsync(c => c.Id == countyId, cancellationToken)) return [];
        return await ListAsync(db, u => u.CountyId == countyId, cancellationToken);
    }

    private static async Task<IReadOnlyList<UserOption>> ListAsync(PortalDbContext db, Expression<Func<PortalUser, bool>> where, CancellationToken cancellationToken)
    {
        var rows = await db.Users.Where(where).Where(u => !u.IsDisabled)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.TownshipId,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Role is not null)
            .OrderBy(r => PortalRoles.Rank(r.Role)).ThenBy(r => r.UserName, StringComparer.Ordinal)
            .Select(r => new UserOption(r.Id, r.DisplayName, PortalRoles.Label(r.Role!), r.TownshipId)).ToList();
    }
}
