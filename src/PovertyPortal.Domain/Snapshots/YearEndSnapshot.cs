using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Snapshots;

/// <summary>
/// 年末数据快照: a county's register frozen at the end of a year (decision 0028). Written once, in one transaction with
/// its rows; no path changes or removes it or its rows afterwards (the save interceptor refuses). One per county and year.
/// </summary>
public class YearEndSnapshot
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int Year { get; set; }
    public DateTimeOffset FrozenAt { get; set; }
    public required string FrozenBy { get; set; }

    /// <summary>The county's poverty line of the year when frozen, in fen (null when the year had none): the income figures compare with it.</summary>
    public long? PovertyLineInFen { get; set; }

    /// <summary>The near-the-line bound (line × multiple) of the year when frozen, in fen, rounded up.</summary>
    public long? NearLineInFen { get; set; }

    public int Households { get; set; }
    public int Members { get; set; }
    public int IncomeRecords { get; set; }
    public int BenefitRecords { get; set; }
    public int AssuranceChecks { get; set; }

    public string Label => $"截至{Year}年末快照";
}

/// <summary>
/// One household as it stood when the snapshot was frozen: its register fields, its standing at the year's end
/// (<see cref="RegistryStandings"/>, evaluated at freezing), the year's income record, 两不愁三保障 check and benefits (in
/// <see cref="SnapshotBenefit"/>). Amounts are whole fen: exact and comparable in SQL on every provider.
/// </summary>
public class SnapshotHousehold : IAreaBound
{
    public long Id { get; set; }
    public int SnapshotId { get; set; }
    public int HouseholdId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public required string HouseholdNumber { get; set; }
    public string? HeadName { get; set; }
    public PovertyCategory? Category { get; set; }
    public PovertyCause? PrimaryCause { get; set; }
    public PovertyCause? SecondaryCause { get; set; }
    public HouseholdStatus Status { get; set; }
    public int? IdentificationYear { get; set; }
    public int? ExitYear { get; set; }

    public bool IsRegistered { get; set; }
    public bool IsExited { get; set; }
    public bool IsMonitored { get; set; }
    public bool IsRiskEliminated { get; set; }

    public MonitoringType? MonitoringType { get; set; }
    public DateOnly? MonitoringIdentifiedOn { get; set; }
    public DateOnly? RiskEliminatedOn { get; set; }
    public int LivingMembers { get; set; }
    public bool IsRelocated { get; set; }
    public string? RelocationSite { get; set; }

    /// <summary>Whether the household had an income record of the year; the income columns are 0 otherwise.</summary>
    public bool HasIncome { get; set; }
    public long WageIncomeInFen { get; set; }
    public long OperatingIncomeInFen { get; set; }
    public long PropertyIncomeInFen { get; set; }
    public long TransferIncomeInFen { get; set; }
    public long ProductionCostsInFen { get; set; }
    public long AnnualNetInFen { get; set; }
    public decimal MemberYears { get; set; }
    public long NetIncomePerCapitaInFen { get; set; }

    /// <summary>Whether the household had a 两不愁三保障 check of the year.</summary>
    public bool HasAssuranceCheck { get; set; }

    /// <summary>Items met and items failed, as <see cref="Dashboard.AssuranceTally.Bit"/> bits.</summary>
    public int MetItems { get; set; }
    public int FailedItems { get; set; }
    public HousingGrade? HousingGrade { get; set; }
}

/// <summary>A member of a snapshot household as the register held them. Health and disability grade are encrypted at rest.</summary>
public class SnapshotMember : IAreaBound
{
    public long Id { get; set; }
    public int SnapshotId { get; set; }
    public int MemberId { get; set; }
    public int HouseholdId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public required string Name { get; set; }
    public Relationship Relationship { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public SchoolingStatus SchoolingStatus { get; set; }
    public HealthStatus Health { get; set; }
    public int? DisabilityGrade { get; set; }
    public LabourAbility LabourAbility { get; set; }
    public bool HasBasicMedicalInsurance { get; set; }
    public bool HasSeriousIllnessInsurance { get; set; }
    public bool HasPensionInsurance { get; set; }
    public bool IsDeceased { get; set; }
    public DateOnly? DeceasedOn { get; set; }
}

/// <summary>A household's benefits of the year from one program: records, amount in fen, and the program's group when frozen.</summary>
public class SnapshotBenefit : IAreaBound
{
    public long Id { get; set; }
    public int SnapshotId { get; set; }
    public int HouseholdId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int ProgramId { get; set; }
    public BenefitGroup Group { get; set; }
    public int Records { get; set; }
    public long AmountInFen { get; set; }
}
