using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace PovertyPortal.Tests.Reports;

/// <summary>Reading generated reports back, as a person copying text out of the PDF would.</summary>
internal static class ReportOutput
{
    /// <summary>artifacts/test-results/reports under the repository: kept as test output for people to look at.</summary>
    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PovertyPortal.sln"))) dir = dir.Parent;
            var root = dir?.FullName ?? Path.GetTempPath();
            var path = Path.Combine(root, "artifacts", "test-results", "reports");
            System.IO.Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>The text lines of every page, top to bottom: letters grouped by baseline, in reading order.</summary>
    public static List<List<string>> Lines(byte[] pdf, bool bodyOnly = false)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<List<string>>();
        foreach (var page in document.GetPages())
        {
            pages.Add(LinesOf(page, bodyOnly));
        }
        return pages;
    }

    // The type area in PDF coordinates (origin bottom left): header and footer lie outside it.
    private const double AreaTop = 841.89 - 37 * 72 / 25.4;
    private const double AreaBottom = 841.89 - (37 + 225) * 72 / 25.4;

    private static List<string> LinesOf(Page page, bool bodyOnly) => page.Letters
        .Where(l => !bodyOnly || l.StartBaseLine.Y < AreaTop && l.StartBaseLine.Y > AreaBottom)
        .GroupBy(l => Math.Round(l.StartBaseLine.Y, 0))
        .OrderByDescending(g => g.Key)
        .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))
        .ToList();

    /// <summary>All text, lines joined without spaces, so a sentence broken over lines reads as one.</summary>
    public static string Text(byte[] pdf) => string.Concat(Lines(pdf).SelectMany(p => p)).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The text of the type area only (no running header, no page numbers), so paragraphs read through page breaks.</summary>
    public static string BodyText(byte[] pdf) => string.Concat(Lines(pdf, bodyOnly: true).SelectMany(p => p)).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Renders page 1 with poppler's pdftoppm to a PNG next to the PDF; returns the PNG's path.</summary>
    public static string RenderFirstPage(string pdfPath)
    {
        var prefix = Path.ChangeExtension(pdfPath, null) + "-page";
        var info = new ProcessStartInfo("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdfPath, prefix])
        {
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return prefix + ".png";
    }
}
