using PovertyPortal.Documents.InspectionPlan;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Documents.InspectionReport;

/// <summary>
/// Everything the 检查情况报告 of one inspected township prints, with the names already looked up: the round, the pair
/// and its group, the sample and how it was reached, the answers counted per area, and the findings.
/// </summary>
public sealed record InspectionReportData
{
    public required string CountyName { get; init; }
    public required string RoundTitle { get; init; }
    public int Year { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public required string InspectingTownship { get; init; }
    public required string InspectedTownship { get; init; }
    public required IReadOnlyList<InspectionPlanMember> Group { get; init; }
    public required InspectionReportSample Sample { get; init; }

    /// <summary>One row per area of the round's checklist, in area order (an area without items is left out).</summary>
    public required IReadOnlyList<InspectionReportArea> Areas { get; init; }

    /// <summary>In area, village and household order.</summary>
    public required IReadOnlyList<InspectionReportFinding> Findings { get; init; }

    /// <summary>The day the report is made; the signature's date.</summary>
    public DateOnly ReportedOn { get; init; }
}

/// <summary>
/// The pair's sample: villages and households sampled (withdrawn ones not counted), those done, and how the done ones
/// were reached.
/// </summary>
public sealed record InspectionReportSample(
    int Villages, int Registered, int Monitored, int Done, int InPerson, int Phone, int VillageCadre)
{
    public int Households => Registered + Monitored;
}

/// <summary>
/// One area of the eight: the round's items in it, the answers given (households, villages and the township together)
/// and the 达标/不达标/不适用 answers among them.
/// </summary>
public sealed record InspectionReportArea(ChecklistArea Area, int Items, int Answers, int Met, int NotMet, int NotApplicable);

/// <summary>One finding as the report lists it; <see cref="ProblemId"/> is the ledger's number once sent there.</summary>
public sealed record InspectionReportFinding(
    ChecklistArea Area, string ItemText, string? Village, string? HouseholdNumber, string Description,
    FindingDisposition Disposition, int? ProblemId);
