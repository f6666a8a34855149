using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.WorkTeams;

/// <summary>驻村工作队: sent to one village by a dispatching unit for a period.</summary>
public class WorkTeam : IAuditable, IAreaBound, IVersioned
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }

    /// <summary>派出单位.</summary>
    public required string DispatchingUnit { get; set; }

    /// <summary>Who appointed the team (e.g. 县扶贫指挥部).</summary>
    public string? AppointedBy { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>
    /// 交接截止日期: until this day the team's leader may overlap the previous team's leader (an explicit handover).
    /// Null: no overlap with another team's leader is allowed.
    /// </summary>
    public DateOnly? HandoverUntil { get; set; }
    public List<WorkTeamMember> Members { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

public enum WorkTeamRole
{
    FirstSecretary,
    TeamLeader,
    TeamMember,
}

public static class WorkTeamLabels
{
    public static string Label(this WorkTeamRole role) => role switch
    {
        WorkTeamRole.FirstSecretary => "第一书记",
        WorkTeamRole.TeamLeader => "队长",
        WorkTeamRole.TeamMember => "队员",
        _ => role.ToString(),
    };
}
