namespace PovertyPortal.Domain.Households;

/// <summary>One import of a register file: who, when, which file, and what it did. Its field changes are in the history.</summary>
public class ImportBatch
{
    public int Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public required string FileName { get; set; }
    public int? CountyId { get; set; }
    public int HouseholdsCreated { get; set; }
    public int HouseholdsUpdated { get; set; }
    public int HouseholdsUnchanged { get; set; }
    public int MembersCreated { get; set; }
    public int MembersUpdated { get; set; }
    public int MembersUnchanged { get; set; }
    public int AreasCreated { get; set; }
}
