using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Reports;

/// <summary>
/// One saved version of a work team's own writing for the performance report (履职报告) of a village and year:
/// introduction, 主要做法 items and closing. Every save adds a version; the newest is the one the report uses, and
/// older ones stay for the record. The figures are never stored here: the report computes them from the data.
/// </summary>
public class ReportProseVersion : IAuditable, IAreaBound
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int Year { get; set; }

    /// <summary>1, 2, 3 … per village and year.</summary>
    public int Version { get; set; }
    public string? Introduction { get; set; }

    /// <summary>主要做法, one item per line.</summary>
    public string? Practices { get; set; }
    public string? Closing { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public const int MaxParagraphLength = 4000;

    public IReadOnlyList<string> PracticeItems =>
        (Practices ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
