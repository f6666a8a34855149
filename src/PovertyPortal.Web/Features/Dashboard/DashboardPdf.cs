using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Households;
using PovertyPortal.Documents;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Web.Features.Reports;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// The dashboard on one landscape A4 page through the report engine (PageSetup.CompactLandscape): the headline figures
/// as label/value pairs, two or three sentences, then the table by area with 14 of its columns. The same figures the
/// page shows (one Dashboard object), so the two cannot disagree. A county of 25 townships (or a township of as many
/// villages) fits the page; a longer table runs on to a second page, its header repeated, and no row is left out.
/// </summary>
public sealed class DashboardPdf(PerformanceReportFiles files)
{
    /// <summary>
    /// The table-by-area columns printed, by AreaColumn key, with short headers. Left out, and summarised instead: the
    /// three category columns (their totals are a sentence), the loan balance and the judged weeks (headline figures).
    /// </summary>
    private static readonly (string Key, string Header)[] PrintedColumns =
    [
        ("registered", "贫困户"), ("people", "贫困人口"), ("exited", "已脱贫"), ("remaining", "未脱贫"), ("monitored", "监测对象"),
        ("risk-eliminated", "已消除风险"), ("below-line", "低于贫困线"), ("near-line", "接近贫困线"), ("exited-below-line", "脱贫但低于线"),
        ("assurance-failing", "保障未达标"), ("benefit-amount", "政策资金（元）"), ("loans-overdue", "逾期贷款（元）"),
        ("residency-missed", "五天四夜未达标"), ("collective-below", "弱村"),
    ];

    private static readonly string[] PairHeader = ["指标", "数值"];
    private static readonly float[] PairWeights = [1.1f, 1.3f];

    public byte[] Render(Dashboard d, string heading, DateTimeOffset generatedAt) => new PdfRenderer(files.Fonts, files.Clock).Render(Compose(d, heading, generatedAt));

    public static string FileName(Dashboard d, string heading) => $"{heading}（截至{d.Query.Year}年底）.pdf";

    public static ReportDocument Compose(Dashboard d, string heading, DateTimeOffset generatedAt)
    {
        var year = d.Query.Year;
        string Count(int value, string unit) => ChineseFormat.Count(value) + unit;
        (string, string)[] figures =
        [
            ("建档立卡贫困户", Count(d.Registered, "户")),
            ("贫困人口", Count(d.RegisteredPeople, "人")),
            ("累计脱贫", Count(d.Exited, "户")),
            ("未脱贫", Count(d.Remaining, "户")),
            ("监测对象", Count(d.Monitored, "户")),
            ("已消除风险", Count(d.RiskEliminated, "户")),
            ("低于贫困线", Count(d.BelowLine, "户")),
            ("接近贫困线", Count(d.NearLine, "户")),
            ("脱贫但低于线", Count(d.ExitedBelowLine, "户")),
            ("保障核查", Count(d.HouseholdsChecked, "户")),
            ("保障未达标", Count(d.HouseholdsFailingAssurance, "户")),
            ("政策资金", ChineseFormat.Yuan(d.BenefitAmount)),
            ("信贷逾期率", ChineseFormat.Percent(d.OverdueRate)),
            ("五天四夜达标", d.ResidencyRate is decimal rate ? ChineseFormat.Percent(rate) : "—"),
            ("集体经济弱村", $"{Count(d.VillagesBelowCollectiveIndicator, "个")}（共{d.CollectiveIncome.Count}村）"),
        ];
        const int pairsPerRow = 5;
        var pairs = figures.Chunk(pairsPerRow)
            .Select(p => (IReadOnlyList<string>)[.. Enumerable.Range(0, pairsPerRow).SelectMany(i => i < p.Length ? new[] { p[i].Item1, p[i].Item2 } : ["", ""])])
            .ToList();

        var failing = d.AssuranceFailing.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.Label()}{g.Sum(r => r.Failing)}户").ToList();
        var trend = d.IncomeTrend.Count == 0 ? default : d.IncomeTrend[^1];
        var categories = Enum.GetValues<PovertyCategory>()
            .Select(c => $"{c.Label()}{Count(d.Registry.Where(r => r.Category == c).Sum(r => r.Registered), "户")}");
        var sentences = new List<string>
        {
            failing.Count == 0 ? $"{year}年核查中没有“两不愁三保障”未达标户。" : $"{year}年“两不愁三保障”未达标：{string.Join("、", failing)}。",
            trend.Year == 0 ? $"截至{year}年没有收入核算。"
                : $"{trend.Year}年人均纯收入中位数{ChineseFormat.Yuan(trend.Median)}，10%分位数{ChineseFormat.Yuan(trend.Percentile10)}（{Count(trend.Households, "户")}）。",
            $"小额信贷逾期率{(d.OverdueRateAboveLine ? "超出" : "未超出")}0.5%控制线（逾期{ChineseFormat.Yuan(d.LoansOverdue)}，余额{ChineseFormat.Yuan(d.LoansOutstanding)}）。",
            $"贫困户属性：{string.Join("、", categories)}。弱村指稳定经营性收入不足5万元的村。",
        };

        var columns = AreaColumns.Registry(d).Concat(AreaColumns.Support(d)).ToDictionary(c => c.Key);
        var printed = PrintedColumns.Select(p => columns[p.Key] with { Header = p.Header }).ToList();
        var rows = d.Areas.Select(a => (IReadOnlyList<string>)[a.Name, .. printed.Select(c => ChineseFormat.Count(c.ValueOf(a.Id)))])
            .Append(["合计", .. printed.Select(c => ChineseFormat.Count(c.ValueOf(null)))]).ToList();
        var title = $"{heading}（截至{year}年底）";

        return new ReportDocument(title,
        [
            new Table(null, [.. Enumerable.Range(0, pairsPerRow).SelectMany(_ => PairHeader)], pairs)
            {
                ColumnWeights = [.. Enumerable.Range(0, pairsPerRow).SelectMany(_ => PairWeights)],
                NumericColumns = Enumerable.Range(0, pairsPerRow).Select(i => 2 * i + 1).ToHashSet(),
            },
            new Paragraph(string.Join("", sentences) + $"数据实时取自登记库，生成于{ChineseFormat.DateTime(generatedAt)}。"),
            new Table($"{(d.RowsAreVillages ? "各村情况" : "各乡镇情况")}（单位：户；资金、贷款为元，五天四夜为人周，弱村为个）",
                [d.RowsAreVillages ? "行政村" : "乡（镇）", .. printed.Select(c => c.Header)], rows)
            {
                ColumnWeights = [2.1f, .. printed.Select(c => c.Header.Contains('元', StringComparison.Ordinal) ? 1.35f : 1f)],
                NumericColumns = Enumerable.Range(1, printed.Count).ToHashSet(),
            },
        ])
        {
            Page = PageSetup.CompactLandscape,
            RunningHeader = title,
        };
    }
}
