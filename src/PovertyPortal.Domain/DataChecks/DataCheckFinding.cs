using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Domain.DataChecks;

/// <summary>
/// 比对发现: one record a data-check rule points at, from the run that first found it to the run that no longer does
/// (the data was fixed). A record that trips the rule again after it was resolved gets a new finding, so the history
/// of each shows when it was first and last seen and when it was resolved.
/// </summary>
public class DataCheckFinding : IAreaBound
{
    public long Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }

    /// <summary>The rule's code (DC01 …); rules are classes, not rows, so this is not a foreign key.</summary>
    public required string RuleCode { get; set; }

    /// <summary>What the rule points at, stable across runs: "H:12" a household, "M:34" a member, "V:5" a village, "L:7" a loan, "W:9" a team member.</summary>
    public required string SubjectKey { get; set; }
    public int? HouseholdId { get; set; }
    public int? MemberId { get; set; }

    /// <summary>Who or what, for people: "户 … 户主 …", "成员 …（户 …）". Never an ID number or a phone.</summary>
    public required string Subject { get; set; }

    /// <summary>The figures that trip the rule, as of the last run that saw them.</summary>
    public required string Detail { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public long LastRunId { get; set; }

    /// <summary>The problem of the ledger it was sent to, by hand or automatically.</summary>
    public int? ProblemId { get; set; }

    public bool IsOpen => ResolvedAt is null;
}
