using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Tests.Correction;

public sealed class LeaveRulesTests
{
    /// <summary>入矫 on January 10th: the first three months run to April 9th.</summary>
    private static readonly DateOnly Start = new(2026, 1, 10);

    /// <summary>A subject under correction since the summer before: the first three months are long past.</summary>
    private static readonly DateOnly LongAgo = new(2025, 7, 1);

    private static IReadOnlyList<string> Check(DateOnly from, DateOnly to, bool abroad = false, DateOnly? start = null, bool minor = false,
        string? companion = null, string? exception = null, params (DateOnly, DateOnly)[] others) =>
        LeaveRules.Check(from, to, abroad, start ?? LongAgo, minor, companion, exception, others);

    private static LeaveRequest Trip(DateOnly from, DateOnly to) =>
        new() { From = from, To = to, Destination = "太原市", Reason = "就医", Status = LeaveStatus.Approved };

    [Theory]
    [InlineData("2026-05-01", "2026-05-07", 7, false)] // seven days, both ends counted: 含七日, the 司法所 approves
    [InlineData("2026-05-01", "2026-05-08", 8, true)]  // eight days: the county approves
    [InlineData("2026-05-01", "2026-05-01", 1, false)] // back the same day
    public void Seven_days_or_fewer_are_for_the_office_longer_trips_for_the_county(string from, string to, int days, bool county)
    {
        var (f, t) = (DateOnly.Parse(from), DateOnly.Parse(to));
        Assert.Equal(county, LeaveRules.NeedsCounty(f, t, null));
        Assert.Equal(county, Trip(f, t).NeedsCounty);
        Assert.Equal(days, Trip(f, t).Days);
        Assert.Empty(Check(f, t));
    }

    [Theory]
    [InlineData("2026-05-15", "2026-06-14", true)]  // the day before the same day of the next month
    [InlineData("2026-05-15", "2026-06-15", false)]
    [InlineData("2026-02-01", "2026-02-28", true)]  // all of February
    [InlineData("2026-02-01", "2026-03-01", false)]
    [InlineData("2026-01-31", "2026-02-28", true)]  // February has no 31st: the month runs to its end (民法典 art. 203)
    [InlineData("2026-01-31", "2026-03-01", false)]
    [InlineData("2026-01-30", "2026-02-28", true)]
    [InlineData("2026-01-28", "2026-02-27", true)]
    [InlineData("2026-01-28", "2026-02-28", false)]
    [InlineData("2026-03-31", "2026-04-30", true)]  // April has no 31st
    [InlineData("2026-03-31", "2026-05-01", false)]
    [InlineData("2026-12-15", "2027-01-14", true)]  // across the year
    [InlineData("2026-12-15", "2027-01-15", false)]
    public void One_trip_may_last_one_month_and_not_a_day_more(string from, string to, bool allowed)
    {
        var refusals = Check(DateOnly.Parse(from), DateOnly.Parse(to));
        if (allowed) Assert.Empty(refusals);
        else Assert.Contains(refusals, r => r.Contains("一次外出不得超过一个月"));
    }

    [Fact]
    public void A_trip_from_January_31st_is_not_shorter_than_one_from_February_1st()
    {
        var fromJan31 = LeaveRules.Days(new(2026, 1, 31), LeaveRules.LongestTo(new(2026, 1, 31)));
        var fromFeb1 = LeaveRules.Days(new(2026, 2, 1), LeaveRules.LongestTo(new(2026, 2, 1)));
        Assert.True(fromJan31 >= fromFeb1, $"from 1.31: {fromJan31} days, from 2.1: {fromFeb1} days");
        // Over a whole year no later start ends earlier than an earlier one.
        for (var d = new DateOnly(2026, 1, 1); d < new DateOnly(2027, 1, 1); d = d.AddDays(1))
        {
            Assert.True(LeaveRules.LongestTo(d.AddDays(1)) >= LeaveRules.LongestTo(d), $"{d:yyyy-MM-dd}");
            Assert.InRange(LeaveRules.Days(d, LeaveRules.LongestTo(d)), 28, 31);
        }
    }

