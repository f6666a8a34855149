using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>The 队长 periods of a village, with the handover window of each one's team.</summary>
internal static class TeamLeaders
{
    /// <param name="edited">A tracked team whose unsaved dates and handover should be used instead of the stored ones.</param>
    public static async Task<List<LeaderOverlap.LeaderPeriod>> OfVillageAsync(PortalDbContext db, int villageId, WorkTeam? edited, CancellationToken cancellationToken)
    {
        var rows = await db.WorkTeamMembers.AsNoTracking()
            .Where(m => m.WorkTeam!.VillageId == villageId && m.Role == WorkTeamRole.TeamLeader)
            .Select(m => new { m.Id, m.Name, m.StartDate, m.EndDate, m.WorkTeamId, m.WorkTeam!.DispatchingUnit, TeamStart = m.WorkTeam.StartDate, m.WorkTeam.HandoverUntil })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var (teamStart, handover) = edited is not null && edited.Id == r.WorkTeamId ? (edited.StartDate, edited.HandoverUntil) : (r.TeamStart, r.HandoverUntil);
            return new LeaderOverlap.LeaderPeriod(r.Id, r.Name, r.DispatchingUnit, new DatePeriod(r.StartDate, r.EndDate),
                handover is { } until ? new DatePeriod(teamStart, until) : null);
        }).ToList();
    }

    public static string ClashMessage(string name, LeaderOverlap.LeaderPeriod clash) =>
        $"队长{name}与{clash.TeamUnit}工作队的队长{clash.Name}（{clash.Period.Start:yyyy-MM-dd}至{(clash.Period.End is { } e ? e.ToString("yyyy-MM-dd") : "今")}）任期重叠；" +
        "同一时间只能有一名队长，如为工作交接，请在后一支工作队填写交接截止日期";
}
