using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.WorkTeams;
using static PovertyPortal.Domain.WorkTeams.ResidencyCompliance;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>
/// 五天四夜 of a village's teams in one year: per team and member the kept and judged weeks, the weeks themselves,
/// and the recorded days (for the calendar). A plain record the report (二.2) and the dashboard read.
/// </summary>
public sealed class GetTeamCompliance(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public sealed record Result(int VillageId, int Year, Tally Village, IReadOnlyList<TeamCompliance> Teams);

    public sealed record TeamCompliance(int TeamId, string DispatchingUnit, DateOnly StartDate, DateOnly? EndDate, Tally Tally, IReadOnlyList<MemberCompliance> Members);

    public sealed record MemberCompliance(int MemberId, string Name, WorkTeamRole Role, DateOnly StartDate, DateOnly? EndDate, string? UserId,
        Tally Tally, IReadOnlyList<Week> Weeks, IReadOnlyList<RecordedDay> Days);

    public sealed record RecordedDay(DateOnly Date, bool StayedNight, TimeOnly? ArrivedAt, TimeOnly? LeftAt, string? Note);

    public async Task<Result?> HandleAsync(int villageId, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Villages.AnyAsync(v => v.Id == villageId, cancellationToken)) return null;
        var period = ResidencyCompliance.Year(year);
        // Weeks belong to the year of their Thursday, so days up to 3 before and after the year matter.
        var from = period.Start.AddDays(-3);
        var to = period.End!.Value.AddDays(3);
        var teams = await db.WorkTeams.AsNoTracking().Where(t => t.VillageId == villageId && t.StartDate <= to && (t.EndDate == null || t.EndDate >= from))
            .OrderBy(t => t.StartDate).Include(t => t.Members).ToListAsync(cancellationToken);
        var days = await db.AttendanceDays.AsNoTracking().Where(a => a.VillageId == villageId && a.Date >= from && a.Date <= to)
            .Select(a => new { a.WorkTeamMemberId, Day = new RecordedDay(a.Date, a.StayedNight, a.ArrivedAt, a.LeftAt, a.Note) })
            .ToListAsync(cancellationToken);
        var byMember = days.ToLookup(d => d.WorkTeamMemberId, d => d.Day);
        var today = PortalYears.Today(clock);

        var result = new List<TeamCompliance>();
        foreach (var team in teams)
        {
            var members = team.Members.OrderBy(m => m.Role).ThenBy(m => m.Id).Select(m =>
            {
                var recorded = byMember[m.Id].OrderBy(d => d.Date).ToList();
                var weeks = Weeks(new DatePeriod(m.StartDate, m.EndDate), period, recorded.Select(d => new Day(d.Date, d.StayedNight)), today);
                return new MemberCompliance(m.Id, m.Name, m.Role, m.StartDate, m.EndDate, m.UserId, Tally.Of(weeks), weeks, recorded);
            }).ToList();
            result.Add(new TeamCompliance(team.Id, team.DispatchingUnit, team.StartDate, team.EndDate,
                members.Aggregate(default(Tally), (sum, m) => sum + m.Tally), members));
        }
        return new Result(villageId, year, result.Aggregate(default(Tally), (sum, t) => sum + t.Tally), result);
    }
}
