using System.Globalization;
using PovertyPortal.Domain.Households;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// Where a figure leads: the household list with the query parameters that make it show exactly the counted households
/// (HouseholdListPage reads the same names), the dashboard of one township, or a village's page.
/// </summary>
public static class DashboardLinks
{
    /// <param name="countyId">The county chosen by a user whose scope holds several (the system administrator).</param>
    public static string Dashboard(int year, int? townshipId = null, int? countyId = null) =>
        Invariant($"/dashboard?year={year}") + (townshipId is int t ? Invariant($"&township={t}") : "") + (countyId is int c ? Invariant($"&county={c}") : "");

    public static string Village(int villageId) => Invariant($"/villages/{villageId}");

    /// <param name="villageId">The area of a village row; otherwise the township (a township row, or the township looked into).</param>
    /// <param name="countyId">The county of the view when neither is given and the user's scope holds several counties.</param>
    public static string Households(
        int? townshipId, int? villageId, RegistryStanding? standing = null, int? year = null, PovertyCategory? category = null,
        PovertyCause? primaryCause = null, MonitoringType? monitoring = null, HouseholdStatus? status = null, int? exitYear = null,
        int? countyId = null)
    {
        var parts = new List<string>();
        if (villageId is int v) parts.Add(Invariant($"village={v}"));
        else if (townshipId is int t) parts.Add(Invariant($"township={t}"));
        else if (countyId is int county) parts.Add(Invariant($"county={county}"));
        if (standing is { } s) parts.Add($"standing={s.QueryValue()}");
        if (year is int y) parts.Add(Invariant($"year={y}"));
        if (category is { } c) parts.Add($"category={c}");
        if (primaryCause is { } p) parts.Add($"primaryCause={p}");
        if (monitoring is { } m) parts.Add($"monitoring={m}");
        if (status is { } st) parts.Add($"status={st}");
        if (exitYear is int e) parts.Add(Invariant($"exitYear={e}"));
        return parts.Count == 0 ? "/households" : "/households?" + string.Join('&', parts);
    }

    /// <summary>The household list filtered on an income warning of the year, inside a township or village (or everywhere).</summary>
    public static string IncomeWarning(int? townshipId, int? villageId, Domain.Income.IncomeWarning warning, int year, int? countyId = null) =>
        Households(townshipId, villageId, countyId: countyId) is var list && list.Contains('?')
            ? list + Invariant($"&incomeWarning={warning}&incomeYear={year}")
            : list + Invariant($"?incomeWarning={warning}&incomeYear={year}");

    /// <summary>The household list filtered on a failed 两不愁三保障 item of the year (any item when null), inside an area.</summary>
    public static string Assurance(int? townshipId, int? villageId, Domain.Assurance.AssuranceItemKind? item, int year, int? countyId = null) =>
        Households(townshipId, villageId, countyId: countyId) is var list && list.Contains('?')
            ? list + Invariant($"&assurance={new AssuranceFailure(item, year).QueryValue}&year={year}")
            : list + Invariant($"?assurance={new AssuranceFailure(item, year).QueryValue}&year={year}");

    /// <summary>The benefit ledger of a village and year.</summary>
    public static string Benefits(int villageId, int year) => Invariant($"/benefits?village={villageId}&year={year}");

    public static string VillageAttendance(int villageId) => Invariant($"/villages/{villageId}/attendance");

    public static string VillageWork(int villageId) => Invariant($"/villages/{villageId}/work");

    public static string AttendanceShortfalls() => "/attendance/shortfalls";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
