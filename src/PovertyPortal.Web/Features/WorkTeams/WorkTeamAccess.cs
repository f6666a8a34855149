using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>
/// Who may do what with a village's teams and work. Which village is decided by the data layer's scope; these
/// rules only say which roles act at all.
/// </summary>
public static class WorkTeamAccess
{
    /// <summary>Teams and their members: township and county users, and the team leader of the village.</summary>
    public static bool CanManageTeams(string? role) =>
        role is PortalRoles.SystemAdmin or PortalRoles.CountySupervisor or PortalRoles.TownshipOfficial or PortalRoles.WorkTeamLeader;

    /// <summary>Attendance of any member of a team (a leader records for the whole team); members record their own.</summary>
    public static bool CanRecordForOthers(string? role) => CanManageTeams(role);

    /// <summary>Work logs, projects, industries, income: everyone who works in or over the village.</summary>
    public static bool CanRecordWork(string? role) => role is not null && PortalRoles.All.Contains(role);

    public static bool CanManageTeams(this CurrentUser user) => CanManageTeams(user.Role);
}
