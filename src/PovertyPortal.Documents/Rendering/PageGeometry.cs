namespace PovertyPortal.Documents.Rendering;

/// <summary>
/// GB/T 9704-2012 (党政机关公文格式) in PDF points: A4, top margin 37 mm, left 28 mm, type area 156 mm × 225 mm,
/// title 2号 (22 pt), body 3号 (16 pt) with 22 lines to the type area, page numbers 4号 (14 pt) 7 mm below it.
/// </summary>
public static class PageGeometry
{
    public const float PointsPerMm = 72f / 25.4f;
    public const float PageWidth = 210 * PointsPerMm;
    public const float PageHeight = 297 * PointsPerMm;
    public const float Left = 28 * PointsPerMm;
    public const float Top = 37 * PointsPerMm;
    public const float Width = 156 * PointsPerMm;
    public const float Height = 225 * PointsPerMm;
    public const float Bottom = Top + Height;

    public const float TitleSize = 22f;
    public const float BodySize = 16f;
    public const float TableSize = 12f;
    public const float FooterSize = 14f;
    public const float HeaderSize = 10.5f;

    /// <summary>22 lines in the type area.</summary>
    public const float LineHeight = Height / 22f;
    public const float TitleLineHeight = TitleSize * 1.6f;
    public const float TableLineHeight = TableSize * 1.5f;

    /// <summary>Two characters of body text: the first-line indent.</summary>
    public const float Indent = 2 * BodySize;
}
