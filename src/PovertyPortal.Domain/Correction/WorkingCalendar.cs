namespace PovertyPortal.Domain.Correction;

/// <summary>
/// Working-day arithmetic over the calendar's exceptions (holidays and 调休 makeup days). The rules count "within N
/// working days" from the day after the event: documents received on a Friday before a holiday are due on the Nth
/// working day after it.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, bool> exceptions;

    public WorkingCalendar(IEnumerable<CalendarDay> days) =>
        exceptions = days.ToDictionary(d => d.Date, d => d.IsWorkingDay);

    /// <summary>Weekends only: what the rules would read without a calendar.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) =>
        exceptions.TryGetValue(date, out var working) ? working : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="count"/>th working day after <paramref name="start"/>; the start itself never counts.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var date = start;
        for (var left = count; left > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/>; 0 when end is not after start.</summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var date = start.AddDays(1); date <= end; date = date.AddDays(1))
        {
            if (IsWorkingDay(date)) count++;
        }
        return count;
    }
}

/// <summary>The State Council's holiday arrangement for 2026 (国务院办公厅关于2026年部分节假日安排的通知), the calendar's first year.</summary>
public static class OfficialHolidays
{
    public static IReadOnlyList<CalendarDay> Of2026 { get; } =
    [
        .. Off("元旦", new(2026, 1, 1), 3), On("元旦调休上班", new(2026, 1, 4)),
        .. Off("春节", new(2026, 2, 15), 9), On("春节调休上班", new(2026, 2, 14)), On("春节调休上班", new(2026, 2, 28)),
        .. Off("清明节", new(2026, 4, 4), 3),
        .. Off("劳动节", new(2026, 5, 1), 5), On("劳动节调休上班", new(2026, 5, 9)),
        .. Off("端午节", new(2026, 6, 19), 3),
        .. Off("中秋节", new(2026, 9, 25), 3),
        .. Off("国庆节", new(2026, 10, 1), 7), On("国庆节调休上班", new(2026, 9, 20)), On("国庆节调休上班", new(2026, 10, 10)),
    ];

    private static IEnumerable<CalendarDay> Off(string name, DateOnly first, int days) =>
        Enumerable.Range(0, days).Select(i => new CalendarDay { Date = first.AddDays(i), IsWorkingDay = false, Name = name });

    private static CalendarDay On(string name, DateOnly date) => new() { Date = date, IsWorkingDay = true, Name = name };
}
