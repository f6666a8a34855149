namespace PovertyPortal.Domain.Areas;

/// <summary>村民小组, e.g. 第三村民小组.</summary>
public class VillageGroup
{
    public int Id { get; set; }
    public int VillageId { get; set; }
    public Village? Village { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }

    /// <summary>A group merged away or abolished: kept for the households that still point at it, offered no more.</summary>
    public bool IsRetired { get; set; }
}
