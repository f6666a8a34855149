using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>The sequence of a village's work teams with their members, oldest first; null outside the scope.</summary>
public sealed class ListWorkTeams(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Result(int VillageId, string VillageName, IReadOnlyList<TeamRow> Teams);

    public sealed record TeamRow(int Id, string DispatchingUnit, string? AppointedBy, DateOnly StartDate, DateOnly? EndDate,
        DateOnly? HandoverUntil, IReadOnlyList<MemberRow> Members, Guid Version = default);

    public sealed record MemberRow(int Id, int WorkTeamId, string Name, string? Unit, string? Phone, WorkTeamRole Role,
        DateOnly StartDate, DateOnly? EndDate, string? UserId, string? UserName, Guid Version = default);

    public async Task<Result?> HandleAsync(int villageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.Where(v => v.Id == villageId).Select(v => new { v.Id, v.Name }).FirstOrDefaultAsync(cancellationToken);
        if (village is null) return null;
        var teams = await db.WorkTeams.AsNoTracking().Where(t => t.VillageId == villageId).OrderBy(t => t.StartDate)
            .Include(t => t.Members).ToListAsync(cancellationToken);
        var userIds = teams.SelectMany(t => t.Members).Select(m => m.UserId).OfType<string>().Distinct().ToList();
        var userNames = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, cancellationToken);
        return new Result(village.Id, village.Name, teams.Select(t => new TeamRow(
            t.Id, t.DispatchingUnit, t.AppointedBy, t.StartDate, t.EndDate, t.HandoverUntil,
            t.Members.OrderBy(m => m.Role).ThenBy(m => m.StartDate).ThenBy(m => m.Id)
                .Select(m => new MemberRow(m.Id, t.Id, m.Name, m.Unit, m.Phone, m.Role, m.StartDate, m.EndDate, m.UserId,
                    m.UserId is null ? null : userNames.GetValueOrDefault(m.UserId), m.Version))
                .ToList(), t.Version)).ToList());
    }
}
