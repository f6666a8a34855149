using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Households;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Web.Features.Dashboard;
using UglyToad.PdfPig;

namespace PovertyPortal.Tests.Reports;

/// <summary>The dashboard's PDF for counties of many townships, at the size of the synthetic 300,000-household county.</summary>
public sealed class DashboardPdfTests
{
    private static readonly FontSet Fonts = ReportFontResolver.Resolve();

    private static readonly string[] Names =
    [
        "城关镇", "青石镇", "白沙乡", "龙潭镇", "杨家坪乡", "五峰土家族自治乡", "石门镇", "高桥乡", "柳溪镇", "新华乡",
        "桃源镇", "双河乡", "马鞍山镇", "清水乡", "黄土岭乡", "大坪镇", "凤凰乡", "长乐坪镇", "沙坪乡", "金竹镇",
        "红岩乡", "太平镇", "花园乡", "龙山镇", "三合乡", "永安镇", "中和乡", "长岭镇", "安乐乡", "观音阁镇",
        "石桥乡", "狮子口镇", "望城乡", "河口镇", "大同乡", "兴隆镇", "万福乡", "云台镇", "东山乡", "西坪镇",
    ];

    /// <summary>A county of <paramref name="townships"/> townships, each with figures of a large county (five-to-seven-digit cells).</summary>
    private static Dashboard County(int townships, bool villages = false)
    {
        var areas = Enumerable.Range(1, townships)
            .Select(i => new GetDashboardAreas.Area(i, villages ? Names[i - 1][..^1] + "村" : Names[i - 1], villages ? 1 : null)).ToList();
        int Village(GetDashboardAreas.Area a) => villages ? a.Id : a.Id * 100;
        return new Dashboard(new DashboardQuery(2020, villages ? 1 : null), new GetDashboardAreas.Result(areas, villages, villages ? "城关镇" : null),
            [.. areas.Select(a => new GetRegistryFigures.Row(a.Id, Village(a), PovertyCategory.General, Registered: 14_000 + a.Id, People: 41_000 + a.Id, Exited: 13_000))],
            [new(2016, 50_000), new(2020, 60_000)], [new(PovertyCause.Illness, 120_000)],
            [.. areas.Select(a => new GetMonitoringFigures.Row(a.Id, Village(a), MonitoringType.Marginal, 800, 300))])
        {
            Income = [.. areas.Select(a => new GetIncomeFigures.Row(a.Id, Village(a), 14_000, 120, 900, 60))],
            Benefits = [.. areas.Select(a => new GetBenefitFigures.Row(a.Id, Village(a), BenefitGroup.SocialSecurity, 12_345_678.50m, 3_000))],
            Microloans = [.. areas.Select(a => new GetMicroloanFigures.Row(a.Id, Village(a), 400, 9_876_543m, 3, 45_678m))],
            AssuranceChecked = [.. areas.Select(a => new GetAssuranceFigures.Checked(a.Id, Village(a), 14_000))],
            AssuranceFailing = [.. areas.Select(a => new GetAssuranceFigures.Row(a.Id, Village(a), AssuranceItemKind.HousingSafety, 12))],
            AssuranceFailingHouseholds = [.. areas.Select(a => new GetAssuranceFigures.FailingHouseholds(a.Id, Village(a), 15))],
            Residency = [.. areas.Select(a => new GetResidencyFigures.Row(a.Id, Village(a), 2_600, 2_400))],
        };
    }

    private static (int Pages, List<string> Lines) Render(Dashboard d, string file)
    {
        var pdf = new PdfRenderer(Fonts).Render(DashboardPdf.Compose(d, "青石县总览", new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero)));
        File.WriteAllBytes(Path.Combine(ReportOutput.Directory, file), pdf);
        using var document = PdfDocument.Open(pdf);
        return (document.NumberOfPages, [.. ReportOutput.Lines(pdf).SelectMany(p => p).Select(l => l.Replace(" ", "", StringComparison.Ordinal))]);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(25)]
    public void A_county_of_up_to_25_townships_prints_its_whole_table_on_one_page(int townships)
    {
        var d = County(townships);
        var (pages, lines) = Render(d, $"dashboard-{townships}-townships.pdf");

        Assert.Equal(1, pages);
        Assert.All(d.Areas, a => Assert.Contains(lines, l => l.StartsWith(a.Name, StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("合计", StringComparison.Ordinal));
        // The first township's row, cell by cell: 14,001 registered, 41,001 people, 13,000 exited, 1,001 remaining ...
        Assert.Contains("城关镇14,00141,00113,0001,00180030012090060151" + "2,345,67945,678" + "2000", lines);
    }

    [Fact]
    public void A_longer_table_runs_on_to_a_second_page_with_every_row_and_its_header_again()
    {
        var d = County(40);
        var (townshipPages, townshipLines) = Render(County(16, villages: true), "dashboard-township-16-villages.pdf");
        Assert.Equal(1, townshipPages);
        Assert.Contains(townshipLines, l => l.StartsWith("各村情况", StringComparison.Ordinal));
        Assert.Contains("五峰土家族自治村14,00641,00613,0001,006800300120900601512,345,67945,6782000", townshipLines);

        var (pages, lines) = Render(d, "dashboard-40-townships.pdf");

        Assert.Equal(2, pages);
        Assert.All(d.Areas, a => Assert.Single(lines, l => l.StartsWith(a.Name, StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.StartsWith("乡（镇）贫困户", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.Contains("青石县总览（截至2020年底）", StringComparison.Ordinal)));
    }
}
