using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PovertyPortal.Documents.InspectionReport;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Tests.Reports;

/// <summary>The 检查情况报告 of one inspected township, filled from a pair's sample, answers and findings.</summary>
public class InspectionReportTests
{
    private static readonly FontSet Fonts = ReportFontResolver.Resolve();

    /// <summary>石桥镇's group in 江关乡: 91 households in 3 villages, 40 done, two findings of three areas.</summary>
    private static InspectionReportData Report() => new()
    {
        CountyName = "模拟县",
        RoundTitle = "2020年乡镇交叉检查督导方案",
        Year = 2020,
        StartDate = new DateOnly(2020, 6, 11),
        EndDate = new DateOnly(2020, 6, 12),
        InspectingTownship = "石桥镇",
        InspectedTownship = "江关乡",
        Group = [new(GroupRole.Leader, "盛明", "县联乡领导"), new(GroupRole.Member, "王芳", "石桥镇脱贫办")],
        Sample = new InspectionReportSample(Villages: 3, Registered: 71, Monitored: 20, Done: 40, InPerson: 31, Phone: 7, VillageCadre: 2),
        Areas =
        [
            new(ChecklistArea.AnnualTasks, Items: 3, Answers: 81, Met: 38, NotMet: 1, NotApplicable: 1),
            new(ChecklistArea.ConsolidatingGains, Items: 7, Answers: 206, Met: 195, NotMet: 3, NotApplicable: 2),
            new(ChecklistArea.RecordsMatch, Items: 3, Answers: 41, Met: 40, NotMet: 0, NotApplicable: 0),
        ],
        Findings =
        [
            new(ChecklistArea.AnnualTasks, "家庭人均纯收入达到当年脱贫标准", "江关村", "420528101001001", "务工收入未核实，人均收入测算偏高", FindingDisposition.SentToLedger, 57),
            new(ChecklistArea.ConsolidatingGains, "住房安全有保障", "江关村", "420528101001002", "厨房后墙开裂", FindingDisposition.FixedOnTheSpot, null),
            new(ChecklistArea.ConsolidatingGains, "饮水安全，水质水量达标", "黄龙村", "420528101002011", "水管冻裂停水", FindingDisposition.Open, null),
        ],
        ReportedOn = new DateOnly(2020, 6, 13),
    };

    private static InspectionReportData Empty() => Report() with
    {
        Sample = new InspectionReportSample(0, 0, 0, 0, 0, 0, 0),
        Areas = [new(ChecklistArea.AnnualTasks, 3, 0, 0, 0, 0), new(ChecklistArea.RecordsMatch, 3, 0, 0, 0, 0)],
        Findings = [],
    };

    [Fact]
    public void The_report_has_its_chapters_title_and_signature_and_names_the_round_pair_group_and_dates()
    {
        var document = InspectionReportComposer.Compose(Report());

        Assert.Equal("石桥镇检查组关于江关乡交叉检查情况的报告", document.Title);
        Assert.Equal(["一、检查组织", "二、抽查情况", "三、检查结果", "四、发现的问题", "五、整改要求"],
            document.Blocks.OfType<Heading>().Where(h => h.Level == 1).Select(h => h.Text));
        var text = string.Concat(document.AllText());
        Assert.Contains("根据《模拟县2020年乡镇交叉检查督导方案》安排，石桥镇检查组于2020年6月11日至2020年6月12日对江关乡开展交叉检查。", text);
        Assert.Contains("本次检查由石桥镇派出检查组，共2人。组长：盛明（县联乡领导）；成员：王芳（石桥镇脱贫办）。", text);
        Assert.Equal(["石桥镇交叉检查组", "2020年6月13日"], document.Blocks.OfType<SignatureBlock>().Single().Lines);
    }

