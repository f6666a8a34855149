using PovertyPortal.Documents.Rendering;
using PovertyPortal.Documents.PerformanceReport;
using PovertyPortal.Documents;

namespace PovertyPortal.Tests.Reports;

public class PerformanceReportComposerTests
{
    private static List<string> Headings(ReportDocument d) => d.Blocks.OfType<Heading>().Select(h => h.Text).ToList();

    private static string AllText(ReportDocument d) => string.Concat(d.AllText());

    [Fact]
    public void Full_record_gives_the_five_chapters_of_the_sample_report()
    {
        var document = PerformanceReportComposer.Compose(ReportSamples.FanWen());

        Assert.Equal("栗子湾村2018年驻村工作队履职报告", document.Title);
        Assert.Equal(["一、村基本情况", "二、工作落实情况", "三、政策落实情况", "四、主要做法", "五、取得主要成效"], Headings(document));
        Assert.IsType<SignatureBlock>(document.Blocks[^1]);
        Assert.IsType<Paragraph>(document.Blocks[0]);
    }

    [Fact]
    public void Chapters_without_data_are_left_out_and_the_rest_renumbered()
    {
        var data = ReportSamples.FanWen() with
        {
            PolicyGroups = [],
            WorkLogCounts = [],
            Prose = new ReportProse(),
            Projects = [],
            Industries = [],
            CollectiveIncome = [],
        };

        var document = PerformanceReportComposer.Compose(data);

        Assert.Equal(["一、村基本情况", "二、工作落实情况"], Headings(document));
        Assert.DoesNotContain("政策落实", AllText(document));
    }

    [Fact]
    public void Policy_groups_give_one_numbered_paragraph_each_and_a_chart_of_sums()
    {
        var document = PerformanceReportComposer.Compose(ReportSamples.FanWen());
        var items = document.Blocks.SkipWhile(b => b is not Heading { Text: "三、政策落实情况" }).Skip(1).TakeWhile(b => b is not Heading).ToList();

        Assert.Equal(3, items.OfType<NumberedItem>().Count());
        Assert.Equal("1、社会保障兜底。以刘秀芬等75户97人享受低保补差、五保供养，2018年发放资金共计92,690元。", items.OfType<NumberedItem>().First().FullText);
        var chart = Assert.Single(items.OfType<BarChart>());
        Assert.Equal([92690m, 69200m, 117500.5m], chart.Items.Select(i => i.Value));
    }

    [Fact]
    public void A_group_with_its_benefits_names_each_with_its_own_figures_and_head_masked_in_the_public_edition()
    {
        var data = ReportSamples.FanWen() with
        {
            PolicyGroups =
            [
                new PolicyGroupFigures
                {
                    Name = "社会保障兜底一批", Households = 75, People = 97, Amount = 92690,
                    Programs = [new("低保", 52, 74, 57186, ["刘袖珍", "刘大海"]), new("特困供养", 23, 23, 35504, ["刘海明"])],
                },
                new PolicyGroupFigures
                {
                    Name = "生态补偿脱贫一批", Households = 112, People = 310, Amount = 23040,
                    Programs = [new("生态林补助", 112, 310, 23040, []) { Quantity = 1920, Unit = "亩" }],
                },
            ],
        };

        var items = PerformanceReportComposer.Compose(data).Blocks.OfType<NumberedItem>().Select(i => i.FullText).ToList();
        var publicText = AllText(PerformanceReportComposer.Compose(data, ReportEdition.Public));

        Assert.Contains("1、社会保障兜底一批。以刘袖珍等52户74人享受低保，资金57,186元；刘海明等23户23人享受特困供养，资金35,504元；2018年共计75户97人，发放资金92,690元。", items);
        Assert.Contains("2、生态补偿脱贫一批。全村112户310人享受生态林补助1,920亩，资金23,040元。", items);
        Assert.Contains("以刘**等52户74人享受低保", publicText);
        Assert.Contains("刘**等23户23人享受特困供养", publicText);
        Assert.DoesNotContain("刘袖珍", publicText);
        Assert.DoesNotContain("刘海明", publicText);
    }

    [Fact]
    public void Work_log_counts_come_before_the_teams_own_items()
    {
        var document = PerformanceReportComposer.Compose(ReportSamples.FanWen());
        var chapter = document.Blocks.SkipWhile(b => b is not Heading { Text: "四、主要做法" }).Skip(1).TakeWhile(b => b is not Heading).ToList();

        Assert.Equal("2018年驻村工作队入户走访326次，召开村民小组会议24次，政策宣讲12场。", Assert.IsType<Paragraph>(chapter[0]).Text);
        Assert.Equal(["1、", "2、", "3、"], chapter.OfType<NumberedItem>().Select(i => i.Number));
    }

    [Fact]
    public void Investment_is_a_plain_total_when_every_project_has_one()
    {
        var data = ReportSamples.FanWen() with { Projects = [new("修复大塘", 5, "口", 150000), new("修通水泥路", 7.8m, "公里", 1_200_000)] };

        Assert.Contains("修复大塘5口，修通水泥路7.8公里，共投入资金1,350,000元。", AllText(PerformanceReportComposer.Compose(data)));
    }

