using SkiaSharp;
using static PovertyPortal.Documents.Rendering.PageGeometry;

namespace PovertyPortal.Documents.Rendering;

/// <summary>One thing drawn on a page; <see cref="Texts"/> tells the subsetter which characters it needs.</summary>
internal abstract record DrawOp
{
    public abstract void Draw(SKCanvas canvas, IReadOnlyDictionary<FontRole, SKTypeface> typefaces, SKPaint paint);

    public virtual IEnumerable<(FontRole Role, string Text)> Texts() => [];
}

internal sealed record TextOp(FontRole Role, float Size, string Text, float X, float Baseline) : DrawOp
{
    public override void Draw(SKCanvas canvas, IReadOnlyDictionary<FontRole, SKTypeface> typefaces, SKPaint paint)
    {
        using var font = new SKFont(typefaces[Role], Size);
        canvas.DrawText(Text, X, Baseline, SKTextAlign.Left, font, paint);
    }

    public override IEnumerable<(FontRole Role, string Text)> Texts() => [(Role, Text)];
}

internal sealed record LineOp(float X1, float Y1, float X2, float Y2, float Stroke) : DrawOp
{
    public override void Draw(SKCanvas canvas, IReadOnlyDictionary<FontRole, SKTypeface> typefaces, SKPaint paint)
    {
        using var line = new SKPaint { Color = SKColors.Black, StrokeWidth = Stroke, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawLine(X1, Y1, X2, Y2, line);
    }
}

internal sealed record FillOp(SKRect Rect, SKColor Color) : DrawOp
{
    public override void Draw(SKCanvas canvas, IReadOnlyDictionary<FontRole, SKTypeface> typefaces, SKPaint paint)
    {
        using var fill = new SKPaint { Color = Color, Style = SKPaintStyle.Fill };
        canvas.DrawRect(Rect, fill);
    }
}

internal sealed record ChartOp(BarChart Chart, SKRect Area) : DrawOp
{
    public override void Draw(SKCanvas canvas, IReadOnlyDictionary<FontRole, SKTypeface> typefaces, SKPaint paint) =>
        BarChartPainter.Paint(canvas, Chart, Area, role => typefaces[role]);

    public override IEnumerable<(FontRole Role, string Text)> Texts() => BarChartPainter.Texts(Chart);
}

internal sealed class LaidOutPage
{
    public List<DrawOp> Ops { get; } = [];
}

/// <summary>The layout pass: blocks into lines, lines onto pages. Pure geometry; nothing is drawn here.</summary>
internal sealed class PdfLayout(FontSet fonts)
{
    private readonly List<LaidOutPage> pages = [];
    private readonly Dictionary<(FontRole, float), (SKFont Font, Dictionary<string, float> Widths)> measures = [];
    private LaidOutPage page = null!;
    private float y;

    // The document's page: these names hide PageGeometry's constants of the same name, so the layout below reads
    // the same for the official page and for any other.
    private PageSetup setup = PageSetup.Official;
    private float Left => setup.Left;
    private float Top => setup.Top;
    private float Width => setup.Width;
    private float Bottom => setup.Bottom;
    private float TitleSize => setup.TitleSize;
    private float TitleLineHeight => setup.TitleLineHeight;
    private float BodySize => setup.BodySize;
    private float LineHeight => setup.LineHeight;
    private float TableSize => setup.TableSize;
    private float TableLineHeight => setup.TableLineHeight;
    private float FooterSize => setup.FooterSize;
    private float HeaderSize => setup.HeaderSize;
    private float Indent => setup.Indent;

    // Where each line of the last text block starts (page, first op, top), so the signature can take the last lines
    // with it to a new page: GB/T 9704 forbids a page that holds only the signature.
    private readonly List<(LaidOutPage Page, int Op, float Top)> lastBlockLines = [];

    public List<LaidOutPage> Layout(ReportDocument document)
    {
        try
        {
            setup = document.Page;
            NewPage();
            LayoutTitle(document.Title);
            for (var i = 0; i < document.Blocks.Count; i++)
            {
                var block = document.Blocks[i];
                switch (block)
                {
                    case Heading heading:
                        // Keep a heading with the first two lines (or the table header and first row) that follow it.
                        var needed = LineHeight * (1 + 2) + (i + 1 < document.Blocks.Count && document.Blocks[i + 1] is Table or BarChart ? TableLineHeight * 3 : 0);
                        if (y + needed > Bottom) NewPage();
                        var role = heading.Level == 1 ? FontRole.Heading1 : FontRole.Heading2;
                        LayoutText(heading.Text, role, BodySize, LineHeight, Indent, justify: true);
                        break;
                    case Paragraph paragraph:
                        LayoutText(paragraph.Text, FontRole.Body, BodySize, LineHeight, Indent, justify: true);
                        break;
                    case NumberedItem item:
                        LayoutText(item.FullText, FontRole.Body, BodySize, LineHeight, Indent, justify: true);
                        break;
                    case Table table:
                        LayoutTable(table);
                        break;
                    case BarChart chart:
                        LayoutChart(chart);
                        break;
                    case SignatureBlock signature:
                        LayoutSignature(signature);
                        break;
                }
            }
            AddPageFurniture(document);
            return pages;
        }
        finally
        {
            foreach (var (font, _) in measures.Values) font.Dispose();
        }
    }

