using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Income;

/// <summary>
/// 贫困线 (脱贫标准) and 防返贫监测收入线 of one year, nationwide (<see cref="Nationwide"/>) or for one province,
/// which then wins. Edited by system administrators only.
/// </summary>
public class PovertyLine : IAuditable
{
    public const string Nationwide = "全国";

    public int Id { get; set; }
    public int Year { get; set; }

    /// <summary>The province's name as the county stores it (湖北省), or <see cref="Nationwide"/>.</summary>
    public required string Province { get; set; }

    /// <summary>Per-capita net income per year, in 元.</summary>
    public decimal Amount { get; set; }

    /// <summary>防返贫监测收入线, in 元; null for years without one.</summary>
    public decimal? MonitoringAmount { get; set; }

    /// <summary>Below Amount × this (and not below the line) a household is "near the line"; 1.5 by default.</summary>
    public decimal NearLineMultiple { get; set; } = 1.5m;

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
