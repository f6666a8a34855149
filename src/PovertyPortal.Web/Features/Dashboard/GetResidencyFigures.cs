using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.WorkTeams;
using static PovertyPortal.Domain.WorkTeams.ResidencyCompliance;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 五天四夜 of the work teams per village: judged and kept member-weeks of the year, by the rule of ResidencyCompliance.
/// Unlike ListAttendanceShortfalls it loads no attendance rows: the days and nights are counted in the database per
/// member and week (DayNumber / 7: day 0, 1 January of year 1, was a Monday, so the quotient numbers Monday-to-Sunday
/// weeks), which bounds what comes back to members × 54 weeks whatever the number of recorded days, on the
/// (VillageId, Date) index. The members in scope (a few per village) are read whole.
/// </summary>
public sealed class GetResidencyFigures(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public readonly record struct Row(int TownshipId, int VillageId, int JudgedWeeks, int KeptWeeks);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var period = ResidencyCompliance.Year(query.Year);
        // Weeks belong to the year of their Thursday, so days up to 3 before and after the year matter.
        var from = period.Start.AddDays(-3);
        var to = period.End!.Value.AddDays(3);
        var teams = query.Within(db.WorkTeams, db.Scope);
        var members = await db.WorkTeamMembers
            .Where(m => m.StartDate <= to && (m.EndDate == null || m.EndDate >= from))
            .Join(teams, m => m.WorkTeamId, t => t.Id, (m, t) => new { m.Id, m.StartDate, m.EndDate, t.TownshipId, t.VillageId })
            .ToListAsync(cancellationToken);
        var weeks = (await query.Within(db.AttendanceDays, db.Scope)
                .Where(a => a.Date >= from && a.Date <= to)
                .GroupBy(a => new { a.WorkTeamMemberId, Week = a.Date.DayNumber / 7 })
                .Select(g => new { g.Key.WorkTeamMemberId, g.Key.Week, Days = g.Count(), Nights = g.Count(a => a.StayedNight) })
                .ToListAsync(cancellationToken))
            .ToLookup(w => w.WorkTeamMemberId);

        var today = GetTeamCompliance.Today(clock);
        var tallies = new Dictionary<(int, int), Tally>();
        foreach (var m in members)
        {
            // A member's week stands for its counts as that many days from Monday, the first ones with a night: the
            // rule in ResidencyCompliance.Weeks reads only the counts, so it judges them exactly as the recorded days.
            var days = weeks[m.Id].SelectMany(w => Enumerable.Range(0, w.Days)
                .Select(i => new Day(DateOnly.FromDayNumber(w.Week * 7 + i), i < w.Nights)));
            var key = (m.TownshipId, m.VillageId);
            tallies[key] = tallies.GetValueOrDefault(key) + Tally.Of(Weeks(new DatePeriod(m.StartDate, m.EndDate), period, days, today));
        }
        return tallies.Select(t => new Row(t.Key.Item1, t.Key.Item2, t.Value.JudgedWeeks, t.Value.KeptWeeks)).ToList();
    }
}
