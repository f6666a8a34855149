using PovertyPortal.Domain.WorkTeams;
using static PovertyPortal.Domain.WorkTeams.ResidencyCompliance;

namespace PovertyPortal.Tests.WorkTeams;

/// <summary>五天四夜: ISO weeks (Monday–Sunday), assigned to months and years by their Thursday.</summary>
public sealed class ResidencyComplianceTests
{
    private static readonly DateOnly LongAfter = new(2030, 1, 1);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>Days in the village from <paramref name="monday"/> on, the first <paramref name="nights"/> of them with a night.</summary>
    private static IEnumerable<Day> Stay(DateOnly monday, int days, int nights, int offset = 0) =>
        Enumerable.Range(offset, days).Select(i => new Day(monday.AddDays(i), i - offset < nights));

    [Theory]
    [InlineData(2018, 1, 1, 2018, 1, 1)]   // a Monday is its own week's Monday
    [InlineData(2018, 1, 7, 2018, 1, 1)]   // Sunday closes the week
    [InlineData(2018, 5, 1, 2018, 4, 30)]  // across a month boundary
    [InlineData(2019, 1, 1, 2018, 12, 31)] // across a year boundary
    [InlineData(2021, 1, 3, 2020, 12, 28)]
    public void The_week_of_a_day_starts_on_its_Monday(int y, int m, int d, int my, int mm, int md) =>
        Assert.Equal(D(my, mm, md), MondayOf(D(y, m, d)));

    [Theory]
    [InlineData(2018, 1, 1)]
    [InlineData(2018, 1, 7)]
    [InlineData(2018, 12, 31)]
    [InlineData(2019, 1, 1)]
    [InlineData(2020, 2, 29)]
    [InlineData(2021, 1, 3)]
    public void The_stored_week_number_is_the_same_for_every_day_of_a_week_and_leads_back_to_its_Monday(int y, int m, int d)
    {
        var day = D(y, m, d);
        var monday = MondayOf(day);
        Assert.All(Enumerable.Range(0, 7), i => Assert.Equal(WeekNumber(monday), WeekNumber(monday.AddDays(i))));
        Assert.Equal(WeekNumber(monday) - 1, WeekNumber(monday.AddDays(-1)));
        Assert.Equal(monday, MondayOfWeek(WeekNumber(day)));
        Assert.Equal(WeekNumber(day), new AttendanceDay { Date = day }.Week);
    }

    [Fact]
    public void Five_days_and_four_nights_keep_the_rule_and_anything_less_does_not()
    {
        var monday = D(2018, 6, 4);
        var member = new DatePeriod(D(2018, 1, 1), null);
        var june = Month(2018, 6);

        Assert.True(Weeks(member, june, Stay(monday, 5, 4), LongAfter).Single(w => w.Monday == monday).Kept);
        Assert.False(Weeks(member, june, Stay(monday, 4, 4), LongAfter).Single(w => w.Monday == monday).Kept);
        Assert.False(Weeks(member, june, Stay(monday, 5, 3), LongAfter).Single(w => w.Monday == monday).Kept);
        // Seven days and six nights is more than enough; days recorded twice count once.
        var twice = Stay(monday, 7, 6).Concat(Stay(monday, 2, 2)).ToList();
        var week = Weeks(member, june, twice, LongAfter).Single(w => w.Monday == monday);
        Assert.Equal((7, 6), (week.Days, week.Nights));
        Assert.True(week.Kept);
    }

    [Fact]
    public void A_week_across_a_month_boundary_counts_its_days_together_and_belongs_to_the_month_of_its_Thursday()
    {
        // Monday 30 April to Sunday 6 May 2018: Thursday is 3 May, so the week is May's.
        var monday = D(2018, 4, 30);
        var member = new DatePeriod(D(2018, 1, 1), null);
        var days = Stay(monday, 5, 4).ToList(); // 30 April, 1–4 May

        var may = Weeks(member, Month(2018, 5), days, LongAfter);
        var april = Weeks(member, Month(2018, 4), days, LongAfter);

        Assert.Equal(monday, may[0].Monday);
        Assert.True(may[0].Kept);
        Assert.DoesNotContain(april, w => w.Monday == monday);
        Assert.Equal(D(2018, 4, 23), april[^1].Monday);
        Assert.Equal(5, may.Count);   // weeks of 30 Apr, 7, 14, 21, 28 May (Thursday 31 May)
        Assert.Equal(4, april.Count); // weeks of 2, 9, 16, 23 April (26 March's Thursday is 29 March)
    }

