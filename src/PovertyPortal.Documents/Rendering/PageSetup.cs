namespace PovertyPortal.Documents.Rendering;

/// <summary>
/// The page a PDF is laid out on, in points: paper, type area and type sizes. <see cref="Official"/> is GB/T 9704
/// (<see cref="PageGeometry"/>), what every report uses; <see cref="CompactLandscape"/> is for one-page statistical
/// summaries (the county dashboard) whose tables must hold a county's 20–25 townships with their figures.
/// The Word renderer always writes the official page.
/// </summary>
public sealed record PageSetup
{
    public float PageWidth { get; init; }
    public float PageHeight { get; init; }
    public float Left { get; init; }
    public float Top { get; init; }
    public float Width { get; init; }
    public float Height { get; init; }
    public float Bottom => Top + Height;

    public float TitleSize { get; init; }
    public float TitleLineHeight { get; init; }
    public float BodySize { get; init; }
    public float LineHeight { get; init; }
    public float TableSize { get; init; }
    public float TableLineHeight { get; init; }

    /// <summary>Space between a table cell's border and its text.</summary>
    public float TablePadding { get; init; }
    public float CaptionSize { get; init; }
    public float FooterSize { get; init; }

    /// <summary>From the bottom of the type area to the page number's baseline.</summary>
    public float FooterOffset { get; init; }
    public float HeaderSize { get; init; }

    /// <summary>From the running header's baseline down to the top of the type area.</summary>
    public float HeaderOffset { get; init; }
    public float Indent => 2 * BodySize;

    public static readonly PageSetup Official = new()
    {
        PageWidth = PageGeometry.PageWidth, PageHeight = PageGeometry.PageHeight,
        Left = PageGeometry.Left, Top = PageGeometry.Top, Width = PageGeometry.Width, Height = PageGeometry.Height,
        TitleSize = PageGeometry.TitleSize, TitleLineHeight = PageGeometry.TitleLineHeight,
        BodySize = PageGeometry.BodySize, LineHeight = PageGeometry.LineHeight,
        TableSize = PageGeometry.TableSize, TableLineHeight = PageGeometry.TableLineHeight, TablePadding = 4f, CaptionSize = 14f,
        FooterSize = PageGeometry.FooterSize, FooterOffset = 7 * PageGeometry.PointsPerMm + PageGeometry.FooterSize,
        HeaderSize = PageGeometry.HeaderSize, HeaderOffset = 12 * PageGeometry.PointsPerMm,
    };

    /// <summary>
    /// A4 landscape, 10–12 mm margins (the running header of a second page and the page number stand in them), 10 pt
    /// text and 8.5 pt tables on 13.2 pt rows: a title, three rows of headline figures, two lines of text and a table of
    /// 25 rows and its total fit one page.
    /// </summary>
    public static readonly PageSetup CompactLandscape = new()
    {
        PageWidth = PageGeometry.PageHeight, PageHeight = PageGeometry.PageWidth,
        Left = 12 * PageGeometry.PointsPerMm, Top = 12 * PageGeometry.PointsPerMm,
        Width = (297 - 24) * PageGeometry.PointsPerMm, Height = (210 - 12 - 10) * PageGeometry.PointsPerMm,
        TitleSize = 15f, TitleLineHeight = 22f,
        BodySize = 10f, LineHeight = 15f,
        TableSize = 8.5f, TableLineHeight = 10.2f, TablePadding = 1.5f, CaptionSize = 10f,
        FooterSize = 8f, FooterOffset = 4 * PageGeometry.PointsPerMm + 8f,
        HeaderSize = 8f, HeaderOffset = 4 * PageGeometry.PointsPerMm,
    };
}
