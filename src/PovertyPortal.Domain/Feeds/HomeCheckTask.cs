using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Feeds;

/// <summary>
/// 入户核实任务: one person a department listed, to be visited by their village's team within the batch's period. A
/// person in the register has their household; a person near it (the village is known, the person is not on the
/// register) has none until one is entered. The result is the date, what was found and an outcome.
/// </summary>
public class HomeCheckTask : IAuditable, IAreaBound, IVersioned
{
    public int Id { get; set; }
    public int FeedBatchId { get; set; }
    public FeedBatch? FeedBatch { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public FeedMatch Match { get; set; }
    public int? HouseholdId { get; set; }
    public int? MemberId { get; set; }
    public required string PersonName { get; set; }

    /// <summary>Encrypted at rest; shown masked.</summary>
    public required string ResidentId { get; set; }

    /// <summary>What the department said of the person: amount, date and note of each of their rows.</summary>
    public required string Fact { get; set; }

    /// <summary>
    /// The rows' items (事项). For 医保 and 残联 a diagnosis or a disability: health data, encrypted at rest and shown only to
    /// those who read health data (<see cref="FeedFields.ItemIsHealth"/>).
    /// </summary>
    public string? Item { get; set; }

    public FeedDepartment Department { get; set; }

    public DateOnly DueOn { get; set; }
    public DateOnly? CheckedOn { get; set; }
    public string? Finding { get; set; }
    public HomeCheckOutcome? Outcome { get; set; }

    public bool IsDone => Outcome is not null;

    public bool IsOverdue(DateOnly today) => !IsDone && today > DueOn;

    public Guid Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
