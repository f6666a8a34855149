using PovertyPortal.Domain.Correction;
using static PovertyPortal.Tests.Correction.Cases;

namespace PovertyPortal.Tests.Correction;

public sealed class WorkingCalendarTests
{
    /// <summary>国务院办公厅关于2026年部分节假日安排的通知: the days off, as the notice lists them.</summary>
    private static readonly (DateOnly First, DateOnly Last)[] HolidaysOf2026 =
    [
        (new(2026, 1, 1), new(2026, 1, 3)),   // 元旦
        (new(2026, 2, 15), new(2026, 2, 23)), // 春节
        (new(2026, 4, 4), new(2026, 4, 6)),   // 清明节
        (new(2026, 5, 1), new(2026, 5, 5)),   // 劳动节
        (new(2026, 6, 19), new(2026, 6, 21)), // 端午节
        (new(2026, 9, 25), new(2026, 9, 27)), // 中秋节
        (new(2026, 10, 1), new(2026, 10, 7)), // 国庆节
    ];

    /// <summary>The notice's 调休 days: weekends worked.</summary>
    private static readonly DateOnly[] MakeupDaysOf2026 =
        [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10)];

    [Fact]
    public void Every_day_of_2026_follows_the_State_Councils_arrangement()
    {
        var holidays = HolidaysOf2026.SelectMany(h => Days(h.First, h.Last)).ToHashSet();
        foreach (var day in Days(new(2026, 1, 1), new(2026, 12, 31)))
        {
            var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            var expected = MakeupDaysOf2026.Contains(day) || (weekday && !holidays.Contains(day));
            Assert.True(expected == Calendar2026.IsWorkingDay(day), $"{day:yyyy-MM-dd} ({day.DayOfWeek}) should be {(expected ? "a working day" : "a day off")}");
        }
    }

    [Fact]
    public void The_2026_table_names_every_day_it_lists_and_lists_each_day_once()
    {
        Assert.All(OfficialHolidays.Of2026, d => Assert.False(string.IsNullOrWhiteSpace(d.Name)));
        Assert.Equal(OfficialHolidays.Of2026.Count, OfficialHolidays.Of2026.Select(d => d.Date).Distinct().Count());
        Assert.All(OfficialHolidays.Of2026.Where(d => d.IsWorkingDay), d => Assert.Contains("调休", d.Name));
        Assert.All(OfficialHolidays.Of2026, d => Assert.Equal(2026, d.Date.Year));
    }

    [Fact]
    public void The_year_2026_has_248_working_days()
    {
        // 365 days starting on a Thursday: 52 weeks and one Thursday, so 261 weekdays. Of the holidays, 19 fall on a
        // weekday (元旦 2, 春节 6, 清明 1, 劳动节 3, 端午 1, 中秋 1, 国庆 5); six weekend days are worked.
        Assert.Equal(261 - 19 + 6, Calendar2026.WorkingDaysBetween(new(2025, 12, 31), new(2026, 12, 31)));
    }

    [Fact]
    public void Documents_received_the_day_before_National_Day_are_answered_on_the_makeup_Saturday_after_it()
    {
        var received = new DateOnly(2026, 9, 30); // Wednesday; 10.1–10.7 off
        // Thursday 10.8 is the first working day, Friday 10.9 the second, Saturday 10.10 (调休) the third.
        Assert.Equal(new DateOnly(2026, 10, 10), Calendar2026.AddWorkingDays(received, CorrectionSubject.ReceiptWorkingDays));
        Assert.Equal(new DateOnly(2026, 10, 9), Calendar2026.AddWorkingDays(received, CorrectionSubject.ForwardWorkingDays));
        Assert.Equal(DayOfWeek.Saturday, new DateOnly(2026, 10, 10).DayOfWeek);
    }

    [Fact]
    public void Without_the_holidays_the_same_documents_would_be_due_during_National_Day()
    {
        var received = new DateOnly(2026, 9, 30);
        // Weekends only: Thursday 10.1, Friday 10.2, Monday 10.5.
        Assert.Equal(new DateOnly(2026, 10, 5), WorkingCalendar.WeekendsOnly.AddWorkingDays(received, 3));
        Assert.True(WorkingCalendar.WeekendsOnly.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.False(WorkingCalendar.WeekendsOnly.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void The_Sunday_worked_before_National_Day_counts_as_a_working_day()
    {
        var received = new DateOnly(2026, 9, 18); // Friday
        // Sunday 9.20 (调休) is the first working day after it, Monday 9.21 the second, Tuesday 9.22 the third.
        Assert.True(Calendar2026.IsWorkingDay(new DateOnly(2026, 9, 20)));
        Assert.False(Calendar2026.IsWorkingDay(new DateOnly(2026, 9, 19)));
        Assert.Equal(new DateOnly(2026, 9, 22), Calendar2026.AddWorkingDays(received, 3));
        Assert.Equal(new DateOnly(2026, 9, 23), WorkingCalendar.WeekendsOnly.AddWorkingDays(received, 3));
    }

    [Fact]
    public void An_assessment_entrusted_before_the_Spring_Festival_runs_across_it()
    {
        var entrusted = new DateOnly(2026, 2, 12); // Thursday
        // 2.13 Fri (1), 2.14 Sat 调休 (2), 2.15–2.23 off, 2.24 (3), 2.25 (4), 2.26 (5);
        // extended: 2.27 Fri (6), 2.28 Sat 调休 (7), 3.2 Mon (8), 3.3 (9), 3.4 (10).
        Assert.Equal(new DateOnly(2026, 2, 26), Calendar2026.AddWorkingDays(entrusted, 5));
        Assert.Equal(new DateOnly(2026, 3, 4), Calendar2026.AddWorkingDays(entrusted, 10));
    }

    [Theory]
    [InlineData("2025-12-31", 3, "2026-01-06")] // 元旦 1.1–1.3 off; Sunday 1.4 worked, then 1.5, 1.6
    [InlineData("2026-04-03", 1, "2026-04-07")] // 清明 4.4–4.6 off
    [InlineData("2026-04-30", 3, "2026-05-08")] // 劳动节 5.1–5.5 off: 5.6, 5.7, 5.8
    [InlineData("2026-04-30", 4, "2026-05-09")] // … and Saturday 5.9 is worked
    [InlineData("2026-06-18", 1, "2026-06-22")] // 端午 6.19–6.21 off
    [InlineData("2026-09-24", 5, "2026-10-09")] // 中秋 9.25–9.27 off: 9.28, 9.29, 9.30, then 国庆: 10.8, 10.9
    [InlineData("2026-10-03", 2, "2026-10-09")] // counted from a holiday: 10.8, 10.9
    [InlineData("2026-10-10", 1, "2026-10-12")] // counted from the 调休 Saturday: Sunday off, Monday
    public void Working_days_are_counted_from_the_day_after_across_each_holiday(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calendar2026.AddWorkingDays(DateOnly.Parse(start), days));

    [Fact]
    public void Adding_no_working_days_keeps_the_day_and_a_negative_count_is_a_fault()
    {
        var holiday = new DateOnly(2026, 10, 2);
        Assert.Equal(holiday, Calendar2026.AddWorkingDays(holiday, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar2026.AddWorkingDays(holiday, -1));
    }

    [Fact]
    public void Between_counts_the_working_days_after_the_start_up_to_the_end()
    {
        // Over National Day only 10.8, 10.9 and the 调休 10.10 are worked between 9.30 and 10.11.
        Assert.Equal(3, Calendar2026.WorkingDaysBetween(new(2026, 9, 30), new(2026, 10, 11)));
        Assert.Equal(0, Calendar2026.WorkingDaysBetween(new(2026, 10, 1), new(2026, 10, 7)));
        Assert.Equal(0, Calendar2026.WorkingDaysBetween(new(2026, 10, 9), new(2026, 10, 9)));
        Assert.Equal(0, Calendar2026.WorkingDaysBetween(new(2026, 10, 9), new(2026, 10, 1)));
    }

    [Fact]
    public void Adding_and_counting_agree_on_every_start_day_of_2026()
    {
        foreach (var start in Days(new(2026, 1, 1), new(2026, 12, 31)))
        {
            for (var n = 1; n <= 10; n++)
            {
                var due = Calendar2026.AddWorkingDays(start, n);
                Assert.True(Calendar2026.IsWorkingDay(due), $"{start} + {n} fell on {due}, a day off");
                Assert.Equal(n, Calendar2026.WorkingDaysBetween(start, due));
                Assert.Equal(n - 1, Calendar2026.WorkingDaysBetween(start, due.AddDays(-1)));
            }
        }
    }

    [Fact]
    public void Weekends_only_is_Monday_to_Friday()
    {
        var friday = new DateOnly(2026, 10, 16);
        Assert.True(WorkingCalendar.WeekendsOnly.IsWorkingDay(friday));
        Assert.False(WorkingCalendar.WeekendsOnly.IsWorkingDay(friday.AddDays(1)));
        Assert.False(WorkingCalendar.WeekendsOnly.IsWorkingDay(friday.AddDays(2)));
        Assert.Equal(friday.AddDays(3), WorkingCalendar.WeekendsOnly.AddWorkingDays(friday, 1));
        Assert.Equal(5, WorkingCalendar.WeekendsOnly.WorkingDaysBetween(friday, friday.AddDays(7)));
    }

    [Fact]
    public void A_day_the_county_adds_to_the_table_changes_the_arithmetic()
    {
        // The table is editable: a holiday of a later year entered by hand counts at once.
        var calendar = new WorkingCalendar([new CalendarDay { Date = new(2027, 1, 1), IsWorkingDay = false, Name = "元旦" }]);
        Assert.False(calendar.IsWorkingDay(new(2027, 1, 1)));
        Assert.Equal(new DateOnly(2027, 1, 4), calendar.AddWorkingDays(new(2026, 12, 31), 1)); // Friday off, weekend, Monday
    }
}
