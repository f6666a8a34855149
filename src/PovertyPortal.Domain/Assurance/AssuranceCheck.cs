using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Assurance;

/// <summary>两不愁三保障 + 饮水安全: one household's check of one year, item by item.</summary>
public class AssuranceCheck : IAuditable, IAreaBound, IVersioned, IYearBound
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int HouseholdId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int Year { get; set; }

    /// <summary>安全住房认定 (dangerous-house grade); null when not yet assessed.</summary>
    public HousingGrade? HousingGrade { get; set; }
    public List<AssuranceItem> Items { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>One item of a check: the official's answer, the evidence, who checked and when.</summary>
public class AssuranceItem : IAreaBound
{
    public int Id { get; set; }
    public int AssuranceCheckId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public AssuranceItemKind Kind { get; set; }
    public bool Met { get; set; }
    public string? Evidence { get; set; }
    public string? CheckedBy { get; set; }
    public DateOnly? CheckedOn { get; set; }
}

public enum AssuranceItemKind
{
    Food,
    Clothing,
    CompulsoryEducation,
    BasicMedical,
    HousingSafety,
    DrinkingWaterQuality,
    DrinkingWaterQuantity,
    Electricity,
    Television,
}

/// <summary>危房等级: A and B are safe, C and D are dangerous.</summary>
public enum HousingGrade
{
    A,
    B,
    C,
    D,
}
