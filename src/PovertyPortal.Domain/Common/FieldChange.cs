using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Domain.Common;

/// <summary>
/// One changed field of a household, a member or a problem of the rectification ledger (变更记录): who changed it,
/// when, and from what to what. Values are stored as the user reads them (Chinese labels, dates as 2019-03-05); ID and
/// phone numbers masked. A problem of a whole township has no village, hence <see cref="ITownshipBound"/>.
/// </summary>
public class FieldChange : ITownshipBound
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserName { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int? VillageId { get; set; }

    /// <summary>The household the change belongs to, also for changes of its members; null for a problem's changes.</summary>
    public int? HouseholdId { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }

    /// <summary>Who the row is about, e.g. the member's name, so a list of changes reads without lookups.</summary>
    public string? Subject { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
