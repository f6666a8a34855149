using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.DemoData;

/// <summary>One status line of the register: the households that exited in a year, remain, returned or were removed.</summary>
internal sealed class Cohort(HouseholdStatus status, int households, int people)
{
    /// <summary>建档立卡 started in 2014; 2015 and 2016 were the dynamic adjustments that still added households.</summary>
    public const int FirstIdentificationYear = 2014;
    public const int LastIdentificationYear = 2016;

    public HouseholdStatus Status { get; } = status;
    public int Households { get; } = households;
    public int People { get; } = people;
    public int? ExitYear { get; init; }
    public int? ReturnYear { get; init; }
    public int? RemovedYear { get; init; }
    public string? Reason { get; init; }

    /// <summary>A household is identified no later than it exits, and before it is removed.</summary>
    public int LatestIdentificationYear => Math.Min(LastIdentificationYear, Status switch
    {
        HouseholdStatus.Exited or HouseholdStatus.Returned => ExitYear ?? LastIdentificationYear,
        HouseholdStatus.Removed => (RemovedYear ?? LastIdentificationYear + 1) - 1,
        _ => LastIdentificationYear,
    });
}

/// <summary>A household as the planner settles it (category, size, status, cause, relocation, monitoring), before it has people.</summary>
internal sealed class HouseholdDraft
{
    /// <summary>Null for a monitored household that was never registered.</summary>
    public PovertyCategory? Category { get; init; }
    public int Size { get; set; }

    /// <summary>Null for a monitored household that was never registered.</summary>
    public Cohort? Cohort { get; set; }
    public PovertyCause? PrimaryCause { get; set; }
    public string? RelocationSite { get; set; }
    public MonitoringType? MonitoringType { get; set; }
    public DateOnly? MonitoringIdentifiedOn { get; set; }
    public DateOnly? RiskEliminatedOn { get; set; }
    public int GroupIndex { get; set; }
    public string Hamlet { get; set; } = "";
}

/// <summary>A member as the household's composition settles them, before they get a name and an ID number.</summary>
internal sealed class PersonDraft(Relationship relationship, Gender gender, int age, string surname)
{
    public Relationship Relationship { get; } = relationship;
    public Gender Gender { get; } = gender;
    public int Age { get; } = age;
    public string Surname { get; } = surname;
    public HealthStatus Health { get; set; }
    public int? DisabilityGrade { get; set; }
    public bool IsDesignatedStudent { get; init; }
}

/// <summary>What building one village's households draws on: its one random sequence, names and ID numbers.</summary>
internal sealed class VillageContext
{
    public required Random Random { get; init; }
    public required Village Village { get; init; }
    public required VillagePlan Plan { get; init; }
    public required List<VillageGroup> Groups { get; init; }
    public required string AddressPrefix { get; init; }
    public required NameGenerator Names { get; init; }
    public required ResidentIdAllocator Ids { get; init; }
}
