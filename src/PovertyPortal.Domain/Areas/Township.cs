namespace PovertyPortal.Domain.Areas;

/// <summary>乡(镇).</summary>
public class Township
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public County? County { get; set; }
    public required string AdminCode { get; set; }
    public required string Name { get; set; }
    public bool IsRetired { get; set; }
    public List<Village> Villages { get; set; } = [];
}
