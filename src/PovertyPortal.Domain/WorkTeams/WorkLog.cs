using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.WorkTeams;

/// <summary>工作日志: one piece of the team's work on one day; counted by type and year for 四、主要做法.</summary>
public class WorkLog : IAuditable, IAreaBound, IVersioned, IYearBound
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }

    /// <summary>The team that did the work, when known.</summary>
    public int? WorkTeamId { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>A day's work counts in its calendar year (年度锁定).</summary>
    int IYearBound.Year => Date.Year;
    public WorkLogType Type { get; set; }

    /// <summary>参加人员 as written: names separated by 、.</summary>
    public string Participants { get; set; } = "";
    public required string Summary { get; set; }
    public List<WorkLogHousehold> Households { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>A registered household visited in the course of a work log (入户走访).</summary>
public class WorkLogHousehold : IAreaBound
{
    public int Id { get; set; }
    public int WorkLogId { get; set; }
    public WorkLog? WorkLog { get; set; }
    public int HouseholdId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
}

public enum WorkLogType
{
    HouseholdVisit,
    GroupMeeting,
    PolicyPublicity,
    PartyMeeting,
    DataCheck,
    GeoInformation,
    IndustryGuidance,
    Other,
}

/// <summary>结对帮扶: a cadre (a team member or another official) responsible for one household.</summary>
public class Pairing : IAuditable, IAreaBound, IVersioned
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int HouseholdId { get; set; }

    /// <summary>The team member who is the cadre, when the cadre is one; otherwise only the fields below.</summary>
    public int? WorkTeamMemberId { get; set; }
    public required string CadreName { get; set; }
    public string? CadreUnit { get; set; }

    /// <summary>
    /// The cadre's 公民身份号码 (normalized), kept only to enforce that nobody is paired with their own household;
    /// never shown unmasked.
    /// </summary>
    public required string CadreResidentId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public List<AssistancePlan> Plans { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>帮扶计划 (因户施策): one measure of a pairing for one year.</summary>
public class AssistancePlan : IAuditable, IAreaBound, IVersioned, IYearBound
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int PairingId { get; set; }
    public Pairing? Pairing { get; set; }
    public int Year { get; set; }
    public required string Measure { get; set; }
    public required string ResponsiblePerson { get; set; }
    public DateOnly? TargetDate { get; set; }
    public bool Done { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

public static class WorkLogLabels
{
    public static string Label(this WorkLogType type) => type switch
    {
        WorkLogType.HouseholdVisit => "入户走访",
        WorkLogType.GroupMeeting => "村民小组会议",
        WorkLogType.PolicyPublicity => "政策宣传",
        WorkLogType.PartyMeeting => "党员大会",
        WorkLogType.DataCheck => "数据核查/大数据比对",
        WorkLogType.GeoInformation => "地理信息采集",
        WorkLogType.IndustryGuidance => "产业指导",
        _ => "其他",
    };
}
