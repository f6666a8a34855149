using PovertyPortal.Domain.Users;

namespace PovertyPortal.Tests.Users;

/// <summary>The whole permission table of the roles, so that a change to one rule shows up as a change here.</summary>
public sealed class PortalRolesTests
{
    private const string Admin = PortalRoles.SystemAdmin, County = PortalRoles.CountySupervisor, Township = PortalRoles.TownshipOfficial,
        Leader = PortalRoles.WorkTeamLeader, Member = PortalRoles.WorkTeamMember;

    private static readonly Dictionary<string, (Func<string?, bool> Rule, string[] Holders)> Table = new()
    {
        [nameof(PortalRoles.IsWorkTeam)] = (PortalRoles.IsWorkTeam, [Leader, Member]),
        [nameof(PortalRoles.CanEditRegister)] = (PortalRoles.CanEditRegister, [Admin, County, Township]),
        [nameof(PortalRoles.CanRevealPersonalData)] = (PortalRoles.CanRevealPersonalData, [County, Township, Leader]),
        [nameof(PortalRoles.CanRecordAssuranceChecks)] = (PortalRoles.CanRecordAssuranceChecks, [Admin, County, Township, Leader, Member]),
        [nameof(PortalRoles.CanManageTeams)] = (PortalRoles.CanManageTeams, [Admin, County, Township, Leader]),
        [nameof(PortalRoles.CanRecordAttendanceForOthers)] = (PortalRoles.CanRecordAttendanceForOthers, [Admin, County, Township, Leader]),
        [nameof(PortalRoles.CanRecordWork)] = (PortalRoles.CanRecordWork, [Admin, County, Township, Leader, Member]),
        [nameof(PortalRoles.CanEditVillageProfile)] = (PortalRoles.CanEditVillageProfile, [Admin, County, Township, Leader]),
        [nameof(PortalRoles.CanEditReportProse)] = (PortalRoles.CanEditReportProse, [Admin, County, Township, Leader]),
        [nameof(PortalRoles.CanBuildCountyReports)] = (PortalRoles.CanBuildCountyReports, [Admin, County]),
        [nameof(PortalRoles.CanViewAreaOverview)] = (PortalRoles.CanViewAreaOverview, [Admin, County, Township]),
        [nameof(PortalRoles.CanMaintainAreas)] = (PortalRoles.CanMaintainAreas, [Admin, County]),
        [nameof(PortalRoles.CanMaintainStandards)] = (PortalRoles.CanMaintainStandards, [Admin]),
        [nameof(PortalRoles.CanManageUsers)] = (PortalRoles.CanManageUsers, [Admin, County]),
        [nameof(PortalRoles.CanSeeHealthData)] = (PortalRoles.CanSeeHealthData, [County, Township, Leader]),
        [nameof(PortalRoles.CanExportRegister)] = (PortalRoles.CanExportRegister, [Admin, County, Township, Leader]),
    };

    public static TheoryData<string> Permissions => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Permissions))]
    public void Each_permission_is_held_by_exactly_its_roles_and_never_without_a_role(string permission)
    {
        var (rule, holders) = Table[permission];
        Assert.Equal(holders.Order(), PortalRoles.All.Where(r => rule(r)).Order());
        Assert.False(rule(null), permission);
        Assert.False(rule("Guest"), permission);
    }

    [Fact]
    public void The_authorize_role_lists_match_their_rules()
    {
        Assert.Equal(PortalRoles.All.Where(r => PortalRoles.CanViewAreaOverview(r)), PortalRoles.AreaOverviewRoles.Split(','));
        Assert.Equal(PortalRoles.All.Where(r => PortalRoles.CanMaintainAreas(r)), PortalRoles.MaintainAreasRoles.Split(','));
        Assert.Equal(PortalRoles.All.Where(r => PortalRoles.CanManageUsers(r)), PortalRoles.ManageUsersRoles.Split(','));
    }
}
