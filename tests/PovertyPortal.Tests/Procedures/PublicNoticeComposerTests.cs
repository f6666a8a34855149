using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PovertyPortal.Documents;
using PovertyPortal.Documents.Procedures;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Tests.Reports;
using static PovertyPortal.Tests.Procedures.ProcedureCases;

namespace PovertyPortal.Tests.Procedures;

/// <summary>The printed 公示: what it says, grouped by kind, read back from the PDF and the Word file; never a private detail.</summary>
public sealed partial class PublicNoticeComposerTests
{
    private static readonly FontSet Fonts = ReportFontResolver.Resolve();

    // What officials write in a case's own reason: the composer must never get to print it.
    private const string PrivateReason = "户主王某某（522601198203154411）患尿毒症长期透析，电话13812345678，存折账号6217000012345678901";

    private static PublicNoticeLine Line(ProcedureKind kind, string name, string? group, int members, string category)
    {
        var c = Proposed(kind, PrivateReason);
        c.Evidence = "住院病历、银行流水";
        return new PublicNoticeLine(kind, name, group, members, category, PublicNoticeLine.ReasonOf(c));
    }

    private static PublicNoticeData Data(IReadOnlyList<PublicNoticeLine>? lines = null) => new()
    {
        CountyName = "模拟县", TownshipName = "石桥镇", VillageName = "东坡村", BatchLabel = "2026年第3批",
        StartsOn = new DateOnly(2026, 3, 9), EndsOn = new DateOnly(2026, 3, 13), IssuedOn = new DateOnly(2026, 3, 9),
        Contact = "村委会办公室，电话0855-3221234", PostedBy = "东坡村村民委员会",
        Lines = lines ??
        [
            Line(ProcedureKind.Monitoring, "陈秀英", "三组", 3, "边缘易致贫户"),
            Line(ProcedureKind.Exit, "王大山", "一组", 4, "一般贫困户"),
            Line(ProcedureKind.Identification, "李小红", null, 2, "低保贫困户"),
            Line(ProcedureKind.Exit, "赵国强", "二组", 5, "低保贫困户"),
        ],
    };

