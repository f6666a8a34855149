using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.WorkTeams;

public class WorkTeamMember : IVersioned
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int WorkTeamId { get; set; }
    public WorkTeam? WorkTeam { get; set; }
    public required string Name { get; set; }
    public string? Unit { get; set; }
    public string? Phone { get; set; }
    public WorkTeamRole Role { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>The portal account of this member, when they have one.</summary>
    public string? UserId { get; set; }
}
