using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Procedures;

/// <summary>
/// A county's local rules for the procedures: the days from clue to approval per kind, the 公示 period, and when a
/// monitored household's risk may be eliminated. A county that has saved none works by <see cref="Defaults"/>.
/// </summary>
public class ProcedureRules : IAuditable
{
    /// <summary>The national floor of a 公示 period; a county may set more, never less.</summary>
    public const int MinimumNoticeDays = 5;

    public int Id { get; set; }
    public int CountyId { get; set; }

    public int NoticeDays { get; set; } = MinimumNoticeDays;
    public int IdentificationDays { get; set; } = 15;
    public int ExitDays { get; set; } = 30;
    public int ReturnDays { get; set; } = 15;
    public int MonitoringDays { get; set; } = 15;
    public int RiskEliminationDays { get; set; } = 30;
    public int RemovalDays { get; set; } = 30;

    /// <summary>How long a monitored household's income must have been stable before its risk is eliminated.</summary>
    public int StableIncomeMonths { get; set; } = 6;

    /// <summary>Whether a monitored household without labour capacity stays monitored (its risk is not eliminated).</summary>
    public bool KeepMonitoringWithoutLabour { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public static ProcedureRules Defaults(int countyId) => new() { CountyId = countyId };

    public int DaysFor(ProcedureKind kind) => kind switch
    {
        ProcedureKind.Identification => IdentificationDays,
        ProcedureKind.Exit => ExitDays,
        ProcedureKind.Return => ReturnDays,
        ProcedureKind.Monitoring => MonitoringDays,
        ProcedureKind.RiskElimination => RiskEliminationDays,
        ProcedureKind.Removal => RemovalDays,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The day a case started from a clue on <paramref name="clueOn"/> must be approved by.</summary>
    public DateOnly DueOn(ProcedureKind kind, DateOnly clueOn) => clueOn.AddDays(DaysFor(kind));

    /// <summary>The last day of a notice posted on <paramref name="startsOn"/>: the period counts the first day.</summary>
    public DateOnly NoticeEndsOn(DateOnly startsOn) => startsOn.AddDays(Math.Max(NoticeDays, MinimumNoticeDays) - 1);
}