    [GeneratedRegex(@"\d{17}[\dXx]")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"1\d{10}")]
    private static partial Regex MobilePhone();

    [GeneratedRegex(@"\d{11,}")]
    private static partial Regex LongDigitRun();

    [Fact]
    public void The_notice_names_its_village_batch_and_period_and_signs_as_the_posting_body()
    {
        var data = Data();
        var document = PublicNoticeComposer.Compose(data);
        var text = string.Concat(document.AllText());

        Assert.Equal("东坡村防止返贫监测和帮扶对象识别退出公示（2026年第3批）", document.Title);
        Assert.Equal("石桥镇东坡村防止返贫监测和帮扶对象识别退出公示（2026年第3批）", PublicNoticeComposer.FileName(data));
        Assert.Contains("下列4户已经东坡村民主评议通过", text);
        Assert.Contains("公示期自2026年3月9日起至2026年3月13日止，共5天。", text);
        Assert.Contains("请于2026年3月13日前通过电话或者当面向东坡村村民委员会反映（村委会办公室，电话0855-3221234）", text);
        Assert.Contains("对反映人的姓名和反映内容严格保密", text);
        Assert.Equal(["东坡村村民委员会", "2026年3月9日"], document.Blocks.OfType<SignatureBlock>().Single().Lines);
    }

    [Fact]
    public void The_lines_are_tabled_by_kind_in_procedural_order_each_numbered_from_one()
    {
        var tables = PublicNoticeComposer.Compose(Data()).Blocks.OfType<Table>().ToList();

        Assert.Equal(["一、拟识别为建档立卡贫困户（1户）", "二、拟退出（标注脱贫）户（2户）", "三、拟纳入防止返贫监测对象（1户）"], tables.Select(t => t.Caption));
        Assert.All(tables, t => Assert.Equal(["序号", "户主姓名", "村民小组", "家庭人口", "属性/类别", "公示事由"], t.Header));
        Assert.Equal(["1", "李小红", "—", "2", "低保贫困户", "经申请和评议，主要致贫原因为缺劳力"], tables[0].Rows.Single());
        Assert.Equal([["1", "王大山"], ["2", "赵国强"]], tables[1].Rows.Select(r => r.Take(2)));
        Assert.Equal(["1", "陈秀英", "三组", "3", "边缘易致贫户", "经核实存在返贫致贫风险，拟纳入边缘易致贫户"], tables[2].Rows.Single());
    }

    [Fact]
    public void An_empty_batch_says_so_instead_of_printing_empty_tables()
    {
        var document = PublicNoticeComposer.Compose(Data([]));
        Assert.Empty(document.Blocks.OfType<Table>());
        Assert.Contains("本批次没有列入公示的户。", string.Concat(document.AllText()));
    }

    [Fact]
    public void The_pdf_says_the_names_groups_reasons_and_dates_and_no_id_phone_account_or_illness()
    {
        var document = PublicNoticeComposer.Compose(Data());
        var pdf = new PdfRenderer(Fonts).Render(document);
        var path = Path.Combine(ReportOutput.Directory, "public-notice.pdf");
        File.WriteAllBytes(path, pdf);
        var text = ReportOutput.Text(pdf);

        Assert.Contains("东坡村防止返贫监测和帮扶对象识别退出公示（2026年第3批）", text);
        foreach (var name in new[] { "陈秀英", "王大山", "李小红", "赵国强" }) Assert.Contains(name, text);
        foreach (var group in new[] { "一组", "二组", "三组" }) Assert.Contains(group, text);
        Assert.Contains("2026年3月9日", text);
        Assert.Contains("2026年3月13日", text);
        Assert.Contains("东坡村村民委员会", text);
        foreach (var line in Data().Lines)
        {
            Assert.Contains(line.Reason, ReasonColumn(pdf));
        }

        Assert.DoesNotMatch(IdNumber(), text);
        Assert.DoesNotMatch(MobilePhone(), text);
        Assert.DoesNotMatch(LongDigitRun(), text);
        foreach (var secret in new[] { "尿毒症", "透析", "王某某", "存折", "病历", "银行流水" }) Assert.DoesNotContain(secret, text);
        Assert.True(File.Exists(ReportOutput.RenderFirstPage(path)));
    }

    [Fact]
    public void A_long_batch_runs_onto_more_pages_with_the_header_row_repeated_and_nothing_private()
    {
        var lines = Enumerable.Range(1, 40)
            .Select(i => Line((ProcedureKind)(i % 6), $"户主{ChineseFormat.Numeral(i)}", $"{ChineseFormat.Numeral(i % 7 + 1)}组", i % 6 + 1, "一般贫困户"))
            .ToList();
        var pdf = new PdfRenderer(Fonts).Render(PublicNoticeComposer.Compose(Data(lines)));
        var pages = ReportOutput.Lines(pdf);

        Assert.True(pages.Count > 1);
        Assert.All(pages.Skip(1), page => Assert.Contains(page, l => l.Replace(" ", "", StringComparison.Ordinal).Contains("东坡村防止返贫监测", StringComparison.Ordinal)));
        var text = ReportOutput.Text(pdf);
        Assert.Contains("户主四十", text);
        Assert.DoesNotMatch(LongDigitRun(), text);
        Assert.DoesNotContain("尿毒症", text);
    }

    [Fact]
    public void The_word_file_is_valid_and_holds_the_same_title_tables_and_sentences()
    {
        var document = PublicNoticeComposer.Compose(Data());
        var docx = new DocxRenderer(Fonts, new ReportFontOptions()).Render(document);
        File.WriteAllBytes(Path.Combine(ReportOutput.Directory, "public-notice.docx"), docx);

        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        var body = word.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText.Replace(" ", "", StringComparison.Ordinal)).Where(t => t.Length > 0).ToList();
        Assert.Contains(document.Title, paragraphs);
        Assert.Contains(paragraphs, p => p.Contains("公示期自2026年3月9日起至2026年3月13日止", StringComparison.Ordinal));
        Assert.Equal(3, body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count());
        var cells = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
        foreach (var expected in new[] { "李小红", "王大山", "赵国强", "陈秀英", "三组", "边缘易致贫户", "经申请和评议，主要致贫原因为缺劳力" })
        {
            Assert.Contains(expected, cells);
        }
        var all = body.InnerText;
        Assert.DoesNotMatch(LongDigitRun(), all);
        Assert.DoesNotContain("尿毒症", all);
    }

    /// <summary>The reason column's text of every table row, read back from the PDF by position (a long reason wraps in its cell).</summary>
    private static string ReasonColumn(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var left = PageSetup.Official.Left;
        var width = PageSetup.Official.Width;
        var weights = PublicNoticeComposer.ColumnWeights;
        var reasonLeft = left + width * (weights.Sum() - weights[^1]) / weights.Sum();
        return string.Concat(document.GetPages().SelectMany(page => page.Letters
            .Where(l => l.StartBaseLine.X >= reasonLeft)
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 0))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))));
    }
}
