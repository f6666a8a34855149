namespace PovertyPortal.Domain.Users;

/// <summary>The five roles of the portal and what each may do with users and scopes.</summary>
public static class PortalRoles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string CountySupervisor = "CountySupervisor";
    public const string TownshipOfficial = "TownshipOfficial";
    public const string WorkTeamLeader = "WorkTeamLeader";
    public const string WorkTeamMember = "WorkTeamMember";

    public static IReadOnlyList<string> All { get; } =
        [SystemAdmin, CountySupervisor, TownshipOfficial, WorkTeamLeader, WorkTeamMember];

    public static string Label(string role) => role switch
    {
        SystemAdmin => "系统管理员",
        CountySupervisor => "县级督导",
        TownshipOfficial => "乡镇干部",
        WorkTeamLeader => "驻村工作队长",
        WorkTeamMember => "驻村工作队员",
        _ => role,
    };

    /// <summary>The area level a user of this role is bound to.</summary>
    public static Areas.AreaLevel ScopeLevel(string role) => role switch
    {
        SystemAdmin => Areas.AreaLevel.All,
        CountySupervisor => Areas.AreaLevel.County,
        TownshipOfficial => Areas.AreaLevel.Township,
        _ => Areas.AreaLevel.Village,
    };

    /// <summary>Who may manage users at all: system administrators anywhere, county supervisors in their county.</summary>
    public static bool CanManageUsers(string role) => role is SystemAdmin or CountySupervisor;

    /// <summary>Roles a manager may hand out: nobody creates a role above their own.</summary>
    public static IReadOnlyList<string> AssignableBy(string role) => role switch
    {
        SystemAdmin => All,
        CountySupervisor => [CountySupervisor, TownshipOfficial, WorkTeamLeader, WorkTeamMember],
        _ => [],
    };
}
