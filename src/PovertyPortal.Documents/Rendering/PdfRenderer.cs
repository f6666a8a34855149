using SkiaSharp;

namespace PovertyPortal.Documents.Rendering;

/// <summary>
/// Lays a <see cref="ReportDocument"/> out on GB/T 9704 pages and draws it through Skia's PDF backend, with each
/// font subset to the document's characters (see <see cref="FontSubsetter"/>). Layout measures with the full
/// fonts; the subsets keep the same advances, so the positions hold.
/// </summary>
public sealed class PdfRenderer(FontSet fonts, TimeProvider? clock = null)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public byte[] Render(ReportDocument document)
    {
        using var output = new MemoryStream();
        Render(document, output);
        return output.ToArray();
    }

    public void Render(ReportDocument document, Stream output)
    {
        var pages = new PdfLayout(fonts).Layout(document);
        var typefaces = SubsetTypefaces(pages);
        var now = clock.GetLocalNow().DateTime;
        try
        {
            using var skStream = new SKManagedWStream(output);
            var metadata = new SKDocumentPdfMetadata
            {
                Title = document.Title,
                Creator = "驻村帮扶工作管理平台",
                Producer = "PovertyPortal",
                Creation = now,
                Modified = now,
            };
            using var pdf = SKDocument.CreatePdf(skStream, metadata);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            for (var p = 0; p < pages.Count; p++)
            {
                var canvas = pdf.BeginPage(document.Page.PageWidth, document.Page.PageHeight);
                foreach (var op in pages[p].Ops) op.Draw(canvas, typefaces, paint);
                pdf.EndPage();
            }
            pdf.Close();
        }
        finally
        {
            foreach (var typeface in typefaces.Values.Distinct()) typeface.Dispose();
        }
    }

    private Dictionary<FontRole, SKTypeface> SubsetTypefaces(List<LaidOutPage> pages)
    {
        var perRole = Enum.GetValues<FontRole>().ToDictionary(r => r, _ => new HashSet<int>());
        foreach (var op in pages.SelectMany(p => p.Ops))
        {
            foreach (var (role, text) in op.Texts())
            {
                var set = perRole[role];
                foreach (var rune in text.EnumerateRunes()) set.Add(rune.Value);
            }
        }

        var result = new Dictionary<FontRole, SKTypeface>();
        foreach (var group in Enum.GetValues<FontRole>().GroupBy(r => fonts[r].Key))
        {
            var face = fonts[group.First()];
            var codepoints = group.SelectMany(r => perRole[r]).ToHashSet();
            using var probe = new SKFont(face.Typeface, 12);
            var missing = codepoints.Where(cp => cp > 32 && !probe.ContainsGlyph(cp)).ToList();
            if (missing.Count > 0)
            {
                var chars = string.Concat(missing.Take(20).Select(char.ConvertFromUtf32));
                throw new ReportFontException($"字体 {face.Typeface.FamilyName} 缺少以下字符的字形：{chars}。请在配置 Reports:Fonts 中指定包含这些字符的中文字体。");
            }
            var bytes = FontSubsetter.Subset(face, codepoints);
            using var data = SKData.CreateCopy(bytes);
            var typeface = SKTypeface.FromData(data) ?? throw new ReportFontException($"字体子集无法加载（{face.Key}）。");
            foreach (var role in group) result[role] = typeface;
        }
        return result;
    }
}
