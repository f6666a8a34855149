namespace PovertyPortal.Domain.WorkTeams;

/// <summary>
/// The 五天四夜 rule: in every week a team member spends at least 5 days and 4 nights in the village.
/// <para>
/// Week rule (docs/decisions/0006-five-days-four-nights-week-rule.md): weeks are ISO weeks, Monday to Sunday. A week belongs
/// to the month or year that holds its Thursday, as ISO 8601 assigns weeks to years, so every week is counted in
/// exactly one month and one year even when it straddles their boundary. A member is judged only on weeks that lie
/// wholly within their own dates in the team: a week in which they joined after Monday or left before Sunday is not
/// counted at all (neither as kept nor as missed), and a week that has not ended yet is not judged either. Days
/// recorded in such weeks still show in the calendar.
/// </para>
/// </summary>
public static class ResidencyCompliance
{
    public const int RequiredDays = 5;
    public const int RequiredNights = 4;

    /// <summary>One recorded day: present in the village, and whether the night after it was spent there.</summary>
    public readonly record struct Day(DateOnly Date, bool StayedNight);

    /// <summary>One judged week of one member.</summary>
    public sealed record Week(DateOnly Monday, int Days, int Nights)
    {
        public DateOnly Sunday => Monday.AddDays(6);
        public bool Kept => Days >= RequiredDays && Nights >= RequiredNights;
    }

    /// <summary>Kept weeks out of judged weeks; the rate is null when no week could be judged.</summary>
    public readonly record struct Tally(int JudgedWeeks, int KeptWeeks)
    {
        public int MissedWeeks => JudgedWeeks - KeptWeeks;
        public decimal? Rate => JudgedWeeks == 0 ? null : (decimal)KeptWeeks / JudgedWeeks;

        public static Tally operator +(Tally a, Tally b) => new(a.JudgedWeeks + b.JudgedWeeks, a.KeptWeeks + b.KeptWeeks);

        public static Tally Of(IEnumerable<Week> weeks)
        {
            var list = weeks as IReadOnlyCollection<Week> ?? weeks.ToList();
            return new Tally(list.Count, list.Count(w => w.Kept));
        }
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// A number for the Monday-to-Sunday week of <paramref name="day"/>: day 0 (1 January of year 1) was a Monday, so
    /// whole sevens of days since then count weeks. Stored with each attendance day (AttendanceDay.Week).
    /// </summary>
    public static int WeekNumber(DateOnly day) => day.DayNumber / 7;

    /// <summary>The Monday of week <paramref name="week"/> as numbered by <see cref="WeekNumber"/>.</summary>
    public static DateOnly MondayOfWeek(int week) => DateOnly.FromDayNumber(week * 7);

    /// <summary>The day whose month and year the week of <paramref name="monday"/> belongs to.</summary>
    public static DateOnly ThursdayOf(DateOnly monday) => MondayOf(monday).AddDays(3);

    /// <summary>
    /// The judged weeks of one member whose Thursday lies in <paramref name="period"/> (a month, a year), given the
    /// member's own dates in the team, the recorded days, and <paramref name="today"/> (weeks not yet ended are left out).
    /// </summary>
    public static IReadOnlyList<Week> Weeks(DatePeriod memberDates, DatePeriod period, IEnumerable<Day> days, DateOnly today)
    {
        var byWeek = days.Where(d => memberDates.Contains(d.Date))
            .GroupBy(d => MondayOf(d.Date))
            .ToDictionary(g => g.Key, g => (Days: g.Select(d => d.Date).Distinct().Count(), Nights: g.Where(d => d.StayedNight).Select(d => d.Date).Distinct().Count()));
        return Weeks(memberDates, period, monday => byWeek.GetValueOrDefault(monday), today);
    }

    /// <summary>
    /// The same judged weeks from days and nights already counted per week (by Monday): what a grouped query returns.
    /// Only weeks wholly within the member's dates are judged, so counts of whole weeks are all the rule needs.
    /// </summary>
    public static IReadOnlyList<Week> Weeks(DatePeriod memberDates, DatePeriod period, Func<DateOnly, (int Days, int Nights)> countsOfWeek, DateOnly today)
    {
        if (period.End is null) throw new ArgumentException("The period judged needs an end.", nameof(period));
        var result = new List<Week>();
        // The first week whose Thursday can lie in the period starts at most 3 days before it.
        for (var monday = MondayOf(period.Start.AddDays(3)); ThursdayOf(monday) <= period.End.Value; monday = monday.AddDays(7))
        {
            if (!period.Contains(ThursdayOf(monday))) continue;
            var sunday = monday.AddDays(6);
            if (sunday >= today) break;
            if (!memberDates.Contains(monday) || !memberDates.Contains(sunday)) continue;
            var (d, n) = countsOfWeek(monday);
            result.Add(new Week(monday, d, n));
        }
        return result;
    }

    public static DatePeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static DatePeriod Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));
}
