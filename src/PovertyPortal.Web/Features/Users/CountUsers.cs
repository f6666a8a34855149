using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Web.Features.Users;

/// <summary>How many accounts there are, per role: the system administrator's home page.</summary>
public sealed class CountUsers(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Result(int Total, int Disabled, IReadOnlyList<(string Role, int Count)> ByRole);

    public async Task<Result> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = UserScope.Visible(db);
        var total = await users.CountAsync(cancellationToken);
        var disabled = await users.CountAsync(u => u.IsDisabled, cancellationToken);
        var byRole = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where users.Any(u => u.Id == ur.UserId)
                            group ur by r.Name into g
                            select new { Role = g.Key!, Count = g.Count() }).ToListAsync(cancellationToken);
        return new Result(total, disabled, PortalRoles.All
            .Select(role => (role, byRole.FirstOrDefault(x => x.Role == role)?.Count ?? 0)).ToList());
    }
}
