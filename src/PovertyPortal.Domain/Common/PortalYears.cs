namespace PovertyPortal.Domain.Common;

/// <summary>
/// The years the portal's records may carry, in one place so that validators, year pickers and the command line
/// agree; and today as the users read it.
/// </summary>
public static class PortalYears
{
    /// <summary>The earliest year of a household's records (identification, incomes, benefits, checks): 建档立卡 identified the poor on 2013's incomes.</summary>
    public const int FirstRegisterYear = 2013;

    /// <summary>精准扶贫's first year: the first year a household could 脱贫 or a village 出列.</summary>
    public const int FirstExitYear = 2014;

    /// <summary>贫困村 exits (出列) ended with the campaign in 2020.</summary>
    public const int LastVillageExitYear = 2020;

    /// <summary>The first year of the teams' work (logs, attendance, village profiles, reports) and of the yearly pages' pickers, the dashboard's too.</summary>
    public const int FirstWorkYear = 2014;

    /// <summary>The last year a profile, plan, industry, income entry or report may be written for: far enough ahead for plans, short of typing errors.</summary>
    public const int LastPlanningYear = 2035;

    /// <summary>Today in China, where the users are: a day, a 五天四夜 week and a year end at midnight Beijing time, whatever the server's zone.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>Midnight at the end of today: a form's date (a DateTime) "not later than today" must be before it.</summary>
    public static DateTime EndOfToday(TimeProvider clock) => Today(clock).AddDays(1).ToDateTime(TimeOnly.MinValue);

    /// <summary>The current year in Beijing time: the upper bound of a record's year and the year pickers' first entry.</summary>
    public static int ThisYear(TimeProvider clock) => Today(clock).Year;
}
