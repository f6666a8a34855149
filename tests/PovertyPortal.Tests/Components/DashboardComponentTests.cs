using Bunit;
using Bunit.TestDoubles;
using ExcelDataReader;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Households;
using PovertyPortal.Web.Features.Dashboard;

namespace PovertyPortal.Tests.Components;

/// <summary>The dashboard's table by area and its export, from figures made up here (no database).</summary>
public sealed class DashboardComponentTests : BunitContext
{
    public DashboardComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        // ExcelDataReader reads its code pages from the provider even for .xlsx; registering twice is harmless.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    }

    // Two townships (ids 1 and 2) of a county viewed for 2020; township 1 has two villages (11, 12), township 2 one (21).
    private static Dashboard County() => new(
        new DashboardQuery(2020),
        new GetDashboardAreas.Result([new(1, "甲镇", null), new(2, "乙乡", null)], false, null),
        [
            new(1, 11, PovertyCategory.General, Registered: 10, People: 30, Exited: 8),
            new(1, 12, PovertyCategory.Dibao, Registered: 5, People: 9, Exited: 5),
            new(2, 21, PovertyCategory.General, Registered: 7, People: 20, Exited: 2),
        ],
        [new(2019, 9), new(2020, 6)],
        [new(PovertyCause.Illness, 22)],
        [new(1, 11, MonitoringType.Marginal, Monitored: 3, RiskEliminated: 1)]);

    [Fact]
    public void The_table_rolls_villages_up_to_townships_and_links_every_household_count_to_its_list()
    {
        Render<MudPopoverProvider>();
        var d = County();
        var cut = Render<AreaFiguresTable>(p => p.Add(c => c.Data, d).Add(c => c.Columns, AreaColumns.Registry(d)));

        Assert.Contains("各乡镇情况（截至2020年底）", cut.Markup);
        var first = cut.FindAll("tbody tr")[0];
        Assert.Equal("/dashboard?year=2020&township=1", first.QuerySelector("[data-testid=area-link]")!.GetAttribute("href"));
        Assert.Equal("15", first.QuerySelector("[data-column=registered]")!.TextContent.Trim());
        Assert.Equal("39", first.QuerySelector("[data-column=people]")!.TextContent.Trim());
        Assert.Null(first.QuerySelector("[data-column=people] a"));
        Assert.Equal("/households?township=1&standing=remaining&year=2020",
            first.QuerySelector("[data-column=remaining] a")!.GetAttribute("href"));
        Assert.Equal("2", first.QuerySelector("[data-column=remaining]")!.TextContent.Trim());
        Assert.Equal("/households?township=1&standing=registered&year=2020&category=Dibao",
            first.QuerySelector("[data-column=category-Dibao] a")!.GetAttribute("href"));

        var total = cut.Find("tfoot");
        Assert.Equal("22", total.QuerySelector("[data-column=registered]")!.TextContent.Trim());
        Assert.Equal("/households?standing=exited&year=2020", total.QuerySelector("[data-column=exited] a")!.GetAttribute("href"));
        Assert.Equal("15", total.QuerySelector("[data-column=exited]")!.TextContent.Trim());
    }

