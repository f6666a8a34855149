using PovertyPortal.Documents.Rendering;
using UglyToad.PdfPig;

namespace PovertyPortal.Tests.Reports;

public class PdfLayoutTests
{
    private static readonly FontSet Fonts = ReportFontResolver.Resolve();

    private static List<List<string>> PageLines(ReportDocument document) =>
        ReportOutput.Lines(new PdfRenderer(Fonts).Render(document), bodyOnly: true);

    [Fact]
    public void A_long_table_repeats_its_header_row_on_every_page()
    {
        var rows = Enumerable.Range(1, 80).Select(i => (IReadOnlyList<string>)[$"第{i}行", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        var document = new ReportDocument("表格测试", [new Table("表1　测试", ["项目名称", "数量"], rows)]);

        var pages = PageLines(document);

        Assert.True(pages.Count >= 3);
        Assert.All(pages, page => Assert.Contains(page, l => l.Replace(" ", "", StringComparison.Ordinal) == "项目名称数量"));
        Assert.Contains(pages[^1], l => l.Contains("第80行", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heading_is_never_the_last_line_of_a_page()
    {
        // Enough one-line paragraphs to leave room for exactly one more line, then a heading and its text.
        var blocks = new List<DocumentBlock>();
        for (var i = 0; i < 19; i++) blocks.Add(new Paragraph($"第{i + 1}段。"));
        blocks.Add(new Heading(1, "二、工作落实情况"));
        blocks.Add(new Paragraph("截止年底建档立卡全村共有贫困户。"));

        var pages = PageLines(new ReportDocument("分页测试", blocks));

        Assert.Equal(2, pages.Count);
        Assert.Equal("二、工作落实情况", pages[1][0].Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_signature_never_stands_alone_on_a_page()
    {
        var blocks = new List<DocumentBlock>();
        for (var i = 0; i < 21; i++) blocks.Add(new Paragraph($"第{i + 1}段。"));
        blocks.Add(new SignatureBlock(["栗子湾村村民委员会", "2018年12月28日"]));

        var pages = PageLines(new ReportDocument("落款测试", blocks));

        Assert.Equal(2, pages.Count);
        Assert.Equal(4, pages[1].Count);
        Assert.Equal("第20段。", pages[1][0].Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_page_has_its_number_and_the_total()
    {
        var blocks = Enumerable.Range(1, 50).Select(i => (DocumentBlock)new Paragraph($"第{i}段。")).ToList();
        using var pdf = PdfDocument.Open(new PdfRenderer(Fonts).Render(new ReportDocument("页码测试", blocks)));

        var pages = pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, pages.Count);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"第{i + 1}页共3页", pages[i], StringComparison.Ordinal);
    }
}
