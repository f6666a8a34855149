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
                d.RowsAreVillages ? area : null, standing, year, category, countyId: d.Query.CountyId);

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

    /// <summary>
    /// The columns of the support figures: income warnings, benefit amounts, microloans, assurance, collective income and
    /// 五天四夜. Amounts are whole 元 (rounded) so every cell stays a count-like number the table sorts and exports alike.
    /// </summary>
    public static IReadOnlyList<AreaColumn> Support(Dashboard d)
    {
        var year = d.Query.Year;
        int? Township(int? area) => d.RowsAreVillages ? d.Query.TownshipId : area ?? d.Query.TownshipId;
        int? Village(int? area) => d.RowsAreVillages ? area : null;
        string? VillageLink(int? area, Func<int, string> link) => d.RowsAreVillages && area is int v ? link(v) : null;
        static int Yuan(decimal amount) => (int)Math.Round(amount, MidpointRounding.AwayFromZero);

        var columns = new List<AreaColumn>();
        void Income(string key, string header, Domain.Income.IncomeWarning warning, Func<GetIncomeFigures.Row, int> count)
        {
            var sums = Sum(d, d.Income.Select(r => (r.TownshipId, r.VillageId, count(r))));
            columns.Add(new(key, header, "户", a => Value(sums, a), a => DashboardLinks.IncomeWarning(Township(a), Village(a), warning, year, d.Query.CountyId)));
        }
        Income("below-line", "低于贫困线", Domain.Income.IncomeWarning.BelowLine, r => r.BelowLine);
        Income("near-line", "接近贫困线", Domain.Income.IncomeWarning.NearLine, r => r.NearLine);
        Income("exited-below-line", "已脱贫但低于贫困线", Domain.Income.IncomeWarning.ExitedBelowLine, r => r.ExitedBelowLine);

        var benefits = Sum(d, d.Benefits.Select(b => (b.TownshipId, b.VillageId, Yuan(b.Amount))));
        columns.Add(new("benefit-amount", "帮扶政策资金", "元", a => Value(benefits, a), a => VillageLink(a, v => DashboardLinks.Benefits(v, year))));

        var overdue = Sum(d, d.Microloans.Select(l => (l.TownshipId, l.VillageId, Yuan(l.Overdue))));
        var outstanding = Sum(d, d.Microloans.Select(l => (l.TownshipId, l.VillageId, Yuan(l.Outstanding))));
        columns.Add(new("loans-outstanding", "小额信贷余额", "元", a => Value(outstanding, a), _ => null));
        columns.Add(new("loans-overdue", "逾期贷款余额", "元", a => Value(overdue, a), _ => null));

        // Households failing any item (not items failed): a number the household list can show behind the link.
        var failing = Sum(d, d.AssuranceFailingHouseholds.Select(r => (r.TownshipId, r.VillageId, r.Households)));
        columns.Add(new("assurance-failing", "保障未达标", "户", a => Value(failing, a),
            a => DashboardLinks.Assurance(Township(a), Village(a), null, year, d.Query.CountyId)));

        var weak = Sum(d, d.CollectiveIncome.Select(v => (v.TownshipId, v.VillageId, v.BelowIndicator ? 1 : 0)));
        columns.Add(new("collective-below", "集体经济收入不足5万元", "村", a => Value(weak, a), a => VillageLink(a, DashboardLinks.VillageWork)));

        var judged = Sum(d, d.Residency.Select(r => (r.TownshipId, r.VillageId, r.JudgedWeeks)));
        var missed = Sum(d, d.Residency.Select(r => (r.TownshipId, r.VillageId, r.JudgedWeeks - r.KeptWeeks)));
        columns.Add(new("residency-judged", "驻村应达标周次", "人周", a => Value(judged, a), _ => null));
        columns.Add(new("residency-missed", "未达五天四夜", "人周", a => Value(missed, a),
            a => VillageLink(a, DashboardLinks.VillageAttendance) ?? (a is null && !d.RowsAreVillages ? DashboardLinks.AttendanceShortfalls() : null)));
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
