using PovertyPortal.Domain.Support;
using PovertyPortal.Reports;
using PovertyPortal.Reports.Documents;
using PovertyPortal.Web.Features.Reports;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// The dashboard on one A4 page through the report engine: the headline figures as a table of label/value pairs, the
/// assurance items and the income line as one sentence each, then the table by area with its key columns. The same
/// figures the page shows (one Dashboard object), so the two cannot disagree. A county of up to about a dozen
/// townships (or a township of as many villages) fits one page; a longer table runs on, with its header repeated.
/// </summary>
public sealed class DashboardPdf(PerformanceReportFiles files)
{
    /// <summary>The table-by-area columns printed, by AreaColumn key: the ones a supervisor acts on.</summary>
    /// Headers are short so a row takes one line on the page.
    private static readonly (string Key, string Header)[] PrintedColumns =
    [
        ("registered", "贫困户"), ("remaining", "未脱贫"), ("monitored", "监测户"), ("below-line", "低于线"),
        ("near-line", "近线户"), ("residency-missed", "未达标人周"), ("collective-below", "弱村"),
    ];

    public byte[] Render(Dashboard d, string heading, DateTimeOffset generatedAt) => new PdfRenderer(files.Fonts).Render(Compose(d, heading, generatedAt));

    public static string FileName(Dashboard d, string heading) => $"{heading}（截至{d.Query.Year}年底）.pdf";

    public static ReportDocument Compose(Dashboard d, string heading, DateTimeOffset generatedAt)
    {
        var year = d.Query.Year;
        string Count(int value, string unit) => ChineseFormat.Count(value) + unit;
        (string, string)[] figures =
        [
            ("建档立卡贫困户", $"{Count(d.Registered, "户")}{Count(d.RegisteredPeople, "人")}"),
            ("累计脱贫", Count(d.Exited, "户")),
            ("未脱贫", Count(d.Remaining, "户")),
            ("监测对象", Count(d.Monitored, "户")),
            ("低于贫困线", Count(d.BelowLine, "户")),
            ("接近贫困线", Count(d.NearLine, "户")),
            ("脱贫但低于线", Count(d.ExitedBelowLine, "户")),
            ("政策资金", ChineseFormat.Yuan(d.BenefitAmount)),
            ("信贷逾期率", ChineseFormat.Percent(d.OverdueRate)),
            ("五天四夜达标", d.ResidencyRate is decimal rate ? ChineseFormat.Percent(rate) : "—"),
            ("集体经济弱村", $"{Count(d.VillagesBelowCollectiveIndicator, "个")}/{d.CollectiveIncome.Count}"),
            ("保障核查", Count(d.HouseholdsChecked, "户")),
        ];
        var pairs = figures.Chunk(2).Select(p => (IReadOnlyList<string>)[p[0].Item1, p[0].Item2, p.Length > 1 ? p[1].Item1 : "", p.Length > 1 ? p[1].Item2 : ""]).ToList();

        var failing = d.AssuranceFailing.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.Label()}{g.Sum(r => r.Failing)}户").ToList();
        var trend = d.IncomeTrend.Count == 0 ? default : d.IncomeTrend[^1];
        var sentences = new List<string>
        {
            $"监测对象中已消除风险{Count(d.RiskEliminated, "户")}。小额信贷逾期率{(d.OverdueRateAboveLine ? "超出" : "未超出")}0.5%控制线（逾期{ChineseFormat.Yuan(d.LoansOverdue)}，余额{ChineseFormat.Yuan(d.LoansOutstanding)}）；五天四夜{d.KeptWeeks}/{d.JudgedWeeks}人周达标；弱村指稳定经营性收入不足5万元的村。",
            failing.Count == 0 ? $"{year}年核查中没有“两不愁三保障”未达标户。" : $"{year}年“两不愁三保障”未达标：{string.Join("、", failing)}。",
            trend.Year == 0 ? "没有收入核算。"
                : $"{trend.Year}年人均纯收入中位数{ChineseFormat.Yuan(trend.Median)}，10%分位数{ChineseFormat.Yuan(trend.Percentile10)}（{Count(trend.Households, "户")}）。",
        };

        var columns = AreaColumns.Registry(d).Concat(AreaColumns.Support(d)).ToDictionary(c => c.Key);
        var printed = PrintedColumns.Select(p => columns[p.Key] with { Header = p.Header }).ToList();
        var rows = d.Areas.Select(a => (IReadOnlyList<string>)[a.Name, .. printed.Select(c => ChineseFormat.Count(c.ValueOf(a.Id)))])
            .Append(["合计", .. printed.Select(c => ChineseFormat.Count(c.ValueOf(null)))]).ToList();

        return new ReportDocument($"{heading}（截至{year}年底）",
        [
            new Table(null, ["指标", "数值", "指标", "数值"], pairs) { ColumnWeights = [1.2f, 1f, 1.2f, 1f], NumericColumns = new HashSet<int> { 1, 3 } },
            new Paragraph(string.Join("", sentences) + $"数据实时取自登记库，生成于{ChineseFormat.DateTime(generatedAt)}。"),
            new Table(d.RowsAreVillages ? "各村情况" : "各乡镇情况",
                [d.RowsAreVillages ? "行政村" : "乡（镇）", .. printed.Select(c => c.Header)], rows)
            {
                ColumnWeights = [1.4f, .. printed.Select(c => c.Header.Length > 3 ? 1.4f : 1f)],
                NumericColumns = Enumerable.Range(1, printed.Count).ToHashSet(),
            },
        ]);
    }
}
