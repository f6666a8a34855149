namespace PovertyPortal.Documents.Rendering;

/// <summary>
/// A document as the report composer builds it and both renderers (PDF and Word) read it, so the two files always
/// say the same thing. Blocks are laid out top to bottom; the renderers decide pages, fonts and spacing.
/// </summary>
public sealed record ReportDocument(string Title, IReadOnlyList<DocumentBlock> Blocks)
{
    /// <summary>Small text at the top of every page after the first (usually the title); null for none.</summary>
    public string? RunningHeader { get; init; }

    /// <summary>The page the PDF is laid out on; GB/T 9704 unless a document asks for another.</summary>
    public PageSetup Page { get; init; } = PageSetup.Official;

    /// <summary>Every character the document shows, page furniture included: what the font subsets must hold.</summary>
    public IEnumerable<string> AllText()
    {
        yield return Title;
        if (RunningHeader is not null) yield return RunningHeader;
        yield return PageFooter.Characters;
        foreach (var block in Blocks)
        {
            foreach (var text in block.Texts()) yield return text;
        }
    }
}

public abstract record DocumentBlock
{
    internal abstract IEnumerable<string> Texts();
}

/// <summary>一、 (level 1, 黑体) or （一） (level 2, 楷体) heading; the number is part of the text.</summary>
public sealed record Heading(int Level, string Text) : DocumentBlock
{
    internal override IEnumerable<string> Texts() => [Text];
}

/// <summary>A body paragraph, first line indented by two characters.</summary>
public sealed record Paragraph(string Text) : DocumentBlock
{
    internal override IEnumerable<string> Texts() => [Text];
}

/// <summary>A numbered item ("1、…"): a body paragraph whose number is kept with its text.</summary>
public sealed record NumberedItem(string Number, string Text) : DocumentBlock
{
    public string FullText => Number + Text;

    internal override IEnumerable<string> Texts() => [FullText];
}

/// <summary>A table; the header row is repeated on every page the table runs onto.</summary>
public sealed record Table(string? Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock
{
    /// <summary>Relative column widths; null for equal columns.</summary>
    public IReadOnlyList<float>? ColumnWeights { get; init; }

    /// <summary>Columns whose cells are right-aligned (figures).</summary>
    public IReadOnlySet<int> NumericColumns { get; init; } = new HashSet<int>();

    internal override IEnumerable<string> Texts()
    {
        if (Caption is not null) yield return Caption;
        foreach (var cell in Header) yield return cell;
        foreach (var row in Rows)
        {
            foreach (var cell in row) yield return cell;
        }
    }
}

/// <summary>A bar chart: drawn as vector graphics in the PDF, inserted as a PNG image in Word.</summary>
public sealed record BarChart(string Caption, string Unit, IReadOnlyList<BarChartItem> Items) : DocumentBlock
{
    internal override IEnumerable<string> Texts()
    {
        yield return Caption;
        yield return Unit;
        yield return "0123456789.,";
        foreach (var item in Items)
        {
            yield return item.Label;
            yield return item.ValueLabel;
        }
    }
}

public sealed record BarChartItem(string Label, decimal Value, string ValueLabel);

/// <summary>The closing signature: right-aligned lines (unit, then date), with space above.</summary>
public sealed record SignatureBlock(IReadOnlyList<string> Lines) : DocumentBlock
{
    internal override IEnumerable<string> Texts() => Lines;
}

/// <summary>The page number line at the foot of every page.</summary>
public static class PageFooter
{
    public static string Text(int page, int pages) => $"第 {page} 页 共 {pages} 页";

    internal const string Characters = "第页共 0123456789";
}
