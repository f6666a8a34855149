using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.WorkTeams;
using static PovertyPortal.Domain.WorkTeams.ResidencyCompliance;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>
/// 未达“五天四夜”: every judged week of a member that fell short, across the teams in the user's scope, for the
/// county supervisor. The same arithmetic as <see cref="GetTeamCompliance"/>.
/// </summary>
public sealed class ListAttendanceShortfalls(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public sealed record Shortfall(int VillageId, string TownshipName, string VillageName, string DispatchingUnit, int MemberId, string MemberName,
        WorkTeamRole Role, DateOnly Monday, int Days, int Nights);

    public sealed record Result(IReadOnlyList<Shortfall> Shortfalls, Tally Tally);

    /// <param name="month">1–12 for one month, null for the whole year.</param>
    public async Task<Result> HandleAsync(int year, int? month, CancellationToken cancellationToken = default)
    {
        var period = month is int m ? ResidencyCompliance.Month(year, m) : ResidencyCompliance.Year(year);
        var from = period.Start.AddDays(-3);
        var to = period.End!.Value.AddDays(3);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await db.WorkTeamMembers.AsNoTracking()
            .Where(x => x.StartDate <= to && (x.EndDate == null || x.EndDate >= from))
            .Select(x => new
            {
                x.Id, x.Name, x.Role, x.StartDate, x.EndDate, x.WorkTeam!.VillageId, x.WorkTeam.DispatchingUnit,
                Village = db.Villages.Where(v => v.Id == x.WorkTeam.VillageId).Select(v => new { v.Name, Township = v.Township!.Name }).First(),
            })
            .ToListAsync(cancellationToken);
        // Days and nights counted per member and week in the database (AttendanceDay.Week), not the days themselves:
        // a county's year is a quarter of a million days, its member-weeks a fifth of that.
        var (firstWeek, lastWeek) = (WeekNumber(from), WeekNumber(to));
        var counts = await db.AttendanceDays.AsNoTracking().Where(a => a.Week >= firstWeek && a.Week <= lastWeek)
            .GroupBy(a => new { a.Week, a.WorkTeamMemberId })
            .Select(g => new { g.Key.WorkTeamMemberId, g.Key.Week, Days = g.Count(), Nights = g.Count(a => a.StayedNight) })
            .ToDictionaryAsync(w => (w.WorkTeamMemberId, w.Week), w => (w.Days, w.Nights), cancellationToken);
        var today = PortalYears.Today(clock);
        var tally = default(Tally);
        var shortfalls = new List<Shortfall>();
        foreach (var x in members)
        {
            var weeks = Weeks(new DatePeriod(x.StartDate, x.EndDate), period, monday => counts.GetValueOrDefault((x.Id, WeekNumber(monday))), today);
            tally += Tally.Of(weeks);
            shortfalls.AddRange(weeks.Where(w => !w.Kept).Select(w => new Shortfall(x.VillageId, x.Village.Township, x.Village.Name, x.DispatchingUnit,
                x.Id, x.Name, x.Role, w.Monday, w.Days, w.Nights)));
        }
        return new Result(shortfalls.OrderBy(s => s.TownshipName, StringComparer.Ordinal).ThenBy(s => s.VillageName, StringComparer.Ordinal)
            .ThenBy(s => s.MemberName, StringComparer.Ordinal).ThenBy(s => s.Monday).ToList(), tally);
    }
}
