using PovertyPortal.Documents.Rendering;
using PovertyPortal.Documents.PerformanceReport;

namespace PovertyPortal.Tests.Reports;

public class PerformanceReportPdfTests
{
    private static readonly FontSet Fonts = ReportFontResolver.Resolve();

    private static byte[] Render(PerformanceReportData data, ReportEdition edition = ReportEdition.Internal) =>
        new PdfRenderer(Fonts).Render(PerformanceReportComposer.Compose(data, edition));

    [Fact]
    public void Every_figure_of_the_record_reads_back_from_the_pdf()
    {
        var pdf = Render(ReportSamples.FanWen());
        var text = ReportOutput.Text(pdf);

        Assert.Contains("栗子湾村2018年驻村工作队履职报告", text);
        Assert.Contains("共有贫困户112户310人", text);
        Assert.Contains("五保22户22人，低保37户89人，一般贫困户53户199人", text);
        Assert.Contains("因病致贫14户，因学致贫11户，因残致贫33户", text);
        Assert.Contains("易地搬迁20户25人", text);
        Assert.Contains("2018年脱贫74户159人", text);
        Assert.Contains("贫困人口存量1户3人", text);
        Assert.Contains("10个村民小组，18个自然垸落，393户，1,488人", text);
        Assert.Contains("山林面积2,500亩", text);
        Assert.Contains("以刘秀芬等75户97人", text);
        Assert.Contains("92,690元", text);
        Assert.Contains("117,500.50元", text);
        Assert.Contains("入户走访326次", text);
        Assert.Contains("修通水泥路7.8公里", text);
        Assert.Contains("落实率95%", text);
        Assert.Contains("栗子湾村村民委员会", text);
        Assert.Contains("2018年12月28日", text);
        Assert.Contains("第1页共", text);
    }

    [Fact]
    public void Text_extracts_as_the_same_unicode_without_kangxi_radicals()
    {
        var pdf = Render(ReportSamples.FanWen());
        var text = ReportOutput.Text(pdf);

        Assert.DoesNotContain(text, c => c is >= '\u2F00' and <= '\u2FDF' or >= '\u2E80' and <= '\u2EFF');
        Assert.DoesNotContain('\uFFFD', text);
        // Characters that Noto maps to both the ideograph and the radical come back as the ideograph.
        Assert.Contains("一般贫困户", text);
        Assert.Contains("户", text);
    }

    [Fact]
    public void No_line_starts_with_closing_punctuation_nor_ends_with_opening_punctuation()
    {
        var lines = ReportOutput.Lines(Render(ReportSamples.FanWen())).SelectMany(p => p).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        Assert.True(lines.Count > 40);
        Assert.DoesNotContain(lines, l => LineBreaker.NoLineStart.Contains(l[0]));
        Assert.DoesNotContain(lines, l => LineBreaker.NoLineEnd.Contains(l[^1]));
        // 1,488 is never split over two lines.
        Assert.Contains(lines, l => l.Contains("1,488", StringComparison.Ordinal));
    }

    [Fact]
    public void Fonts_are_subset_so_a_report_stays_small()
    {
        var pdf = Render(ReportSamples.FanWen());

        Assert.True(pdf.Length < 400_000, $"{pdf.Length} bytes");
    }

    [Fact]
    public void Public_edition_masks_example_names()
    {
        var text = ReportOutput.Text(Render(ReportSamples.FanWen(), ReportEdition.Public));

        Assert.Contains("以刘**等75户97人", text);
        Assert.DoesNotContain("刘秀芬", text);
        Assert.Contains("（公开版）", text);
    }

    [Fact]
    public void Page_one_renders_to_png_as_test_output()
    {
        var pdfPath = Path.Combine(ReportOutput.Directory, "fanwen-2018.pdf");
        File.WriteAllBytes(pdfPath, Render(ReportSamples.FanWen()));

        var png = ReportOutput.RenderFirstPage(pdfPath);

        Assert.True(new FileInfo(png).Length > 10_000);
    }
}
