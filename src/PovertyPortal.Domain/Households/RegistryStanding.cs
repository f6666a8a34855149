using System.Linq.Expressions;

namespace PovertyPortal.Domain.Households;

/// <summary>Where a household stood at the end of a year, as the dashboard counts it and the household list filters it.</summary>
public enum RegistryStanding
{
    /// <summary>建档立卡: identified in or before the year and still on the register (not removed).</summary>
    Registered,

    /// <summary>Registered and exited in or before the year (status 已脱贫).</summary>
    Exited,

    /// <summary>Registered and not exited by the end of the year: still poor, or returned.</summary>
    Remaining,

    /// <summary>防返贫监测对象 taken in by the end of the year.</summary>
    Monitored,

    /// <summary>Monitored with the risk eliminated by the end of the year.</summary>
    RiskEliminated,
}

/// <summary>
/// One definition of each standing, shared by the dashboard's grouped counts and the household list's filter, so that
/// a figure and the list it links to always agree. Read from the household's own columns (current status, 识别年度,
/// 脱贫年度, monitoring dates): a household that has returned (返贫) counts as remaining in every year, including
/// the years before it returned; a removed household (清退) counts in no year.
/// </summary>
public static class RegistryStandings
{
    /// <summary>A year after every recorded one: "as things stand now".</summary>
    public const int Now = 9999;

    public static Expression<Func<Household, bool>> Is(RegistryStanding standing, int year)
    {
        var endOfYear = new DateOnly(year, 12, 31);
        return standing switch
        {
            RegistryStanding.Registered => h =>
                (h.Status == HouseholdStatus.Identified || h.Status == HouseholdStatus.Exited || h.Status == HouseholdStatus.Returned)
                && h.IdentificationYear <= year,
            RegistryStanding.Exited => h => h.Status == HouseholdStatus.Exited && h.IdentificationYear <= year && h.ExitYear <= year,
            RegistryStanding.Remaining => h =>
                (h.Status == HouseholdStatus.Identified || h.Status == HouseholdStatus.Returned
                    || (h.Status == HouseholdStatus.Exited && (h.ExitYear == null || h.ExitYear > year)))
                && h.IdentificationYear <= year,
            // A monitored household without a date of intake (older data) counts from the start.
            RegistryStanding.Monitored => h => h.MonitoringType != null && (h.MonitoringIdentifiedOn == null || h.MonitoringIdentifiedOn <= endOfYear),
            RegistryStanding.RiskEliminated => h => h.MonitoringType != null
                && (h.MonitoringIdentifiedOn == null || h.MonitoringIdentifiedOn <= endOfYear) && h.RiskEliminatedOn <= endOfYear,
            _ => throw new ArgumentOutOfRangeException(nameof(standing)),
        };
    }

    public static string Label(this RegistryStanding standing) => standing switch
    {
        RegistryStanding.Registered => "建档立卡贫困户",
        RegistryStanding.Exited => "已脱贫",
        RegistryStanding.Remaining => "未脱贫",
        RegistryStanding.Monitored => "防返贫监测对象",
        RegistryStanding.RiskEliminated => "已消除风险的监测对象",
        _ => standing.ToString(),
    };

    /// <summary>The value written in a link's query string (lower case).</summary>
    public static string QueryValue(this RegistryStanding standing) => standing.ToString().ToLowerInvariant();
}
