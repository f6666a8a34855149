using PovertyPortal.Documents.Rendering;
using SkiaSharp;

namespace PovertyPortal.Tests.Reports;

public class ReportFontTests
{
    [Fact]
    public void Every_role_gets_a_font_with_chinese_glyphs()
    {
        var fonts = ReportFontResolver.Resolve();

        foreach (var role in Enum.GetValues<FontRole>())
        {
            using var font = new SKFont(fonts[role].Typeface, 12);
            Assert.True(font.ContainsGlyphs("栗子湾村履职报告，。（）"), role.ToString());
        }
    }

    [Fact]
    public void A_configured_font_without_chinese_glyphs_is_refused_with_a_chinese_reason()
    {
        var latinOnly = Directory.EnumerateFiles("/usr/share/fonts", "DejaVuSans.ttf", SearchOption.AllDirectories).FirstOrDefault()
            ?? Directory.EnumerateFiles("/usr/share/fonts", "*.ttf", SearchOption.AllDirectories).First(f => !f.Contains("wqy", StringComparison.Ordinal));

        var error = Assert.Throws<ReportFontException>(() => ReportFontResolver.Resolve(new ReportFontOptions { Body = latinOnly }));

        Assert.Contains("Reports:Fonts:Body", error.Message);
        Assert.Contains("中文字体", error.Message);
    }

    [Fact]
    public void A_missing_font_family_is_not_silently_replaced()
    {
        Assert.Null(ReportFontResolver.Load("No Such Family 不存在的字体"));
        Assert.Null(ReportFontResolver.Load("/nonexistent/font.ttf"));
    }

    [Fact]
    public void Subset_holds_only_the_asked_characters_and_is_small()
    {
        var face = ReportFontResolver.Resolve()[FontRole.Body];

        var bytes = FontSubsetter.Subset(face, "栗子湾村".EnumerateRunes().Select(r => r.Value));
        using var data = SKData.CreateCopy(bytes);
        using var subset = SKTypeface.FromData(data);
        using var font = new SKFont(subset, 12);

        Assert.True(bytes.Length < 50_000, $"{bytes.Length} bytes");
        Assert.True(font.ContainsGlyphs("栗子湾村"));
        Assert.False(font.ContainsGlyphs("户"));
    }
}
