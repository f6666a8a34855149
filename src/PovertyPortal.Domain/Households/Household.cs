using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Households;

/// <summary>
/// 户: a household of the register, poor (建档立卡) or monitored. Never hard-deleted: removal is a status.
/// Carries its county and township as well as its village so that scope filters need no joins.
/// </summary>
public class Household : IAuditable, IAreaBound, IVersioned
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int? VillageGroupId { get; set; }

    /// <summary>户编号, unique in the county.</summary>
    public required string HouseholdNumber { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }

    /// <summary>Null for a monitored household that was never registered poor.</summary>
    public PovertyCategory? Category { get; set; }
    public PovertyCause? PrimaryCause { get; set; }
    public PovertyCause? SecondaryCause { get; set; }
    public int? IdentificationYear { get; set; }
    public HouseholdStatus Status { get; set; }
    public int? ExitYear { get; set; }

    public bool IsRelocated { get; set; }
    public string? RelocationSite { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public MonitoringType? MonitoringType { get; set; }
    public DateOnly? MonitoringIdentifiedOn { get; set; }
    public DateOnly? RiskEliminatedOn { get; set; }

    /// <summary>
    /// 家庭人口: the household's living members, kept by the data layer on every save that adds, removes, moves or
    /// marks deceased a member (HouseholdSizeInterceptor), so that county-wide figures need not join the members.
    /// </summary>
    public int LivingMembers { get; set; }

    /// <summary>Sets <see cref="LivingMembers"/> from the loaded members (a household about to be inserted).</summary>
    public void CountLivingMembers() => LivingMembers = Members.Count(m => !m.IsDeceased);

    public List<Member> Members { get; set; } = [];
    public List<HouseholdStatusChange> StatusHistory { get; set; } = [];

    /// <summary>Optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public bool IsRegisteredPoor => Status is HouseholdStatus.Identified or HouseholdStatus.Exited or HouseholdStatus.Returned;

    /// <summary>
    /// Records the household's current status as a step of its history, effective <paramref name="on"/>. The step
    /// counts for the identification year of an identification and the exit year of an exit (the figures group by
    /// them), otherwise for the year it took effect. A household never registered poor has no history.
    /// </summary>
    public void AddStatusStep(DateOnly on, string? removalReason)
    {
        if (Status == HouseholdStatus.NotRegistered) return;
        var year = Status switch
        {
            HouseholdStatus.Identified => IdentificationYear ?? on.Year,
            HouseholdStatus.Exited => ExitYear ?? on.Year,
            _ => on.Year,
        };
        AddStatusStep(Status, on, year, removalReason);
    }

    /// <summary>Records a step of any status and year (a history entered after the fact, as the demo data does).</summary>
    public void AddStatusStep(HouseholdStatus status, DateOnly on, int year, string? removalReason)
    {
        StatusHistory.Add(new HouseholdStatusChange
        {
            CountyId = CountyId, TownshipId = TownshipId, VillageId = VillageId,
            Status = status, EffectiveOn = on, Year = year,
            Reason = status == HouseholdStatus.Removed ? HouseholdEntry.Trimmed(removalReason) : null,
        });
    }
}
