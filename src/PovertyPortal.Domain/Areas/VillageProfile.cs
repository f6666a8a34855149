using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Areas;

/// <summary>村基本情况 as of the end of one year: the first chapter of the performance report.</summary>
public class VillageProfile : IAuditable, IVersioned
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int VillageId { get; set; }
    public Village? Village { get; set; }
    public int Year { get; set; }

    /// <summary>总版图面积, km².</summary>
    public decimal AreaSquareKm { get; set; }
    public decimal ForestMu { get; set; }
    public decimal ArableMu { get; set; }
    public decimal PaddyMu { get; set; }
    public int GroupCount { get; set; }
    public int HamletCount { get; set; }
    public int HouseholdCount { get; set; }
    public int Population { get; set; }
    public int PartyMembers { get; set; }
    public int BranchCommitteeMembers { get; set; }
    public int PartyGroups { get; set; }
    public int PublicWelfarePosts { get; set; }
    public int LeftBehindChildren { get; set; }
    public int LeftBehindElderly { get; set; }
    public int LeftBehindWomen { get; set; }

    /// <summary>主导产业, in the order the village names them.</summary>
    public List<string> LeadingIndustries { get; set; } = [];

    /// <summary>村集体经济主要收入来源.</summary>
    public List<string> CollectiveIncomeSources { get; set; } = [];

    /// <summary>村集体经济稳定经营性收入, 元 a year.</summary>
    public decimal CollectiveIncome { get; set; }

    /// <summary>Where the village lies and what it is like, in the village's own words (交界, 居住分散 ...).</summary>
    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>The indicator of 范文第1篇: a stable operating income of at least 50,000 元 a year.</summary>
    public const decimal CollectiveIncomeIndicator = 50_000m;

    public bool MeetsCollectiveIncomeIndicator => CollectiveIncome >= CollectiveIncomeIndicator;
}
