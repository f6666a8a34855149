using PovertyPortal.Data;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Documents.PerformanceReport;
using PovertyPortal.Web.Features.Benefits;
using PovertyPortal.Web.Features.VillageWork;

namespace PovertyPortal.Web.Features.Reports;

// These sections reuse the queries of issues 5 and 6 instead of reading the tables again. Those queries open their
// own contexts from the scoped IDbContextFactory, which binds every context to the IAreaScopeSource of the current
// DI scope: the same user as the context LoadPerformanceReport passes in, so the scope is the user's either way.

/// <summary>
/// 三、政策落实情况: one group per program group of the year (社会保障兜底一批, 金融扶贫 with the 小额信贷 outstanding,
/// 光伏扶贫, …), each benefit with its households, people, amount and example heads, from <see cref="GetVillageBenefitSums"/>.
/// </summary>
public sealed class PolicyGroupsSection(GetVillageBenefitSums benefitSums) : IPerformanceReportSection
{
    /// <summary>A summed quantity reads well for areas (森林1,920亩); summed months of a post do not.</summary>
    private const string AreaUnit = "亩";

    public async Task<PerformanceReportData> FillAsync(PortalDbContext db, ReportVillage village, PerformanceReportData data, CancellationToken cancellationToken)
    {
        var sums = await benefitSums.HandleAsync(village.Id, data.Year, cancellationToken);
        if (sums is null || sums.Groups.Count == 0) return data;
        var named = new HashSet<string>(StringComparer.Ordinal);
        return data with { PolicyGroups = sums.Groups.Select(g => Map(g, named)).ToList() };
    }

    /// <param name="named">Heads already named as examples: the query gives up to three per benefit, and a head not yet
    /// named comes first, so eight paragraphs do not all open with the same household.</param>
    internal static PolicyGroupFigures Map(GroupBenefitSum g, HashSet<string> named) => new()
    {
        Name = g.Label,
        Households = g.Households,
        People = g.People,
        Amount = g.Amount,
        ExampleHeads = g.Programs.SelectMany(p => p.ExampleHeads).Distinct().ToList(),
        Benefits = g.Programs.Select(p => p.ProgramName).ToList(),
        Programs = g.Programs.Select(p => new PolicyBenefitFigures(p.ProgramName, p.Households, p.People, p.Amount, FreshFirst(p.ExampleHeads, named))
        {
            Quantity = p.Unit == AreaUnit ? p.Quantity : null,
            Unit = p.Unit == AreaUnit ? p.Unit : null,
        }).ToList(),
    };

    private static List<string> FreshFirst(IReadOnlyList<string> heads, HashSet<string> named)
    {
        var ordered = heads.OrderBy(h => named.Contains(h)).ToList();
        if (ordered.Count > 0) named.Add(ordered[0]);
        return ordered;
    }
}

/// <summary>
/// 四、主要做法 (work-log counts), 五、取得主要成效 (projects completed by the end of the year, industries, collective
/// income) and the 五天四夜 compliance of 二、2, from <see cref="GetVillageWorkSummary"/>. Runs after
/// <see cref="TeamsSection"/>: compliance is attached to the teams it listed.
/// </summary>
public sealed class VillageWorkSection(GetVillageWorkSummary workSummary) : IPerformanceReportSection
{
    public async Task<PerformanceReportData> FillAsync(PortalDbContext db, ReportVillage village, PerformanceReportData data, CancellationToken cancellationToken)
    {
        var work = await workSummary.HandleAsync(village.Id, data.Year, cancellationToken);
        if (work is null) return data;
        // Teams are matched on unit and start date (the report's team record carries no id); two teams of one unit
        // sent on the same day would share their sum rather than fail the report.
        var compliance = work.Compliance.Teams.Where(t => t.Tally.JudgedWeeks > 0).GroupBy(t => (t.DispatchingUnit, t.StartDate))
            .ToDictionary(g => g.Key, g => new AttendanceCompliance(g.Sum(t => t.Tally.JudgedWeeks), g.Sum(t => t.Tally.KeptWeeks)));
        return data with
        {
            WorkLogCounts = work.WorkLogs.Where(c => c.Year == data.Year && c.Logs > 0).Select(c => new KindCount(c.Label, c.Logs)).ToList(),
            // A project type without a unit (饮水工程) is told by its number of projects.
            Projects = work.Projects.Select(p => p.Unit is null
                ? new ProjectFigures(ProjectName(p.Type), p.Projects, "处", NullIfZero(p.Investment))
                : new ProjectFigures(ProjectName(p.Type), p.Quantity, p.UnitLabel!, NullIfZero(p.Investment))).ToList(),
            Industries = work.Industries.Select(i => new IndustryFigures(i.Name, i.Quantity, i.UnitLabel, i.Households)).ToList(),
            CollectiveIncome = work.Income.Sources.Select(s => new CollectiveIncomeFigures(s.Source, s.Amount, s.IsStableOperating)).ToList(),
            Teams = data.Teams.Select(t => compliance.TryGetValue((t.DispatchingUnit, t.StartDate), out var c) ? t with { Compliance = c } : t).ToList(),
        };
    }

    /// <summary>The type as a report sentence names it ("修通道路7.8公里" reads as 道路, "电网/变压器" as 变压器).</summary>
    private static string ProjectName(ProjectType type) => type switch
    {
        ProjectType.DrinkingWater => "安全饮水工程",
        ProjectType.PowerGrid => "变压器",
        ProjectType.Broadband => "宽带广播工程",
        _ => type.Label(),
    };

    private static decimal? NullIfZero(decimal value) => value == 0 ? null : value;
}