    private void NewPage()
    {
        page = new LaidOutPage();
        pages.Add(page);
        y = Top;
    }

    private float Measure(FontRole role, float size, string text)
    {
        if (!measures.TryGetValue((role, size), out var m))
        {
            m = (new SKFont(fonts[role].Typeface, size), new Dictionary<string, float>());
            measures[(role, size)] = m;
        }
        if (!m.Widths.TryGetValue(text, out var width))
        {
            width = m.Font.MeasureText(text);
            m.Widths[text] = width;
        }
        return width;
    }

    private static float BaselineIn(float top, float lineHeight, float size) => top + lineHeight / 2 + size * 0.36f;

    private void LayoutTitle(string title)
    {
        var lines = LineBreaker.Break(title, Width, 0, u => Measure(FontRole.Title, TitleSize, u));
        foreach (var line in lines)
        {
            var text = string.Concat(line);
            var w = Measure(FontRole.Title, TitleSize, text);
            page.Ops.Add(new TextOp(FontRole.Title, TitleSize, text, Left + (Width - w) / 2, BaselineIn(y, TitleLineHeight, TitleSize)));
            y += TitleLineHeight;
        }
        y += LineHeight;
    }

    private void LayoutText(string text, FontRole role, float size, float lineHeight, float firstIndent, bool justify)
    {
        var lines = LineBreaker.Break(text, Width, firstIndent, u => Measure(role, size, u));
        lastBlockLines.Clear();
        for (var i = 0; i < lines.Count; i++)
        {
            if (y + lineHeight > Bottom + 0.5f) NewPage();
            lastBlockLines.Add((page, page.Ops.Count, y));
            var x = Left + (i == 0 ? firstIndent : 0);
            var available = Width - (i == 0 ? firstIndent : 0);
            PlaceLine(lines[i], role, size, x, available, BaselineIn(y, lineHeight, size), justify && i < lines.Count - 1);
            y += lineHeight;
        }
    }

