using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Benefits;

/// <summary>
/// 政策享受: one benefit a household (or one of its members) received from a program in a year. Carries the
/// household's area ids so the scope filters and the per-village sums need no join.
/// </summary>
public class BenefitRecord : IAuditable, IAreaBound, IVersioned, IYearBound
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int HouseholdId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }

    /// <summary>The member it went to (a pupil, an insured person); null when it went to the household.</summary>
    public int? MemberId { get; set; }
    public int ProgramId { get; set; }
    public BenefitProgram? Program { get; set; }
    public int Year { get; set; }

    /// <summary>元; 0 for benefits in kind (a house at a resettlement site).</summary>
    public decimal Amount { get; set; }

    /// <summary>亩 of forest, months of a post … with <see cref="Unit"/>.</summary>
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }
    public DateOnly? PaidOn { get; set; }
    public string? Note { get; set; }

    /// <summary>The spreadsheet import that wrote it, if any.</summary>
    public int? ImportBatchId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
