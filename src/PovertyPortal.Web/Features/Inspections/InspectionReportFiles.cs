using PovertyPortal.Documents.InspectionReport;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Web.Features.Reports;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>The 检查情况报告 as PDF or Word, with the fonts the performance reports found (<see cref="PerformanceReportFiles"/>).</summary>
public sealed class InspectionReportFiles(PerformanceReportFiles files, Microsoft.Extensions.Options.IOptions<ReportFontOptions> options)
{
    public byte[] Render(InspectionReportData data, ReportFormat format)
    {
        var document = InspectionReportComposer.Compose(data);
        return format == ReportFormat.Pdf
            ? new PdfRenderer(files.Fonts, files.Clock).Render(document)
            : new DocxRenderer(files.Fonts, options.Value).Render(document);
    }

    public static string FileName(InspectionReportData data, ReportFormat format) =>
        InspectionReportComposer.TitleOf(data) + (format == ReportFormat.Pdf ? ".pdf" : ".docx");
}
