using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Documents.PerformanceReport;

namespace PovertyPortal.Tests.Reports;

public class PerformanceReportDocxTests
{
    private static readonly FontSet Fonts = ReportFontResolver.Resolve();

    private static byte[] Docx(ReportDocument document) => new DocxRenderer(Fonts, new ReportFontOptions()).Render(document);

    [Fact]
    public void Word_file_passes_the_open_xml_validator()
    {
        var bytes = Docx(PerformanceReportComposer.Compose(ReportSamples.FanWen()));
        File.WriteAllBytes(Path.Combine(ReportOutput.Directory, "fanwen-2018.docx"), bytes);

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Word_file_says_what_the_pdf_says()
    {
        var document = PerformanceReportComposer.Compose(ReportSamples.FanWen());
        var pdfText = ReportOutput.BodyText(new PdfRenderer(Fonts).Render(document));

        using var word = WordprocessingDocument.Open(new MemoryStream(Docx(document)), false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText.Replace(" ", "", StringComparison.Ordinal)).Where(t => t.Length > 0).ToList();

        Assert.Contains("栗子湾村2018年驻村工作队履职报告", paragraphs);
        foreach (var paragraph in paragraphs) Assert.Contains(paragraph, pdfText);
        Assert.Equal(2, word.MainDocumentPart.ImageParts.Count());
        Assert.Contains(word.MainDocumentPart.Document.Body.Descendants<RunFonts>(), f => f.EastAsia == "仿宋");
        Assert.Contains(word.MainDocumentPart.Document.Body.Descendants<Indentation>(), i => i.FirstLine == "640");
        Assert.Single(word.MainDocumentPart.Document.Body.Descendants<TableHeader>());
    }
}
