using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.WorkTeams;
using static PovertyPortal.Domain.WorkTeams.ResidencyCompliance;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// 五天四夜 of the work teams per village: judged and kept member-weeks of the year, by the rule of ResidencyCompliance.
/// Which weeks are judged follows from the members' dates alone; whether a week was kept is decided in the database,
/// which counts days and nights per member and week on the stored week number (AttendanceDay.Week) from the
/// (CountyId | TownshipId, Week, WorkTeamMemberId, StayedNight) indexes and returns only each member's number of kept
/// weeks. Only members whose own dates cut the year (joined or left during it) have their kept weeks listed one by one.
/// No attendance day is loaded: a county's 900 members come back as 900 counts, not 47,700 member-weeks (which cost
/// EF Core more than the counting itself).
/// </summary>
public sealed class GetResidencyFigures(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public readonly record struct Row(int TownshipId, int VillageId, int JudgedWeeks, int KeptWeeks);

    public async Task<IReadOnlyList<Row>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var period = ResidencyCompliance.Year(query.Year);
        var today = PortalYears.Today(clock);
        // Weeks belong to the year of their Thursday, so members present up to 3 days before and after the year matter.
        var from = period.Start.AddDays(-3);
        var to = period.End!.Value.AddDays(3);
        var teams = query.Within(db.WorkTeams, db.Scope);
        var members = await db.WorkTeamMembers
            .Where(m => m.StartDate <= to && (m.EndDate == null || m.EndDate >= from))
            .Join(teams, m => m.WorkTeamId, t => t.Id, (m, t) => new { m.Id, m.StartDate, m.EndDate, t.TownshipId, t.VillageId })
            .ToListAsync(cancellationToken);

        // The weeks of the year that can be judged at all (Thursday in the year, ended before today) are one run of
        // week numbers; each member is judged on the part of it that lies wholly within their own dates.
        var yearWeeks = JudgedWeekNumbers(new DatePeriod(DateOnly.MinValue, null), period, today);
        // Members mostly share their dates (a team's members arrive together), so each pair of dates is judged once.
        var byDates = new Dictionary<(DateOnly, DateOnly?), List<int>>();
        var judged = members.ToDictionary(m => m.Id, m => byDates.TryGetValue((m.StartDate, m.EndDate), out var weeks) ? weeks
            : byDates[(m.StartDate, m.EndDate)] = JudgedWeekNumbers(new DatePeriod(m.StartDate, m.EndDate), period, today));
        var keptPerMember = new Dictionary<int, int>();
        var keptWeeksOfPartYearMembers = new HashSet<(int, int)>();
        if (yearWeeks.Count > 0)
        {
            var (first, last) = (yearWeeks[0], yearWeeks[^1]);
            // Week.Kept, in the database: at least RequiredDays days (one row per member and day) and RequiredNights nights.
            var keptWeeks = query.Within(db.AttendanceDays, db.Scope)
                .Where(a => a.Week >= first && a.Week <= last)
                .GroupBy(a => new { a.Week, a.WorkTeamMemberId })
                .Where(g => g.Count() >= RequiredDays && g.Count(a => a.StayedNight) >= RequiredNights)
                .Select(g => new { g.Key.WorkTeamMemberId, g.Key.Week });
            keptPerMember = await keptWeeks.GroupBy(w => w.WorkTeamMemberId)
                .Select(g => new { g.Key, Weeks = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Weeks, cancellationToken);
            var partYear = members.Where(m => judged[m.Id].Count != yearWeeks.Count).Select(m => m.Id).ToList();
            if (partYear.Count > 0)
            {
                keptWeeksOfPartYearMembers = (await keptWeeks.Where(w => partYear.Contains(w.WorkTeamMemberId)).ToListAsync(cancellationToken))
                    .Select(w => (w.WorkTeamMemberId, w.Week)).ToHashSet();
            }
        }

        var tallies = new Dictionary<(int, int), Tally>();
        foreach (var m in members)
        {
            var weeks = judged[m.Id];
            var kept = weeks.Count == yearWeeks.Count
                ? keptPerMember.GetValueOrDefault(m.Id)
                : weeks.Count(w => keptWeeksOfPartYearMembers.Contains((m.Id, w)));
            var key = (m.TownshipId, m.VillageId);
            tallies[key] = tallies.GetValueOrDefault(key) + new Tally(weeks.Count, kept);
        }
        return tallies.Select(t => new Row(t.Key.Item1, t.Key.Item2, t.Value.JudgedWeeks, t.Value.KeptWeeks)).ToList();
    }

    /// <summary>The week numbers ResidencyCompliance.Weeks judges for a member with these dates (the counts play no part in which).</summary>
    private static List<int> JudgedWeekNumbers(DatePeriod memberDates, DatePeriod period, DateOnly today) =>
        Weeks(memberDates, period, _ => (0, 0), today).Select(w => WeekNumber(w.Monday)).ToList();
}
