using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PovertyPortal.Documents.InspectionPlan;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Tests.Reports;

/// <summary>The 督导方案 of a round, in the structure of 范文第2篇, filled from the round's data.</summary>
public class InspectionPlanTests
{
    private static readonly FontSet Fonts = ReportFontResolver.Resolve();

    /// <summary>Three townships inspecting each other in a ring, as the second sample text's county would.</summary>
    private static InspectionPlanData Round(bool drawn = true) => new()
    {
        CountyName = "模拟县",
        Title = "2020年乡镇交叉检查督导方案",
        Year = 2020,
        StartDate = new DateOnly(2020, 6, 11),
        EndDate = new DateOnly(2020, 6, 12),
        Quota = new SampleQuota(20, 5),
        Pairs =
        [
            new("石桥镇", "江关乡",
                [new(GroupRole.Leader, "盛明", "县联乡领导"), new(GroupRole.DeputyLeader, "何沂", "石桥镇党委书记"),
                 new(GroupRole.Member, "王芳", "石桥镇脱贫办"), new(GroupRole.Member, "李强", null)],
                drawn ? new InspectionPlanSample(3, 71, 20) : null),
            new("江关乡", "白沙乡", [new(GroupRole.Leader, "赵东", "县农业农村局")], drawn ? new InspectionPlanSample(4, 80, 20) : null),
            new("白沙乡", "石桥镇", [], drawn ? new InspectionPlanSample(2, 40, 7) : null),
        ],
        Checklist = Checklists.CopyForRound(Checklists.DefaultTemplate(1), roundId: 1, countyId: 1),
        IssuedBy = "模拟县乡村振兴局",
        IssuedOn = new DateOnly(2020, 6, 5),
    };

    [Fact]
    public void The_plan_has_the_chapters_of_the_sample_text_and_the_eight_areas_in_order()
    {
        var document = InspectionPlanComposer.Compose(Round());

        Assert.Equal("模拟县2020年乡镇交叉检查督导方案", document.Title);
        var chapters = document.Blocks.OfType<Heading>().Where(h => h.Level == 1).Select(h => h.Text).ToList();
        Assert.Equal(["一、检查时间和对象", "二、人员安排", "三、检查内容", "四、方式方法", "五、工作要求"], chapters);
        var areas = document.Blocks.SkipWhile(b => b is not Heading { Text: "三、检查内容" }).Skip(1)
            .TakeWhile(b => b is not Heading { Level: 1 }).OfType<Heading>().Select(h => h.Text).ToList();
        Assert.Equal(8, areas.Count);
        Assert.Equal("（一）年度脱贫攻坚任务推进完成情况", areas[0]);
        Assert.Equal("（八）数据信息账账相符、账实相符情况", areas[7]);
        Assert.Equal(new SignatureBlock(["模拟县乡村振兴局", "2020年6月5日"]).Lines, document.Blocks.OfType<SignatureBlock>().Single().Lines);
    }

    [Fact]
    public void Dates_quota_groups_and_sample_sizes_come_from_the_round()
    {
        var document = InspectionPlanComposer.Compose(Round());
        var text = string.Concat(document.AllText());

        Assert.Contains("检查时间为2020年6月11日至2020年6月12日", text);
        Assert.Contains("每个被检查村抽取建档立卡户20户、边缘户和监测户5户，不足的全部检查", text);
        Assert.Contains("本轮共抽查9个村238户，其中建档立卡户191户、边缘户和监测户47户", text);
        Assert.Contains("（一）石桥镇检查组（检查江关乡）", text);
        Assert.Contains("组长：盛明（县联乡领导）；副组长：何沂（石桥镇党委书记）；成员：王芳（石桥镇脱贫办）、李强。", text);
        Assert.Contains("（三）白沙乡检查组（检查石桥镇）组员待定。", text);
        var table = document.Blocks.OfType<Table>().Single();
        Assert.Equal(["石桥镇", "江关乡", "盛明", "3", "71", "20", "91"], table.Rows[0]);
        Assert.Equal(3, table.Rows.Count);
        // An item says what it is checked for and how it is answered; guidance follows.
        Assert.Contains("1.家庭人均纯收入达到当年脱贫标准（按户检查，记达标、不达标或不适用）。按近12个月实际收入测算，重点核实务工和产业收入。",
            document.Blocks.OfType<NumberedItem>().Select(i => i.FullText));
    }

    [Fact]
    public void Before_the_draw_the_plan_says_the_sample_is_still_to_come_rather_than_printing_zeros()
    {
        var document = InspectionPlanComposer.Compose(Round(drawn: false));
        var text = string.Concat(document.AllText());

        Assert.Contains("抽查户数在抽样后填入", text);
        Assert.DoesNotContain("本轮共抽查", text);
        Assert.All(document.Blocks.OfType<Table>().Single().Rows, row => Assert.Equal("待抽样", row[3]));
    }

    [Fact]
    public void The_pdf_and_the_word_file_say_the_same_and_the_word_file_is_valid()
    {
        var document = InspectionPlanComposer.Compose(Round());
        var pdf = new PdfRenderer(Fonts).Render(document);
        var docx = new DocxRenderer(Fonts, new ReportFontOptions()).Render(document);
        File.WriteAllBytes(Path.Combine(ReportOutput.Directory, "inspection-plan-2020.pdf"), pdf);
        File.WriteAllBytes(Path.Combine(ReportOutput.Directory, "inspection-plan-2020.docx"), docx);

        var pdfText = ReportOutput.BodyText(pdf);
        Assert.Contains("本轮共抽查9个村238户", pdfText);
        Assert.Contains("（八）数据信息账账相符、账实相符情况", pdfText);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        // Body paragraphs, not table cells: a cell that wraps in the PDF reads back in pieces.
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText.Replace(" ", "", StringComparison.Ordinal)).Where(t => t.Length > 0).ToList();
        Assert.Contains("模拟县2020年乡镇交叉检查督导方案", paragraphs);
        Assert.DoesNotContain(paragraphs, p => !pdfText.Contains(p, StringComparison.Ordinal));
    }
}
