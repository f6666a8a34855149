using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Microloans;

/// <summary>扶贫小额信贷: an unsecured loan to a registered household, with the interest paid by the state.</summary>
public class Microloan : IAuditable, IAreaBound, IVersioned
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int HouseholdId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }

    public decimal Principal { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly DueDate { get; set; }

    /// <summary>财政贴息 paid so far, 元.</summary>
    public decimal InterestSubsidy { get; set; }

    /// <summary>Principal repaid so far, 元.</summary>
    public decimal Repaid { get; set; }
    public DateOnly? LastRepaidOn { get; set; }
    public string? Lender { get; set; }
    public string? Note { get; set; }

    public decimal Outstanding => Math.Max(0, Principal - Repaid);

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

public enum MicroloanStatus
{
    Current,
    Overdue,
    Repaid,
}

/// <summary>Status and overdue rate (逾期率), computed from the dates and amounts rather than typed in.</summary>
public static class MicroloanRules
{
    /// <summary>范文第2篇: the overdue rate must stay at or below 0.5%.</summary>
    public const decimal OverdueRateThreshold = 0.005m;

    public static MicroloanStatus StatusOn(decimal principal, decimal repaid, DateOnly dueDate, DateOnly asOf) =>
        repaid >= principal ? MicroloanStatus.Repaid
        : dueDate < asOf ? MicroloanStatus.Overdue
        : MicroloanStatus.Current;

    public static string Label(this MicroloanStatus status) => status switch
    {
        MicroloanStatus.Current => "正常",
        MicroloanStatus.Overdue => "逾期",
        MicroloanStatus.Repaid => "已结清",
        _ => status.ToString(),
    };

    /// <summary>Overdue balance / outstanding balance; 0 when nothing is outstanding.</summary>
    public static decimal OverdueRate(decimal overdueBalance, decimal outstandingBalance) =>
        outstandingBalance <= 0 ? 0m : overdueBalance / outstandingBalance;
}