    [Fact]
    public void A_table_exports_to_an_xlsx_with_its_title_header_and_numbers()
    {
        var table = new DashboardTable("各乡镇情况（截至2020年底）", ["乡（镇）", "贫困户（户）"], [["甲镇", 15], ["合计", 22]]);
        using var file = new MemoryStream();
        table.WriteXlsx(file);
        file.Position = 0;
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(file);
        var rows = new List<object?[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
        Assert.Equal("各乡镇情况（截至2020年底）", rows[0][0]);
        Assert.Equal(["乡（镇）", "贫困户（户）"], rows[1]);
        Assert.Equal(["甲镇", 15d], rows[2]);
        Assert.Equal(["合计", 22d], rows[3]);
    }

    [Fact]
    public void The_support_figures_link_income_warnings_to_the_household_list_and_village_rows_to_their_pages()
    {
        var village = new Dashboard(new DashboardQuery(2020, 1),
            new GetDashboardAreas.Result([new(11, "甲一村", 1), new(12, "甲二村", 1)], true, "甲镇"), [], [], [], [])
        {
            Income = [new(1, 11, Recorded: 5, BelowLine: 2, NearLine: 1, ExitedBelowLine: 1)],
            Microloans = [new(1, 11, Loans: 2, Outstanding: 100_000m, OverdueLoans: 1, Overdue: 1_000m)],
            Residency = [new(1, 12, JudgedWeeks: 10, KeptWeeks: 7)],
            CollectiveIncome = [new(1, 11, "甲一村", 30_000m, true), new(1, 12, "甲二村", 80_000m, true)],
        };
        var columns = AreaColumns.Support(village).ToDictionary(c => c.Key);
        Assert.Equal(2, columns["below-line"].ValueOf(11));
        Assert.Equal("/households?village=11&incomeWarning=BelowLine&incomeYear=2020", columns["below-line"].LinkOf(11));
        Assert.Equal("/households?township=1&incomeWarning=NearLine&incomeYear=2020", columns["near-line"].LinkOf(null));
        Assert.Equal("/villages/12/attendance", columns["residency-missed"].LinkOf(12));
        Assert.Equal(3, columns["residency-missed"].ValueOf(null));
        Assert.Equal("/villages/11/work", columns["collective-below"].LinkOf(11));
        Assert.Equal((1, 0), (columns["collective-below"].ValueOf(11), columns["collective-below"].ValueOf(12)));
        // 1,000 of 100,000 overdue: 1%, above the 0.5% line.
        Assert.True(village.OverdueRateAboveLine);

        Render<MudPopoverProvider>();
        var cut = Render<SupportHeadline>(p => p.Add(c => c.Data, village));
        Assert.Equal("1%", cut.Find("[data-testid=figure-overdue-rate] [data-testid=figure-value]").TextContent.Trim());
        Assert.Equal("70%", cut.Find("[data-testid=figure-residency] [data-testid=figure-value]").TextContent.Trim());
        Assert.Equal("/households?township=1&incomeWarning=BelowLine&incomeYear=2020",
            cut.Find("[data-testid=figure-below-line] a").GetAttribute("href"));
    }

    [Fact]
    public void Every_assurance_count_links_to_the_households_failing_that_item_and_the_table_to_any_item()
    {
        Render<MudPopoverProvider>();
        var d = new Dashboard(new DashboardQuery(2020), new GetDashboardAreas.Result([new(1, "甲镇", null), new(2, "乙乡", null)], false, null), [], [], [], [])
        {
            AssuranceChecked = [new(1, 11, 9), new(2, 21, 4)],
            AssuranceFailing = [new(1, 11, AssuranceItemKind.HousingSafety, 2), new(2, 21, AssuranceItemKind.HousingSafety, 1), new(1, 11, AssuranceItemKind.Food, 1)],
            AssuranceFailingHouseholds = [new(1, 11, 2), new(2, 21, 1)],
        };
        var cut = Render<AssuranceByItem>(p => p.Add(c => c.Data, d));
        var housing = cut.Find("[data-item=HousingSafety] a");
        Assert.Equal("3", housing.TextContent.Trim());
        Assert.Equal("/households?assurance=HousingSafety&year=2020", housing.GetAttribute("href"));
        Assert.Equal("/households?assurance=Any&year=2020", cut.Find("[data-item=Any] a").GetAttribute("href"));
        Assert.Equal("3", cut.Find("[data-item=Any]").TextContent.Trim());
        Assert.Equal("0", cut.Find("[data-item=Television]").TextContent.Trim());

        var column = AreaColumns.Support(d).Single(c => c.Key == "assurance-failing");
        Assert.Equal((2, 1, 3), (column.ValueOf(1), column.ValueOf(2), column.ValueOf(null)));
        Assert.Equal("/households?township=2&assurance=Any&year=2020", column.LinkOf(2));

        // The system administrator's view of one county: the total's links carry it.
        var county = new Dashboard(new DashboardQuery(2020, null, 7), new GetDashboardAreas.Result([new(1, "甲镇", null)], false, null), [], [], [], [])
        {
            AssuranceFailing = d.AssuranceFailing,
        };
        var inCounty = Render<AssuranceByItem>(p => p.Add(c => c.Data, county));
        Assert.Equal("/households?county=7&assurance=HousingSafety&year=2020", inCounty.Find("[data-item=HousingSafety] a").GetAttribute("href"));
        Assert.Equal("/households?county=7&standing=registered&year=2020", AreaColumns.Registry(county)[0].LinkOf(null));
        Assert.Equal("/dashboard?year=2020&township=1&county=7", DashboardLinks.Dashboard(2020, 1, 7));
    }

    [Fact]
    public void A_donut_segment_opens_the_households_of_its_cause_and_the_category_legend_links_each_category()
    {
        Render<MudPopoverProvider>();
        var d = new Dashboard(new DashboardQuery(2020, 1), new GetDashboardAreas.Result([new(11, "甲一村", 1), new(12, "甲二村", 1)], true, "甲镇"),
            County().Registry.Where(r => r.TownshipId == 1).ToList(), [], [new(PovertyCause.Illness, 9), new(PovertyCause.Disability, 4), new(null, 2)], []);
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var causes = Render<PovertyCausesChart>(p => p.Add(x => x.Data, d));
        var segments = causes.FindAll("path.mud-chart-serie");
        Assert.Equal(3, segments.Count);
        // The largest cause is the first segment: a click on it is a change too.
        segments[0].Click();
        Assert.Equal("http://localhost/households?township=1&standing=registered&year=2020&primaryCause=Illness", navigation.Uri);
        causes.FindAll("path.mud-chart-serie")[1].Click();
        Assert.EndsWith("primaryCause=Disability", navigation.Uri, StringComparison.Ordinal);
        // "未填写" has no list to open: the page stays where it is.
        causes.FindAll("path.mud-chart-serie")[2].Click();
        Assert.EndsWith("primaryCause=Disability", navigation.Uri, StringComparison.Ordinal);

        var categories = Render<CategoriesByAreaChart>(p => p.Add(x => x.Data, d));
        var dibao = categories.Find("[data-testid=category-legend] [data-category=Dibao] a");
        Assert.Equal(("5", "/households?township=1&standing=registered&year=2020&category=Dibao"), (dibao.TextContent.Trim(), dibao.GetAttribute("href")));
        Assert.Equal("10", categories.Find("[data-category=General] a").TextContent.Trim());

        var exits = Render<ExitsPerYearChart>(p => p.Add(x => x.Data, County()));
        Assert.Equal("/households?status=Exited&exitYear=2019", exits.Find("[data-year='2019'] a").GetAttribute("href"));
    }
}