    [Fact]
    public void A_week_whose_Thursday_falls_in_the_month_is_counted_there_even_when_it_starts_in_the_month_before()
    {
        // Monday 29 January 2018: Thursday 1 February, so the week is February's, and its January days count there.
        var member = new DatePeriod(D(2018, 1, 1), null);
        var days = Stay(D(2018, 1, 29), 5, 4).ToList();
        var february = Weeks(member, Month(2018, 2), days, LongAfter);
        Assert.Equal(D(2018, 1, 29), february[0].Monday);
        Assert.True(february[0].Kept);
        Assert.Equal(4, Weeks(member, Month(2018, 1), days, LongAfter).Count);
    }

    [Theory]
    [InlineData(2018, 2018, 12, 31, false)] // 31 Dec 2018 – 6 Jan 2019: Thursday 3 Jan 2019
    [InlineData(2019, 2018, 12, 31, true)]
    [InlineData(2020, 2020, 12, 28, true)]  // 28 Dec 2020 – 3 Jan 2021: Thursday 31 Dec 2020 (week 53)
    [InlineData(2021, 2020, 12, 28, false)]
    public void A_week_across_the_new_year_belongs_to_the_year_of_its_Thursday(int year, int y, int m, int d, bool counted)
    {
        var monday = D(y, m, d);
        var member = new DatePeriod(D(2017, 1, 1), null);
        var weeks = Weeks(member, Year(year), Stay(monday, 5, 4), LongAfter);
        Assert.Equal(counted, weeks.Any(w => w.Monday == monday && w.Kept));
    }

    [Theory]
    [InlineData(2018, 52)]
    [InlineData(2019, 52)]
    [InlineData(2020, 53)]
    [InlineData(2021, 52)]
    public void A_member_present_all_year_is_judged_on_every_ISO_week_of_the_year(int year, int weeks) =>
        Assert.Equal(weeks, Weeks(new DatePeriod(D(2010, 1, 1), null), Year(year), [], LongAfter).Count);

    [Fact]
    public void The_weeks_in_which_a_member_joins_or_leaves_are_not_judged()
    {
        // Joins Wednesday 7 March 2018, leaves Tuesday 27 March 2018.
        var member = new DatePeriod(D(2018, 3, 7), D(2018, 3, 27));
        var days = Stay(D(2018, 3, 5), 5, 4, offset: 2).ToList(); // Wed–Sun of the joining week
        var weeks = Weeks(member, Month(2018, 3), days, LongAfter);

        Assert.Equal([D(2018, 3, 12), D(2018, 3, 19)], weeks.Select(w => w.Monday));
        Assert.All(weeks, w => Assert.False(w.Kept));
        Assert.Equal(new Tally(2, 0), Tally.Of(weeks));
    }

    [Fact]
    public void A_member_whose_dates_cover_whole_weeks_exactly_is_judged_on_them()
    {
        // Monday 2 April to Sunday 15 April: two whole weeks.
        var member = new DatePeriod(D(2018, 4, 2), D(2018, 4, 15));
        var weeks = Weeks(member, Month(2018, 4), Stay(D(2018, 4, 2), 5, 4), LongAfter);
        Assert.Equal(new Tally(2, 1), Tally.Of(weeks));
        Assert.Equal(0.5m, Tally.Of(weeks).Rate);
    }

    [Fact]
    public void Days_outside_the_members_dates_do_not_count()
    {
        // Left on Wednesday: the week is not judged at all, even with five days recorded in it.
        var member = new DatePeriod(D(2018, 1, 1), D(2018, 3, 21));
        var weeks = Weeks(member, Month(2018, 3), Stay(D(2018, 3, 19), 5, 4), LongAfter);
        Assert.DoesNotContain(weeks, w => w.Monday == D(2018, 3, 19));
    }

    [Fact]
    public void A_week_not_yet_over_is_not_judged()
    {
        var member = new DatePeriod(D(2018, 1, 1), null);
        var today = D(2018, 6, 10); // Sunday: the week of 4 June ends today
        var weeks = Weeks(member, Year(2018), [], today);
        Assert.Equal(D(2018, 5, 28), weeks[^1].Monday);
        Assert.Empty(Weeks(member, Month(2018, 6), [], today));
        Assert.Equal(D(2018, 6, 4), Weeks(member, Month(2018, 6), [], D(2018, 6, 11)).Single().Monday);
    }

    [Fact]
    public void Tallies_add_up_and_an_empty_tally_has_no_rate()
    {
        Assert.Null(default(Tally).Rate);
        var sum = new Tally(4, 3) + new Tally(6, 6);
        Assert.Equal(new Tally(10, 9), sum);
        Assert.Equal(0.9m, sum.Rate);
        Assert.Equal(1, sum.MissedWeeks);
    }
}
