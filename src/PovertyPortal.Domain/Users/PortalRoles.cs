using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Domain.Users;

/// <summary>
/// The roles of the portal, their scopes, and every permission that depends on the role alone: five of
/// poverty-alleviation work and two of community correction (decision 0029), which see nothing of each other.
/// </summary>
public static class PortalRoles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string CountySupervisor = "CountySupervisor";
    public const string TownshipOfficial = "TownshipOfficial";
    public const string WorkTeamLeader = "WorkTeamLeader";
    public const string WorkTeamMember = "WorkTeamMember";

    /// <summary>县级司法行政机关 (社区矫正机构): the county's correction cases, its decisions and documents.</summary>
    public const string JusticeBureau = "JusticeBureau";

    /// <summary>司法所: the daily casework of its township.</summary>
    public const string JudicialOffice = "JudicialOffice";

    public static IReadOnlyList<string> All { get; } =
        [SystemAdmin, CountySupervisor, TownshipOfficial, WorkTeamLeader, WorkTeamMember, JusticeBureau, JudicialOffice];

    /// <summary>The five roles of poverty-alleviation work, highest first: the ones <see cref="Rank"/> orders.</summary>
    public static IReadOnlyList<string> PovertyAlleviation { get; } = [.. All.Where(r => !IsCorrection(r))];

    public static string Label(string role) => role switch
    {
        SystemAdmin => "系统管理员",
        CountySupervisor => "县级督导",
        TownshipOfficial => "乡镇干部",
        WorkTeamLeader => "驻村工作队长",
        WorkTeamMember => "驻村工作队员",
        JusticeBureau => "县级司法行政机关",
        JudicialOffice => "司法所",
        _ => role,
    };

    /// <summary>The area level a user of this role is bound to.</summary>
    public static AreaLevel ScopeLevel(string role) => role switch
    {
        SystemAdmin => AreaLevel.All,
        CountySupervisor or JusticeBureau => AreaLevel.County,
        TownshipOfficial or JudicialOffice => AreaLevel.Township,
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

    /// <summary>The two roles of community correction (issue 19): the register is not theirs, nor their cases the others'.</summary>
    public static bool IsCorrection(string? role) => role is JusticeBureau or JudicialOffice;

    /// <summary>What a signed-in user reads of the poverty-alleviation data: the account's area, or nothing for a correction role.</summary>
    public static AreaScope DataScopeOf(string? role, int? countyId, int? townshipId, int? villageId) =>
        IsCorrection(role) ? AreaScope.None : ScopeOf(role, countyId, townshipId, villageId);

    /// <summary>What a signed-in user reads of community correction: the account's area for a correction role, else nothing.</summary>
    public static AreaScope CorrectionScopeOf(string? role, int? countyId, int? townshipId, int? villageId) =>
        IsCorrection(role) ? ScopeOf(role, countyId, townshipId, villageId) : AreaScope.None;

    /// <summary>The roles of <see cref="IsCorrection"/>, for a page's [Authorize(Roles = ...)].</summary>
    public const string CorrectionRoles = $"{JusticeBureau},{JudicialOffice}";

    /// <summary>
    /// The county's own acts (arts. 7–14, 25 over seven days, 27, 39–46): assessment, receipt, warnings, proposals, long
    /// leave, moves and release. The 司法所 prepares and signs; the county decides.
    /// </summary>
    public static bool CanDecideCorrectionAtCounty(string? role) => role is JusticeBureau;

    /// <summary>The working-day calendar all deadlines count on: kept by the county justice bureaus.</summary>
    public static bool CanEditWorkingCalendar(string? role) => role is JusticeBureau;

    // Every permission of a role, one method each. Which area a user acts in is decided by the data layer's
    // scope (query filters and the save interceptor); these rules only say which roles act at all.

    /// <summary>驻村工作队长 and 队员: accounts bound to one village's team (linked to a team member, given the village's menu).</summary>
    public static bool IsWorkTeam(string? role) => role is WorkTeamLeader or WorkTeamMember;

    /// <summary>The register and what is kept per household (incomes, benefits, microloans): township officials and the county above them, who keep the books.</summary>
    public static bool CanEditRegister(string? role) => role is TownshipOfficial or CountySupervisor or SystemAdmin;

    /// <summary>Unmasking an ID number or phone, one record at a time and audited: officials and team leaders; not the system administrator, who has no need to read personal data.</summary>
    public static bool CanRevealPersonalData(string? role) => role is TownshipOfficial or CountySupervisor or WorkTeamLeader;

    /// <summary>Health and disability values (pages, exports, history): those who arrange medical and disability help and read full IDs; not team members or the system administrator.</summary>
    public static bool CanSeeHealthData(string? role) => CanRevealPersonalData(role);

    /// <summary>The register as a spreadsheet: officials, the county, the administrator and a village's team leader; never a team member (docs/decisions/0014).</summary>
    public static bool CanExportRegister(string? role) => role is SystemAdmin or CountySupervisor or TownshipOfficial or WorkTeamLeader;

    /// <summary>两不愁三保障 checks: the register's editors, and the village's team, who do the household visits the check records.</summary>
    public static bool CanRecordAssuranceChecks(string? role) => CanEditRegister(role) || IsWorkTeam(role);

    /// <summary>Teams, their members and pairings: township and county users, and the team leader of the village.</summary>
    public static bool CanManageTeams(string? role) => role is SystemAdmin or CountySupervisor or TownshipOfficial or WorkTeamLeader;

    /// <summary>Attendance of any member of a team: those who manage teams (a leader records for the whole team); members record their own.</summary>
    public static bool CanRecordAttendanceForOthers(string? role) => CanManageTeams(role);

    /// <summary>Work logs, assistance plans, attendance, projects, industries, collective income, attachments: everyone who works in or over the village.</summary>
    public static bool CanRecordWork(string? role) => Rank(role) >= 0;

    /// <summary>Attendance weeks recorded longer ago than the lock period (RecordAttendanceWeek): county supervisors and the system administrator.</summary>
    public static bool CanChangeLockedAttendance(string? role) => role is SystemAdmin or CountySupervisor;

    /// <summary>Lock and unlock a township's year (年度锁定, decision 0032): county supervisors and the system administrator.</summary>
    public static bool CanLockYears(string? role) => role is SystemAdmin or CountySupervisor;

    public const string LockYearsRoles = $"{SystemAdmin},{CountySupervisor}";

    /// <summary>See the lock state of the years: those who lock them and the township officials whose saves they refuse.</summary>
    public const string ViewYearLocksRoles = $"{SystemAdmin},{CountySupervisor},{TownshipOfficial}";

    /// <summary>A village's yearly 村基本情况: the officials above it and the team leader who knows it; not every team member.</summary>
    public static bool CanEditVillageProfile(string? role) => role is SystemAdmin or CountySupervisor or TownshipOfficial or WorkTeamLeader;

    /// <summary>The team's own writing in the 履职报告: the team leader who signs it, and the officials who review it.</summary>
    public static bool CanEditReportProse(string? role) => role is SystemAdmin or CountySupervisor or TownshipOfficial or WorkTeamLeader;

    /// <summary>Every village's report of a county in one archive: county business, so county supervisors and system administrators.</summary>
    public static bool CanBuildCountyReports(string? role) => role is SystemAdmin or CountySupervisor;

    /// <summary>Figures over many villages (dashboard, village list, 五天四夜 shortfalls): the officials above the village.</summary>
    public static bool CanViewAreaOverview(string? role) => role is SystemAdmin or CountySupervisor or TownshipOfficial;

    /// <summary>The roles of <see cref="CanViewAreaOverview"/>, for a page's [Authorize(Roles = ...)].</summary>
    public const string AreaOverviewRoles = $"{SystemAdmin},{CountySupervisor},{TownshipOfficial}";

    /// <summary>The administrative tree, also where an import adds to it: county business, so county supervisors and system administrators.</summary>
    public static bool CanMaintainAreas(string? role) => role is SystemAdmin or CountySupervisor;

    /// <summary>The roles of <see cref="CanMaintainAreas"/>, for a page's [Authorize(Roles = ...)].</summary>
    public const string MaintainAreasRoles = $"{SystemAdmin},{CountySupervisor}";

    /// <summary>扶贫标准与政策项目 (poverty lines, benefit programs): set province-wide for every county, so only the system administrator.</summary>
    public static bool CanMaintainStandards(string? role) => role is SystemAdmin;

    /// <summary>Who may manage users at all: system administrators anywhere, county supervisors in their county.</summary>
    public static bool CanManageUsers(string? role) => role is SystemAdmin or CountySupervisor;

    /// <summary>The audit viewer (issue 15): the administrator sees every entry, a county supervisor their county's.</summary>
    public static bool CanViewAuditLog(string? role) => role is SystemAdmin or CountySupervisor;

    /// <summary>The roles of <see cref="CanViewAuditLog"/>, for a page's [Authorize(Roles = ...)].</summary>
    public const string ViewAuditLogRoles = $"{SystemAdmin},{CountySupervisor}";

    /// <summary>The roles of <see cref="CanManageUsers"/>, for a page's [Authorize(Roles = ...)].</summary>
    public const string ManageUsersRoles = $"{SystemAdmin},{CountySupervisor}";

    /// <summary>
    /// A role's rank in poverty-alleviation work, 0 the highest: the order of <see cref="PovertyAlleviation"/>, which is also the order
    /// in which <see cref="AssignableBy"/> lets a role manage the roles below it. −1 for no known role and for the
    /// correction roles, which stand outside that work.
    /// </summary>
    public static int Rank(string? role) => role switch
    {
        SystemAdmin => 0,
        CountySupervisor => 1,
        TownshipOfficial => 2,
        WorkTeamLeader => 3,
        WorkTeamMember => 4,
        _ => -1,
    };

    /// <summary>True when <paramref name="role"/> ranks strictly above <paramref name="other"/> (a known role above a known role).</summary>
    public static bool Outranks(string? role, string? other) => Rank(role) >= 0 && Rank(other) >= 0 && Rank(role) < Rank(other);

    /// <summary>督导方案 (rounds, pairs, groups, the checklist template, the draw): county business, so county supervisors and system administrators.</summary>
    public static bool CanPlanInspections(string? role) => role is SystemAdmin or CountySupervisor;

    /// <summary>The roles of <see cref="CanPlanInspections"/>, for a page's [Authorize(Roles = ...)].</summary>
    public const string PlanInspectionsRoles = $"{SystemAdmin},{CountySupervisor}";

    /// <summary>
    /// Extending a problem's deadline (整改延期): the officials who set deadlines, not the teams who must meet them.
    /// Closing a problem (销号) is not a role of its own: it needs a role above the one that reported it fixed
    /// (<see cref="Outranks"/>, Rectification.Problem).
    /// </summary>
    public static bool CanExtendProblemDeadlines(string? role) => role is SystemAdmin or CountySupervisor or TownshipOfficial;

    /// <summary>
    /// Entering a problem into the ledger by hand and correcting what it says: the officials who assign problems and set
    /// their deadlines (<see cref="CanExtendProblemDeadlines"/>), not the teams who fix them.
    /// </summary>
    public static bool CanRaiseProblems(string? role) => CanExtendProblemDeadlines(role);

    /// <summary>
    /// 大数据比对: running the checks over one's own area and reading their findings. Team members are left out, as from
    /// health data: several rules name who is disabled.
    /// </summary>
    public static bool CanRunDataChecks(string? role) => role is SystemAdmin or CountySupervisor or TownshipOfficial or WorkTeamLeader;

    /// <summary>The roles of <see cref="CanRunDataChecks"/>, for a page's [Authorize(Roles = ...)].</summary>
    public const string RunDataChecksRoles = $"{SystemAdmin},{CountySupervisor},{TownshipOfficial},{WorkTeamLeader}";

    /// <summary>识别、退出等程序: proposed by the village team or the township, with 民主评议, 公示 and objections kept by them.</summary>
    public static bool CanProposeProcedures(string? role) => role is TownshipOfficial or WorkTeamLeader or WorkTeamMember;

    /// <summary>乡镇审核 of a procedure.</summary>
    public static bool CanReviewProceduresAtTownship(string? role) => role is TownshipOfficial;

    /// <summary>县级审批 of a procedure, and the county's procedure rules (deadlines, 公示 days, risk elimination).</summary>
    public static bool CanApproveProcedures(string? role) => role is CountySupervisor;

    /// <summary>Who opens the procedure pages at all: the poverty-alleviation roles below the system administrator.</summary>
    public const string ProcedureRoles = $"{CountySupervisor},{TownshipOfficial},{WorkTeamLeader},{WorkTeamMember}";

    /// <summary>Switching a rule off for the county, or on to send its findings to the ledger by itself: county business.</summary>
    public static bool CanManageDataCheckRules(string? role) => role is SystemAdmin or CountySupervisor;

    /// <summary>
    /// 账账相符 (issue 18): comparing a department's list with the register of one's area, taking differences over and
    /// sending them to the ledger: the officials who keep the register of a county or township. Not the system
    /// administrator, who keeps no county's register and has no need to read its people.
    /// </summary>
    public static bool CanReconcile(string? role) => role is CountySupervisor or TownshipOfficial;

    /// <summary>
    /// 部门预警信息: uploading a department's monthly list and reading it row by row, the personal data of a county or
    /// township: the officials who receive the lists (as for 账账相符), not the village teams, who get their tasks.
    /// </summary>
    public static bool CanUploadDepartmentFeeds(string? role) => CanReconcile(role);

    /// <summary>入户核实: recording a home check's result: the village's team who visit, and the officials above them.</summary>
    public static bool CanRecordHomeChecks(string? role) => role is CountySupervisor or TownshipOfficial or WorkTeamLeader or WorkTeamMember;

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
