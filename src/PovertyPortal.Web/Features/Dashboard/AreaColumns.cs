using PovertyPortal.Domain.Households;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// One column of the table by township or village: a header, each row's value and where the value links to. A figure
/// group brings its own columns (registry, people, monitoring; later income, benefits, work teams), so the table,
/// its sorting and its .xlsx export need no change when a group is added.
/// </summary>
/// <param name="ValueOf">The value of a row (by area id), or of the total row when the id is null.</param>
/// <param name="LinkOf">The list behind a row's value (by area id), or behind the total; null when there is none.</param>
public sealed record AreaColumn(string Key, string Header, string Unit, Func<int?, int> ValueOf, Func<int?, string?> LinkOf);

public static class AreaColumns
{
    /// <summary>The registry's columns for the dashboard's rows.</summary>
    public static IReadOnlyList<AreaColumn> Registry(Dashboard d)
    {
        var year = d.Query.Year;
        var registered = Sum(d, d.Registry.Select(r => (r.TownshipId, r.VillageId, r.Registered)));
        var exited = Sum(d, d.Registry.Select(r => (r.TownshipId, r.VillageId, r.Exited)));
        var people = Sum(d, d.Registry.Select(r => (r.TownshipId, r.VillageId, r.People)));
        var monitored = Sum(d, d.Monitoring.Select(m => (m.TownshipId, m.VillageId, m.Monitored)));
        var eliminated = Sum(d, d.Monitoring.Select(m => (m.TownshipId, m.VillageId, m.RiskEliminated)));

        string Link(int? area, RegistryStanding standing, PovertyCategory? category = null) =>
            DashboardLinks.Households(d.RowsAreVillages ? d.Query.TownshipId : area ?? d.Query.TownshipId,
                d.RowsAreVillages ? area : null, standing, year, category);

        var columns = new List<AreaColumn>
        {
            new("registered", "贫困户", "户", a => Value(registered, a), a => Link(a, RegistryStanding.Registered)),
            new("people", "贫困人口", "人", a => Value(people, a), _ => null),
            new("exited", "已脱贫", "户", a => Value(exited, a), a => Link(a, RegistryStanding.Exited)),
            new("remaining", "未脱贫", "户", a => Value(registered, a) - Value(exited, a), a => Link(a, RegistryStanding.Remaining)),
        };
        foreach (var category in Enum.GetValues<PovertyCategory>())
        {
            var counts = Sum(d, d.Registry.Where(r => r.Category == category).Select(r => (r.TownshipId, r.VillageId, r.Registered)));
            columns.Add(new($"category-{category}", category.Label(), "户", a => Value(counts, a), a => Link(a, RegistryStanding.Registered, category)));
        }
        columns.Add(new("monitored", "监测对象", "户", a => Value(monitored, a), a => Link(a, RegistryStanding.Monitored)));
        columns.Add(new("risk-eliminated", "已消除风险", "户", a => Value(eliminated, a), a => Link(a, RegistryStanding.RiskEliminated)));
        return columns;
    }

    /// <summary>Counts per row id (township or village), plus the total under the key 0.</summary>
    public static Dictionary<int, int> Sum(Dashboard d, IEnumerable<(int TownshipId, int VillageId, int Count)> counts)
    {
        var sums = new Dictionary<int, int>();
        foreach (var (township, village, count) in counts)
        {
            var area = d.AreaOf(township, village);
            sums[area] = sums.GetValueOrDefault(area) + count;
            sums[0] = sums.GetValueOrDefault(0) + count;
        }
        return sums;
    }

    private static int Value(Dictionary<int, int> sums, int? area) => sums.GetValueOrDefault(area ?? 0);
}
