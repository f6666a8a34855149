using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Correction;

/// <summary>
/// One dated entry of a case's supervision: a report of the subject (art. 21), a check or visit of the 司法所
/// (arts. 35–36), a review of the plan (art. 19), or a session of education or community service with its hours
/// (arts. 28, 30).
/// </summary>
public class SupervisionRecord : ICorrectionBound, IAuditable
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int SubjectId { get; set; }
    public SupervisionRecordKind Kind { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Hours of an education or service session; 0 for the other kinds.</summary>
    public decimal Hours { get; set; }

    /// <summary>By phone instead of in person (a 保外就医 subject's monthly report, with the 司法所's consent).</summary>
    public bool ByPhone { get; set; }

    public string? Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public static bool HasHours(SupervisionRecordKind kind) => kind is SupervisionRecordKind.Education or SupervisionRecordKind.CommunityService;
}

/// <summary>The monthly minimums of arts. 28 and 30.</summary>
public static class MonthlyActivity
{
    public const decimal MinimumEducationHours = 8;
    public const decimal MinimumServiceHours = 8;

    /// <summary>Hours still missing in a month; 0 when met.</summary>
    public static decimal Shortfall(decimal minimum, decimal done) => done >= minimum ? 0 : minimum - done;

    /// <summary>
    /// The months a subject owes hours in: the whole months under correction, from the announcement to the last day of
    /// the term. A month the announcement falls in after its first day, or the term ends in before its last, is partial.
    /// </summary>
    public static bool IsOwed(DateOnly monthStart, DateOnly? announcedOn, DateOnly correctionEnd) =>
        announcedOn is { } announced
        && monthStart >= announced
        && monthStart.AddMonths(1).AddDays(-1) <= correctionEnd;
}
