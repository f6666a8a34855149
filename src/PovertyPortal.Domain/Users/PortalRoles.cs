using PovertyPortal.Domain.Areas;

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
    public static AreaLevel ScopeLevel(string role) => role switch
    {
        SystemAdmin => AreaLevel.All,
        CountySupervisor => AreaLevel.County,
        TownshipOfficial => AreaLevel.Township,
        _ => AreaLevel.Village,
    };

    /// <summary>
    /// The one rule that turns a role and the area ids of an account into its scope. An account whose ids do not
    /// fit its role (a township official without a township) gets <see cref="AreaScope.None"/>: it sees nothing.
    /// </summary>
    public static AreaScope ScopeOf(string? role, int? countyId, int? townshipId, int? villageId) =>
        (role is null ? (AreaLevel?)null : ScopeLevel(role), countyId, townshipId, villageId) switch
        {
            (AreaLevel.All, _, _, _) => AreaScope.All,
            (AreaLevel.County, int c, _, _) => AreaScope.County(c),
            (AreaLevel.Township, int c, int t, _) => AreaScope.Township(c, t),
            (AreaLevel.Village, int c, int t, int v) => AreaScope.Village(c, t, v),
            _ => AreaScope.None,
        };

    /// <summary>Who keeps the household register: township officials, and county-level users above them.</summary>
    public static bool CanEditRegister(string? role) => role is TownshipOfficial or CountySupervisor or SystemAdmin;

    /// <summary>
    /// Who may reveal a masked ID number or phone, one record at a time and audited. Least privilege: the system
    /// administrator runs the system and has no need to read personal data.
    /// </summary>
    public static bool CanRevealPersonalData(string? role) => role is TownshipOfficial or CountySupervisor or WorkTeamLeader;

    /// <summary>Who may manage users at all: system administrators anywhere, county supervisors in their county.</summary>
    public static bool CanManageUsers(string role) => role is SystemAdmin or CountySupervisor;

    /// <summary>
    /// Roles a manager may hand out and whose accounts they may change: only roles below their own, so no county
    /// supervisor can reset a peer's password and act in their name. System administrators manage everyone.
    /// </summary>
    public static IReadOnlyList<string> AssignableBy(string role) => role switch
    {
        SystemAdmin => All,
        CountySupervisor => [TownshipOfficial, WorkTeamLeader, WorkTeamMember],
        _ => [],
    };
}
