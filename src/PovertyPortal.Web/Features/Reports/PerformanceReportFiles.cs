using Microsoft.Extensions.Options;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Documents.PerformanceReport;

namespace PovertyPortal.Web.Features.Reports;

public enum ReportFormat
{
    Pdf,
    Docx,
}

/// <summary>
/// Renders performance reports to PDF or Word. Fonts are found once per process (configuration "Reports:Fonts");
/// when none is usable every call throws <see cref="ReportFontException"/> with a Chinese reason, and a later call
/// tries again, so installing a font does not need a restart.
/// </summary>
public sealed class PerformanceReportFiles(IOptions<ReportFontOptions> options, TimeProvider clock)
{
    private readonly Lock gate = new();
    private FontSet? fonts;

    public TimeProvider Clock => clock;

    public FontSet Fonts
    {
        get
        {
            lock (gate)
            {
                return fonts ??= ReportFontResolver.Resolve(options.Value);
            }
        }
    }

    public byte[] Render(PerformanceReportData data, ReportFormat format, ReportEdition edition) =>
        Render(PerformanceReportComposer.Compose(data, edition), format);

    /// <summary>Any composed document (the performance report, the inspection plan) in the format asked.</summary>
    public byte[] Render(ReportDocument document, ReportFormat format) => format == ReportFormat.Pdf
        ? new PdfRenderer(Fonts, clock).Render(document)
        : new DocxRenderer(Fonts, options.Value).Render(document);

    public static string FileName(PerformanceReportData data, ReportFormat format, ReportEdition edition) =>
        PerformanceReportComposer.TitleOf(data) + (edition == ReportEdition.Public ? "（公开版）" : "") +
        (format == ReportFormat.Pdf ? ".pdf" : ".docx");

    public static ReportFormat? ParseFormat(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "pdf" => ReportFormat.Pdf,
        "docx" or "word" => ReportFormat.Docx,
        _ => null,
    };
}
