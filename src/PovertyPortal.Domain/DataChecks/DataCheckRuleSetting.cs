using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.DataChecks;

/// <summary>
/// A county's choices for one rule: switched off (with the reason, which the rule list shows), and whether its new
/// findings go to the problem ledger by themselves, with whom responsible and how many days to fix. A rule without a
/// row is on and sends nothing by itself.
/// </summary>
public class DataCheckRuleSetting : IAuditable
{
    public const int DefaultDeadlineDays = 30;

    public int Id { get; set; }
    public int CountyId { get; set; }
    public required string RuleCode { get; set; }
    public bool IsDisabled { get; set; }
    public string? DisabledReason { get; set; }
    public bool SendsToLedger { get; set; }

    /// <summary>整改责任人 of the problems sent automatically (the unit is the township's government).</summary>
    public string? LedgerResponsiblePerson { get; set; }
    public int LedgerDeadlineDays { get; set; } = DefaultDeadlineDays;

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
