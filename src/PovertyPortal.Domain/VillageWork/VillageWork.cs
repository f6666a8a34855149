using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.VillageWork;

/// <summary>项目/基础设施: what was built in the village (五、取得主要成效).</summary>
public class VillageProject : IAuditable, IAreaBound, IVersioned
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public ProjectType Type { get; set; }
    public required string Name { get; set; }
    public decimal? Quantity { get; set; }
    public QuantityUnit? Unit { get; set; }

    /// <summary>投资, 元.</summary>
    public decimal? Investment { get; set; }
    public string? FundingSource { get; set; }
    public ProjectStatus Status { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? CompletionDate { get; set; }
    public int? BeneficiaryHouseholds { get; set; }
    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>产业: one crop or livestock kind of one year, with its area or head count.</summary>
public class IndustryRecord : IAuditable, IAreaBound, IYearBound
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int Year { get; set; }
    public IndustryKind Kind { get; set; }

    /// <summary>花生, 油茶, 猪, 鸡 ...</summary>
    public required string Name { get; set; }
    public decimal Quantity { get; set; }
    public QuantityUnit Unit { get; set; }

    /// <summary>带动贫困户: registered households taking part in this kind.</summary>
    public int? Households { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>村集体经济收入: one source's income in one year.</summary>
public class CollectiveIncomeEntry : IAuditable, IAreaBound, IYearBound
{
    /// <summary>稳定经营性收入 indicator, 元 a year.</summary>
    public const decimal Indicator = 50_000m;

    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int Year { get; set; }

    /// <summary>光伏, 水库出租, 山林出租 ...</summary>
    public required string Source { get; set; }
    public decimal Amount { get; set; }

    /// <summary>Counts toward the 稳定经营性收入 indicator (operating income that recurs, not a one-off grant).</summary>
    public bool IsStableOperating { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>附件: a photo or PDF attached to a work log, a project or a problem of the ledger, stored under the data folder.</summary>
public class Attachment : IAuditable, ITownshipBound
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }

    /// <summary>Null only for a file of a township-level owner (the evidence of a problem of the whole township).</summary>
    public int? VillageId { get; set; }
    public AttachmentOwner OwnerType { get; set; }
    public int OwnerId { get; set; }
    public required string FileName { get; set; }

    /// <summary>The type found by sniffing the content, never the one the browser sent.</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>The file's name in the attachment folder: a random name, never the user's.</summary>
    public required string StoredName { get; set; }
    public required string Sha256 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

public enum AttachmentOwner
{
    WorkLog,
    Project,

    /// <summary>整改佐证: a file of a problem of the rectification ledger, owned by the problem; its ProblemEvidence names it.</summary>
    Problem,

    /// <summary>检查照片: a photo of an answer of a cross-inspection.</summary>
    InspectionAnswer,

    /// <summary>立行立改佐证: a photo of what was fixed on the spot.</summary>
    InspectionFinding,
}

public enum ProjectType
{
    Road,
    DrinkingWater,
    Pond,
    Reservoir,
    Bridge,
    PowerGrid,
    Broadband,
    CulturalSquare,
    StreetLights,
    SolarPlant,
    IndustryBase,
    ResettlementSite,
    Other,
}

public enum QuantityUnit
{
    Kilometre,
    Piece,
    Seat,
    Set,
    Lamp,
    SquareMetre,
    Kilowatt,
    Mu,
    Head,
    Bird,
}

public enum ProjectStatus
{
    Planned,
    UnderConstruction,
    Completed,
}

public enum IndustryKind
{
    Crop,
    Livestock,
}

public static class VillageWorkLabels
{
    public static string Label(this ProjectType type) => type switch
    {
        ProjectType.Road => "道路",
        ProjectType.DrinkingWater => "饮水",
        ProjectType.Pond => "塘堰",
        ProjectType.Reservoir => "水库",
        ProjectType.Bridge => "桥梁",
        ProjectType.PowerGrid => "电网/变压器",
        ProjectType.Broadband => "宽带/广播",
        ProjectType.CulturalSquare => "文化广场",
        ProjectType.StreetLights => "路灯",
        ProjectType.SolarPlant => "光伏电站",
        ProjectType.IndustryBase => "产业基地",
        ProjectType.ResettlementSite => "安置点",
        _ => "其他",
    };

    public static string Label(this QuantityUnit unit) => unit switch
    {
        QuantityUnit.Kilometre => "公里",
        QuantityUnit.Piece => "口",
        QuantityUnit.Seat => "座",
        QuantityUnit.Set => "台",
        QuantityUnit.Lamp => "盏",
        QuantityUnit.SquareMetre => "平方米",
        QuantityUnit.Kilowatt => "千瓦",
        QuantityUnit.Mu => "亩",
        QuantityUnit.Head => "头",
        _ => "只",
    };

    public static string Label(this ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => "计划",
        ProjectStatus.UnderConstruction => "在建",
        _ => "已完工",
    };

    public static string Label(this IndustryKind kind) => kind == IndustryKind.Crop ? "种植" : "养殖";
}