    [Fact]
    public void In_a_leap_year_the_month_from_January_31st_ends_on_February_29th()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), LeaveRules.LongestTo(new(2028, 1, 31)));
        Assert.Equal(new DateOnly(2028, 2, 28), LeaveRules.LongestTo(new(2028, 1, 29)));
    }

    [Fact]
    public void Sixty_days_in_six_months_are_allowed_and_the_sixty_first_is_refused()
    {
        // The trip of September 1–7 (7 days); the six months ending on September 7th start on March 8th.
        var (from, to) = (new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 7));
        var april = (new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));       // 30 days
        var june23 = (new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 23));      // 23 days: 30 + 23 + 7 = 60
        var june24 = (new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 24));      // 24 days: 61
        Assert.Empty(Check(from, to, others: [april, june23]));
        Assert.Contains(Check(from, to, others: [april, june24]), r => r.Contains("半年内外出一般不得超过60天"));
    }

    [Fact]
    public void Days_before_the_six_months_do_not_count_and_a_trip_straddling_their_start_counts_in_part()
    {
        var (from, to) = (new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 7)); // six months from March 8th
        var april = (new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        var june = (new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 20)); // 30 + 20 + 7 = 57
        Assert.Empty(Check(from, to, others: [april, june, (new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 7))]));
        // March 5–10 lies three days in the window (8, 9, 10): 60 allowed; March 5–11 makes 61.
        Assert.Empty(Check(from, to, others: [april, june, (new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 10))]));
        Assert.NotEmpty(Check(from, to, others: [april, june, (new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 11))]));
    }

    [Fact]
    public void No_trip_in_the_first_three_months_without_a_reason_the_county_then_decides()
    {
        var lastDay = new DateOnly(2026, 4, 9);
        Assert.Contains(Check(lastDay, lastDay.AddDays(2), start: Start), r => r.Contains("入矫后三个月内"));
        Assert.Empty(Check(lastDay.AddDays(1), lastDay.AddDays(3), start: Start));

        Assert.Empty(Check(lastDay, lastDay.AddDays(2), start: Start, exception: "母亲病危"));
        Assert.True(LeaveRules.NeedsCounty(lastDay, lastDay.AddDays(2), "母亲病危"), "an exception is the county's even for three days");
        Assert.Contains(Check(Start, Start.AddDays(1), start: Start, exception: "  "), r => r.Contains("入矫后三个月内"));
    }

    [Fact]
    public void Three_months_from_November_30th_run_to_the_end_of_February()
    {
        var start = new DateOnly(2026, 11, 30); // no 2.30: the third month ends with February, as a trip's month does
        Assert.Equal(new DateOnly(2027, 2, 28), LeaveRules.FirstMonthsEnd(start));
        Assert.Contains(Check(new(2027, 2, 28), new(2027, 3, 2), start: start), r => r.Contains("2027年2月28日"));
        Assert.Empty(Check(new(2027, 3, 1), new(2027, 3, 3), start: start));
    }

    [Fact]
    public void Abroad_is_refused_whatever_else_is_right()
    {
        var refusals = Check(new(2026, 9, 1), new(2026, 9, 3), abroad: true, exception: "探亲");
        Assert.Contains(refusals, r => r.Contains("禁止出国（境）"));
    }

    [Fact]
    public void A_minor_goes_only_with_a_guardian()
    {
        var (from, to) = (new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 3));
        Assert.Contains(Check(from, to, minor: true), r => r.Contains("监护人陪同"));
        Assert.Contains(Check(from, to, minor: true, companion: " "), r => r.Contains("监护人陪同"));
        Assert.Empty(Check(from, to, minor: true, companion: "赵母（监护人）"));
        Assert.Empty(Check(from, to));
    }

    [Fact]
    public void A_return_before_the_departure_is_refused()
    {
        Assert.Equal(["返回日期不能早于外出日期"], Check(new(2026, 9, 3), new(2026, 9, 2)));
    }

    [Fact]
    public void An_extension_keeps_the_whole_trip_within_one_month()
    {
        var trip = Trip(new(2026, 5, 15), new(2026, 5, 24));
        Assert.Null(LeaveRules.CheckExtension(trip, new(2026, 6, 14)));
        Assert.Contains("不得超过一个月", LeaveRules.CheckExtension(trip, new(2026, 6, 15)));
        Assert.NotNull(LeaveRules.CheckExtension(trip, trip.To));
        Assert.NotNull(LeaveRules.CheckExtension(trip, trip.To.AddDays(-1)));

        var fromJan31 = Trip(new(2026, 1, 31), new(2026, 2, 10));
        Assert.Null(LeaveRules.CheckExtension(fromJan31, new(2026, 2, 28)));
        Assert.NotNull(LeaveRules.CheckExtension(fromJan31, new(2026, 3, 1)));
    }

    [Fact]
    public void A_trip_is_overdue_from_the_day_after_its_return_date_until_the_return_is_reported()
    {
        var trip = Trip(new(2026, 5, 15), new(2026, 5, 24));
        Assert.False(trip.IsOverdue(trip.To));
        Assert.True(trip.IsOverdue(trip.To.AddDays(1)));
        trip.ReturnedOn = trip.To.AddDays(1);
        Assert.False(trip.IsOverdue(trip.To.AddDays(2)));
    }
}
