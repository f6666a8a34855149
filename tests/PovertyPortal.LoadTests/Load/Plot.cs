using System.Globalization;
using SkiaSharp;

namespace PovertyPortal.LoadTests.Load;

/// <summary>plot.png: two panels, users vs p95 (ms) and users vs memory per circuit (MB), one point per step.</summary>
public static class Plot
{
    private const int PanelWidth = 640, Height = 480, Margin = 70;

    public static void Write(string path, IReadOnlyList<StepResult> steps, double p95LimitMs)
    {
        using var surface = SKSurface.Create(new SKImageInfo(PanelWidth * 2, Height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var users = steps.Select(s => (double)s.LiveCircuits).ToArray();
        DrawPanel(canvas, 0, "Users vs p95 latency (all interactions)", "p95 (ms)", users,
            steps.Select(s => (double?)s.Overall.P95).ToArray(), p95LimitMs, "limit " + p95LimitMs.ToString(CultureInfo.InvariantCulture) + " ms");
        DrawPanel(canvas, PanelWidth, "Users vs server memory per circuit", "MB per circuit", users,
            steps.Select(s => s.MemoryPerCircuitMb).ToArray(), 1.0, "goal 1 MB");
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    private static void DrawPanel(SKCanvas canvas, float left, string title, string yLabel, double[] xs, double?[] ys, double limit, string limitLabel)
    {
        using var typeface = SKTypeface.Default;
        using var titleFont = new SKFont(typeface, 18);
        using var font = new SKFont(typeface, 13);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(220, 220, 220), StrokeWidth = 1 };
        using var axis = new SKPaint { Color = SKColors.Black, StrokeWidth = 1.5f };
        using var line = new SKPaint { Color = new SKColor(30, 90, 168), StrokeWidth = 2.5f, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var dot = new SKPaint { Color = new SKColor(30, 90, 168), IsAntialias = true };
        using var limitPaint = new SKPaint { Color = new SKColor(200, 40, 40), StrokeWidth = 1.5f, PathEffect = SKPathEffect.CreateDash([6, 4], 0) };

        var plot = new SKRect(left + Margin, 50, left + PanelWidth - 30, Height - 60);
        canvas.DrawText(title, plot.MidX, 30, SKTextAlign.Center, titleFont, ink);

        var points = xs.Zip(ys).Where(p => p.Second is not null).Select(p => (X: p.First, Y: p.Second!.Value)).ToArray();
        var xMax = Nice(Math.Max(1, xs.DefaultIfEmpty(1).Max()));
        var yMax = Nice(Math.Max(limit * 1.2, points.Select(p => p.Y).DefaultIfEmpty(0).Max()));
        float X(double v) => plot.Left + (float)(v / xMax) * plot.Width;
        float Y(double v) => plot.Bottom - (float)(Math.Max(0, v) / yMax) * plot.Height;

        for (var i = 0; i <= 5; i++)
        {
            var yv = yMax * i / 5;
            canvas.DrawLine(plot.Left, Y(yv), plot.Right, Y(yv), grid);
            canvas.DrawText(Format(yv), plot.Left - 6, Y(yv) + 4, SKTextAlign.Right, font, ink);
            var xv = xMax * i / 5;
            canvas.DrawLine(X(xv), plot.Bottom, X(xv), plot.Bottom + 5, axis);
            canvas.DrawText(Format(xv), X(xv), plot.Bottom + 20, SKTextAlign.Center, font, ink);
        }
        canvas.DrawLine(plot.Left, plot.Top, plot.Left, plot.Bottom, axis);
        canvas.DrawLine(plot.Left, plot.Bottom, plot.Right, plot.Bottom, axis);
        canvas.DrawText("concurrent circuits (users)", plot.MidX, Height - 18, SKTextAlign.Center, font, ink);
        canvas.Save();
        canvas.RotateDegrees(-90, left + 18, plot.MidY);
        canvas.DrawText(yLabel, left + 18, plot.MidY, SKTextAlign.Center, font, ink);
        canvas.Restore();

        canvas.DrawLine(plot.Left, Y(limit), plot.Right, Y(limit), limitPaint);
        canvas.DrawText(limitLabel, plot.Right - 4, Y(limit) - 6, SKTextAlign.Right, font, ink);

        if (points.Length == 0)
        {
            canvas.DrawText("no data (give --server-pids for memory)", plot.MidX, plot.MidY, SKTextAlign.Center, font, ink);
            return;
        }
        for (var i = 1; i < points.Length; i++)
            canvas.DrawLine(X(points[i - 1].X), Y(points[i - 1].Y), X(points[i].X), Y(points[i].Y), line);
        foreach (var p in points)
        {
            canvas.DrawCircle(X(p.X), Y(p.Y), 4.5f, dot);
            canvas.DrawText(Format(p.Y), X(p.X), Y(p.Y) - 9, SKTextAlign.Center, font, ink);
        }
    }

    /// <summary>A round upper bound for an axis (1, 2, 2.5 or 5 times a power of ten).</summary>
    private static double Nice(double max)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var f in new[] { 1, 2, 2.5, 5, 10 })
            if (f * magnitude >= max) return f * magnitude;
        return 10 * magnitude;
    }

    private static string Format(double v) => v >= 100 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);
}