    [Fact]
    public void Sample_and_area_figures_add_up_from_the_data()
    {
        var document = InspectionReportComposer.Compose(Report());
        var text = string.Concat(document.AllText());

        Assert.Contains("平台随机抽取3个村91户，其中建档立卡户71户、边缘户和监测户20户。已完成检查40户，完成率44%，" +
            "其中入户检查31户，户内无人、电话访问7户，无法联系、访问村干部2户；尚有51户未完成。", text);
        Assert.Contains("共录入检查结果328项，其中判定达标与否的280项：达标273项，不达标4项，不适用3项。", text);
        Assert.Contains("不达标项最多的是脱贫成果巩固提升情况（3项），共涉及2个领域。", text);
        var areas = document.Blocks.OfType<Table>().First();
        Assert.Equal(["一、年度任务推进", "3", "81", "38", "1", "1"], areas.Rows[0]);
        Assert.Equal(["八、账账相符账实相符", "3", "41", "40", "0", "0"], areas.Rows[2]);
        Assert.Equal(["合计", "13", "328", "273", "4", "3"], areas.Rows[^1]);
    }

    [Fact]
    public void Findings_are_listed_with_place_household_and_what_became_of_them_and_the_closing_follows_them()
    {
        var document = InspectionReportComposer.Compose(Report());
        var text = string.Concat(document.AllText());

        Assert.Contains("检查发现不达标问题3个，涉及3户，其中立行立改1个、转入问题整改台账1个、尚待处理1个。", text);
        var findings = document.Blocks.OfType<Table>().Single(t => t.Caption == "发现问题清单");
        Assert.Equal(["检查领域", "检查项目", "村", "户编号", "问题描述", "处理方式"], findings.Header);
        Assert.Equal(["年度任务推进", "家庭人均纯收入达到当年脱贫标准", "江关村", "420528101001001", "务工收入未核实，人均收入测算偏高", "转入整改台账（问题编号57）"], findings.Rows[0]);
        Assert.Equal(["立行立改", "待处理"], findings.Rows.Skip(1).Select(r => r[5]));
        var closing = document.Blocks.SkipWhile(b => b is not Heading { Text: "五、整改要求" }).OfType<NumberedItem>().Select(i => i.FullText).ToList();
        Assert.StartsWith("1.转入问题整改台账的1个问题，由江关乡按台账明确的责任单位", closing[0]);
        Assert.Contains(closing, c => c.Contains("尚待处理的1个问题", StringComparison.Ordinal));
        Assert.Contains(closing, c => c.Contains("未完成检查的51户，检查组在2020年6月12日前完成", StringComparison.Ordinal));
    }

    [Fact]
    public void A_round_without_sample_or_answers_says_so_instead_of_printing_zeros()
    {
        var document = InspectionReportComposer.Compose(Empty());
        var text = string.Concat(document.AllText());

        Assert.Contains("本轮尚未抽取检查户。", text);
        Assert.Contains("检查组尚未录入检查结果。", text);
        Assert.Contains("尚无检查结果，未发现问题。", text);
        Assert.DoesNotContain("发现问题清单", text);
        Assert.DoesNotContain("完成率", text);
        Assert.Equal(["合计", "6", "0", "0", "0", "0"], document.Blocks.OfType<Table>().Single().Rows[^1]);
    }

    [Fact]
    public void The_pdf_and_the_word_file_say_the_same_and_the_word_file_is_valid()
    {
        var document = InspectionReportComposer.Compose(Report());
        var pdf = new PdfRenderer(Fonts).Render(document);
        var docx = new DocxRenderer(Fonts, new ReportFontOptions()).Render(document);
        File.WriteAllBytes(Path.Combine(ReportOutput.Directory, "inspection-report-2020.pdf"), pdf);
        File.WriteAllBytes(Path.Combine(ReportOutput.Directory, "inspection-report-2020.docx"), docx);

        var pdfText = ReportOutput.BodyText(pdf);
        Assert.Contains("检查发现不达标问题3个", pdfText);
        Assert.Contains("五、整改要求", pdfText);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText.Replace(" ", "", StringComparison.Ordinal)).Where(t => t.Length > 0).ToList();
        Assert.Contains("石桥镇检查组关于江关乡交叉检查情况的报告", paragraphs);
        Assert.DoesNotContain(paragraphs, p => !pdfText.Contains(p, StringComparison.Ordinal));
    }
}
