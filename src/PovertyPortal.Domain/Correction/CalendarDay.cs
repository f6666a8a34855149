namespace PovertyPortal.Domain.Correction;

/// <summary>
/// One exception to the Monday-to-Friday week in the working-day calendar: a public holiday on a weekday
/// (<see cref="IsWorkingDay"/> false) or a 调休 makeup day on a weekend (true). Days not listed follow the week.
/// Country-wide, so one table for every county; kept by the county justice bureaus.
/// </summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }
    public bool IsWorkingDay { get; set; }

    /// <summary>元旦, 春节, 春节调休上班….</summary>
    public required string Name { get; set; }
}
