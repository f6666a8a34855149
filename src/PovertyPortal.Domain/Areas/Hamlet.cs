namespace PovertyPortal.Domain.Areas;

/// <summary>自然村 / 垸落: a settlement inside a village, independent of the group boundaries.</summary>
public class Hamlet
{
    public int Id { get; set; }
    public int VillageId { get; set; }
    public Village? Village { get; set; }
    public required string Name { get; set; }
}
