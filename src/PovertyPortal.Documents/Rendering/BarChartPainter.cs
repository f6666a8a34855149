using System.Globalization;
using SkiaSharp;

namespace PovertyPortal.Documents.Rendering;

/// <summary>
/// Draws a <see cref="BarChart"/> on any Skia canvas: the PDF page (vectors, subset fonts) or a raster surface
/// whose PNG goes into the Word file, so both show the same chart.
/// </summary>
public static class BarChartPainter
{
    public const float PreferredHeight = 230f;
    private const float CaptionSize = 13f;
    private const float LabelSize = 10f;
    private static readonly SKColor BarColor = new(0x3A, 0x6E, 0xA5);

    public static IEnumerable<(FontRole Role, string Text)> Texts(BarChart chart)
    {
        yield return (FontRole.Heading1, chart.Caption);
        yield return (FontRole.Body, "单位：" + chart.Unit);
        foreach (var tick in Ticks(chart)) yield return (FontRole.Body, tick.Label);
        foreach (var item in chart.Items)
        {
            yield return (FontRole.Body, item.Label);
            yield return (FontRole.Body, item.ValueLabel);
        }
    }

    private static readonly double[] NiceSteps = [1d, 2d, 2.5d, 5d, 10d];

    private static List<(decimal Value, string Label)> Ticks(BarChart chart)
    {
        var max = chart.Items.Count == 0 ? 0 : chart.Items.Max(i => i.Value);
        if (max <= 0) max = 1;
        var rough = (double)max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = NiceSteps.Select(m => m * magnitude).First(s => s >= rough);
        var ticks = new List<(decimal, string)>();
        for (var v = 0d; v < (double)max + step * 0.999; v += step)
        {
            ticks.Add(((decimal)v, v.ToString(step >= 1 ? "#,##0" : "#,##0.##", CultureInfo.InvariantCulture)));
        }
        return ticks;
    }

    public static void Paint(SKCanvas canvas, BarChart chart, SKRect area, Func<FontRole, SKTypeface> typeface)
    {
        using var captionFont = new SKFont(typeface(FontRole.Heading1), CaptionSize);
        using var labelFont = new SKFont(typeface(FontRole.Body), LabelSize);
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var axis = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.8f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(0xCC, 0xCC, 0xCC), StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var bar = new SKPaint { Color = BarColor, Style = SKPaintStyle.Fill, IsAntialias = true };

        canvas.DrawText(chart.Caption, area.MidX, area.Top + CaptionSize + 2, SKTextAlign.Center, captionFont, text);
        canvas.DrawText("单位：" + chart.Unit, area.Right - 4, area.Top + CaptionSize + 22, SKTextAlign.Right, labelFont, text);

        var ticks = Ticks(chart);
        var top = (decimal)ticks[^1].Value;
        var tickWidth = ticks.Max(t => labelFont.MeasureText(t.Label));
        var plot = new SKRect(area.Left + tickWidth + 8, area.Top + CaptionSize + 34, area.Right - 4, area.Bottom - 2 * LabelSize - 10);

        foreach (var (value, label) in ticks)
        {
            var ty = plot.Bottom - (float)(value / top) * plot.Height;
            canvas.DrawLine(plot.Left, ty, plot.Right, ty, grid);
            canvas.DrawText(label, plot.Left - 4, ty + LabelSize * 0.35f, SKTextAlign.Right, labelFont, text);
        }
        canvas.DrawLine(plot.Left, plot.Top, plot.Left, plot.Bottom, axis);
        canvas.DrawLine(plot.Left, plot.Bottom, plot.Right, plot.Bottom, axis);

        if (chart.Items.Count == 0) return;
        var slot = plot.Width / chart.Items.Count;
        var barWidth = Math.Min(slot * 0.6f, 48f);
        for (var i = 0; i < chart.Items.Count; i++)
        {
            var item = chart.Items[i];
            var cx = plot.Left + slot * (i + 0.5f);
            var h = (float)(item.Value / top) * plot.Height;
            canvas.DrawRect(new SKRect(cx - barWidth / 2, plot.Bottom - h, cx + barWidth / 2, plot.Bottom), bar);
            canvas.DrawText(item.ValueLabel, cx, plot.Bottom - h - 3, SKTextAlign.Center, labelFont, text);
            var lines = LineBreaker.Break(item.Label, slot - 2, 0, u => labelFont.MeasureText(u));
            var ly = plot.Bottom + LabelSize + 3;
            foreach (var line in lines.Take(2))
            {
                canvas.DrawText(string.Concat(line), cx, ly, SKTextAlign.Center, labelFont, text);
                ly += LabelSize + 2;
            }
        }
    }

    /// <summary>The chart as a PNG for Word, at <paramref name="scale"/> pixels per point.</summary>
    public static byte[] RenderPng(BarChart chart, FontSet fonts, float widthPoints, float scale = 2f)
    {
        var info = new SKImageInfo((int)(widthPoints * scale), (int)(PreferredHeight * scale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        Paint(canvas, chart, new SKRect(0, 0, widthPoints, PreferredHeight), role => fonts[role].Typeface);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