    /// <summary>A justified line spreads the spare width over the gaps between its units.</summary>
    private void PlaceLine(List<string> units, FontRole role, float size, float x, float available, float baseline, bool justify)
    {
        if (!justify || units.Count < 2)
        {
            page.Ops.Add(new TextOp(role, size, string.Concat(units), x, baseline));
            return;
        }
        var widths = units.Select(u => Measure(role, size, u)).ToList();
        var gap = (available - widths.Sum()) / (units.Count - 1);
        // A line with very few units (a long number) would look torn apart: leave it ragged instead.
        if (gap > size * 1.5f)
        {
            page.Ops.Add(new TextOp(role, size, string.Concat(units), x, baseline));
            return;
        }
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i] != " ") page.Ops.Add(new TextOp(role, size, units[i], x, baseline));
            x += widths[i] + gap;
        }
    }

    private void LayoutTable(Table table)
    {
        lastBlockLines.Clear();
        var columns = table.Header.Count;
        var weights = table.ColumnWeights ?? Enumerable.Repeat(1f, columns).ToList();
        var total = weights.Sum();
        var widths = weights.Select(w => Width * w / total).ToArray();
        var pad = setup.TablePadding;

        List<List<string>>[] Wrap(IReadOnlyList<string> cells, FontRole role) =>
            cells.Select((c, i) => LineBreaker.Break(c, widths[i] - 2 * pad, 0, u => Measure(role, TableSize, u))).ToArray();

        float RowHeight(List<List<string>>[] cells) => cells.Max(c => Math.Max(1, c.Count)) * TableLineHeight + 2 * pad;

        var header = Wrap(table.Header, FontRole.Heading1);
        var headerHeight = RowHeight(header);

        var captionHeight = table.Caption is null ? 0 : LineHeight;
        var firstRowHeight = table.Rows.Count > 0 ? RowHeight(Wrap(table.Rows[0], FontRole.Body)) : 0;
        if (y + captionHeight + headerHeight + firstRowHeight > Bottom) NewPage();
        if (table.Caption is not null)
        {
            var w = Measure(FontRole.Heading1, setup.CaptionSize, table.Caption);
            page.Ops.Add(new TextOp(FontRole.Heading1, setup.CaptionSize, table.Caption, Left + (Width - w) / 2, BaselineIn(y, LineHeight, setup.CaptionSize)));
            y += LineHeight;
        }

        void DrawRow(List<List<string>>[] cells, float height, FontRole role, bool isHeader)
        {
            if (isHeader) page.Ops.Add(new FillOp(new SKRect(Left, y, Left + Width, y + height), new SKColor(0xE8, 0xE8, 0xE8)));
            var x = Left;
            for (var c = 0; c < columns; c++)
            {
                var lineTop = y + pad;
                foreach (var line in cells[c])
                {
                    var text = string.Concat(line);
                    var w = Measure(role, TableSize, text);
                    var tx = isHeader ? x + (widths[c] - w) / 2
                        : table.NumericColumns.Contains(c) ? x + widths[c] - pad - w
                        : x + pad;
                    page.Ops.Add(new TextOp(role, TableSize, text, tx, BaselineIn(lineTop, TableLineHeight, TableSize)));
                    lineTop += TableLineHeight;
                }
                page.Ops.Add(new LineOp(x, y, x, y + height, 0.5f));
                x += widths[c];
            }
            page.Ops.Add(new LineOp(Left + Width, y, Left + Width, y + height, 0.5f));
            page.Ops.Add(new LineOp(Left, y, Left + Width, y, 0.5f));
            page.Ops.Add(new LineOp(Left, y + height, Left + Width, y + height, 0.5f));
            y += height;
        }

        DrawRow(header, headerHeight, FontRole.Heading1, true);
        foreach (var row in table.Rows)
        {
            var cells = Wrap(row, FontRole.Body);
            var height = RowHeight(cells);
            if (y + height > Bottom)
            {
                NewPage();
                DrawRow(header, headerHeight, FontRole.Heading1, true);
            }
            DrawRow(cells, height, FontRole.Body, false);
        }
        y += TableLineHeight / 2;
    }

    private void LayoutChart(BarChart chart)
    {
        lastBlockLines.Clear();
        var height = BarChartPainter.PreferredHeight;
        if (y + height > Bottom) NewPage();
        page.Ops.Add(new ChartOp(chart, new SKRect(Left, y, Left + Width, y + height)));
        y += height + TableLineHeight / 2;
    }

    private void LayoutSignature(SignatureBlock signature)
    {
        var needed = LineHeight * (signature.Lines.Count + 1);
        if (y + needed > Bottom) CarryLastLinesToNewPage(2);
        y += LineHeight;
        // GB/T 9704: the signature and date stand right, four characters from the edge; the unit is centred on the date.
        var dateWidth = signature.Lines.Count > 0 ? Measure(FontRole.Body, BodySize, signature.Lines[^1]) : 0;
        var right = Left + Width - 4 * BodySize;
        var centre = right - dateWidth / 2;
        foreach (var line in signature.Lines)
        {
            var w = Measure(FontRole.Body, BodySize, line);
            var x = Math.Min(centre - w / 2, Left + Width - w);
            page.Ops.Add(new TextOp(FontRole.Body, BodySize, line, x, BaselineIn(y, LineHeight, BodySize)));
            y += LineHeight;
        }
    }

    private void CarryLastLinesToNewPage(int count)
    {
        var carried = lastBlockLines.Count >= count + 1 && lastBlockLines[^count].Page == page
            ? lastBlockLines[^count]
            : default;
        if (carried.Page is null)
        {
            NewPage();
            return;
        }
        var moved = page.Ops.Skip(carried.Op).ToList();
        page.Ops.RemoveRange(carried.Op, moved.Count);
        NewPage();
        var shift = Top - carried.Top;
        foreach (var op in moved) page.Ops.Add(op is TextOp t ? t with { Baseline = t.Baseline + shift } : op);
        y += LineHeight * count;
    }

    private void AddPageFurniture(ReportDocument document)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            var ops = pages[i].Ops;
            var footer = PageFooter.Text(i + 1, pages.Count);
            var fw = Measure(FontRole.Body, FooterSize, footer);
            ops.Add(new TextOp(FontRole.Body, FooterSize, footer, Left + (Width - fw) / 2, Bottom + setup.FooterOffset));
            if (i > 0 && document.RunningHeader is { } header)
            {
                var hw = Measure(FontRole.Body, HeaderSize, header);
                var baseline = Top - setup.HeaderOffset;
                ops.Add(new TextOp(FontRole.Body, HeaderSize, header, Left + (Width - hw) / 2, baseline));
                ops.Add(new LineOp(Left, baseline + 4, Left + Width, baseline + 4, 0.5f));
            }
        }
    }
}
