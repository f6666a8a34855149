using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Households;

/// <summary>家庭成员. The head of household is the member whose relationship is <see cref="Relationship.Head"/>.</summary>
public class Member : IAuditable, IAreaBound, IVersioned
{
    public int Id { get; set; }
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }

    /// <summary>Copied from the household so that scope filters and the county-wide ID uniqueness check need no join.</summary>
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }

    public required string Name { get; set; }

    /// <summary>公民身份号码, stored normalized (18 characters, capital X).</summary>
    public required string ResidentId { get; set; }

    /// <summary>The last four characters of the ID, kept apart so a search by them can use an index.</summary>
    public string ResidentIdTail { get; set; } = "";
    public Relationship Relationship { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    public string? EducationLevel { get; set; }
    public SchoolingStatus SchoolingStatus { get; set; }
    public HealthStatus Health { get; set; }

    /// <summary>残疾等级 1–4 when <see cref="Health"/> is disabled.</summary>
    public int? DisabilityGrade { get; set; }
    public LabourAbility LabourAbility { get; set; }
    public string? MigrantWorkPlace { get; set; }
    public int? MigrantWorkMonths { get; set; }
    public bool HasBasicMedicalInsurance { get; set; }
    public bool HasSeriousIllnessInsurance { get; set; }
    public bool HasPensionInsurance { get; set; }
    public bool IsDeceased { get; set; }
    public DateOnly? DeceasedOn { get; set; }

    public Guid Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
