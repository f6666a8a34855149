namespace PovertyPortal.Domain.Areas;

/// <summary>行政村. A 贫困村 has <see cref="IsPovertyVillage"/> set and, once it has left the list, an exit year.</summary>
public class Village
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public County? County { get; set; }
    public int TownshipId { get; set; }
    public Township? Township { get; set; }
    public required string AdminCode { get; set; }
    public required string Name { get; set; }
    public bool IsPovertyVillage { get; set; }

    /// <summary>摘帽/出列 year of a poverty village.</summary>
    public int? PovertyExitYear { get; set; }
    public bool IsRetired { get; set; }
    public List<VillageGroup> Groups { get; set; } = [];
    public List<Hamlet> Hamlets { get; set; } = [];
    public List<VillageProfile> Profiles { get; set; } = [];
}
