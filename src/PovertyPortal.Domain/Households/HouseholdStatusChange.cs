using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.Domain.Households;

/// <summary>One dated step of a household's registration history (identified, exited in a year, returned, removed).</summary>
public class HouseholdStatusChange : IAreaBound, Common.IYearBound
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public HouseholdStatus Status { get; set; }
    public DateOnly EffectiveOn { get; set; }

    /// <summary>The year the change counts for (识别年度 or 脱贫年度).</summary>
    public int Year { get; set; }

    /// <summary>Required for removal (清退原因).</summary>
    public string? Reason { get; set; }

    /// <summary>The approved procedure that made this step; null for steps entered or imported before procedures.</summary>
    public int? ProcedureCaseId { get; set; }
    public ProcedureCase? ProcedureCase { get; set; }
}