    [Fact]
    public void Results_name_projects_industries_and_collective_income()
    {
        var text = AllText(PerformanceReportComposer.Compose(ReportSamples.FanWen()));

        // The transformers have no investment entered: the sum names the projects it covers.
        Assert.Contains("修复大塘5口，安装变压器5台，修通水泥路7.8公里，其中修复大塘、修通水泥路共投入资金1,350,000元。", text);
        Assert.Contains("花生760亩（带动33户），油茶50亩，养鸡2,500只（带动12户）。", text);
        Assert.Contains("2018年村集体经济收入68,000元，其中光伏发电60,000元，水库出租8,000元；稳定经营性收入60,000元，达到5万元以上的指标。", text);
    }

    [Fact]
    public void Teams_in_order_with_members_and_compliance()
    {
        var text = AllText(PerformanceReportComposer.Compose(ReportSamples.FanWen()));

        Assert.Contains("先后有2支工作队驻栗子湾村。2014年1月1日至2018年3月22日，由镇工商所驻村开展帮扶工作；", text);
        Assert.Contains("自2018年3月23日起，由县扶贫指挥部选派镇食品药品监管所驻村开展帮扶工作，成员4人：第一书记郑一鸣，队长冯立新，队员陈浩、孙广。", text);
        Assert.Contains("2018年队员应驻村40人周，落实“五天四夜”38人周，落实率95%。", text);
    }

    [Fact]
    public void Registry_without_remaining_stock_says_all_have_exited()
    {
        var data = ReportSamples.FanWen();
        data = data with { Registry = data.Registry! with { RemainingHouseholds = 0, RemainingPeople = 0 } };

        Assert.Contains("2018年底建档立卡贫困人口已全部脱贫。", AllText(PerformanceReportComposer.Compose(data)));
    }

    [Fact]
    public void Public_edition_masks_the_example_heads_only()
    {
        var text = AllText(PerformanceReportComposer.Compose(ReportSamples.FanWen(), ReportEdition.Public));

        Assert.Contains("以刘**等75户97人", text);
        Assert.DoesNotContain("刘秀芬", text);
        Assert.Contains("第一书记郑一鸣", text);
        Assert.Equal("欧**", PerformanceReportComposer.MaskName("欧阳明"));
    }

    [Fact]
    public void Minimal_record_gives_title_and_signature_only()
    {
        var document = PerformanceReportComposer.Compose(new PerformanceReportData { VillageName = "石桥村", Year = 2020, SignedOn = new(2020, 12, 31) });

        Assert.Empty(Headings(document));
        Assert.Equal(["石桥村村民委员会", "2020年12月31日"], Assert.Single(document.Blocks.OfType<SignatureBlock>()).Lines);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(5, "五")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(21, "二十一")]
    public void Chinese_numerals(int n, string expected) => Assert.Equal(expected, ChineseFormat.Numeral(n));
}

public class PerformanceReportChecksTests
{
    [Fact]
    public void The_sample_reports_own_contradiction_is_listed()
    {
        var problems = PerformanceReportChecks.Find(ReportSamples.FanWen());

        Assert.Contains("历年脱贫户数合计118户，多于建档立卡贫困户112户。", problems);
        Assert.Contains("历年脱贫人数合计324人，多于建档立卡贫困人口310人。", problems);
        Assert.Contains(problems, p => p.Contains("健康扶贫", StringComparison.Ordinal) == false && p.Contains("多于", StringComparison.Ordinal));
    }

    [Fact]
    public void Consistent_figures_give_no_problems()
    {
        var data = ReportSamples.FanWen();
        data = data with
        {
            Registry = data.Registry! with { ExitsPerYear = [new(2014, 2, 8), new(2015, 9, 30), new(2016, 26, 98), new(2017, 7, 29), new(2018, 67, 142)] },
        };

        Assert.Empty(PerformanceReportChecks.Find(data));
    }

    [Fact]
    public void Exits_that_miss_the_register_and_overlapping_teams_are_listed()
    {
        var data = ReportSamples.FanWen();
        data = data with
        {
            Registry = data.Registry! with { ExitsPerYear = [new(2016, 50, 150)] },
            Teams = [data.Teams[0], data.Teams[1] with { StartDate = new(2018, 1, 1) }],
        };

        var problems = PerformanceReportChecks.Find(data);

        Assert.Contains("历年脱贫50户加存量1户为51户，与建档立卡112户不符。", problems);
        Assert.Contains("工作队“镇工商所”与“镇食品药品监管所”的驻村时间重叠。", problems);
    }

    [Fact]
    public void Profile_income_that_differs_from_the_income_ledger_is_listed()
    {
        var data = ReportSamples.FanWen() with { CollectiveIncome = [new("光伏发电", 52000, IsStableOperating: true), new("水库出租", 8000)] };

        Assert.Contains("村基本情况中村级集体经济稳定经营性收入60,000元，与集体经济收入台账的52,000元不符。", PerformanceReportChecks.Find(data));
    }

    [Fact]
    public void Policy_group_larger_than_the_register_is_listed()
    {
        var data = ReportSamples.FanWen() with
        {
            PolicyGroups = [new PolicyGroupFigures { Name = "生态补偿", Households = 114, People = 320 }],
        };

        Assert.Contains(PerformanceReportChecks.Find(data), p => p.StartsWith("“生态补偿”覆盖114户", StringComparison.Ordinal));
    }
}
