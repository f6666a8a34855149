using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Users;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Procedures;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// Identification and exit procedures through their handlers, as the village team, two township officials and the county
/// supervisor of a county of the test's own use them: a case from proposal to approval, the notice period, objections,
/// maker-checker, revision against rejection, the county's rules and the scope of a village team.
/// </summary>
public abstract class ProcedureCaseTests(PortalAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static DateOnly Today => PortalYears.Today(TimeProvider.System);
    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    /// <summary>The test's county; its context writes the households the test makes, and goes with the county.</summary>
    private sealed record County(PortalDbContext Db, DataCheckCounty Area, string Team, string OtherTeam, string Township, string Township2, string Supervisor)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private static int sequence;

    private async Task<County> CountyAsync(string code)
    {
        var db = app.SystemDb();
        var area = await DataCheckCounty.CreateAsync(db, code, "程序" + code[^2..] + "县");
        var n = Interlocked.Increment(ref sequence);
        var prefix = $"pc{code}{n}";
        return new County(db, area,
            await UserAsync(prefix + "t", PortalRoles.WorkTeamLeader, area, area.Village.Id),
            await UserAsync(prefix + "o", PortalRoles.WorkTeamLeader, area, area.OtherVillage.Id),
            await UserAsync(prefix + "x", PortalRoles.TownshipOfficial, area, null),
            await UserAsync(prefix + "y", PortalRoles.TownshipOfficial, area, null),
            await UserAsync(prefix + "s", PortalRoles.CountySupervisor, area, null, county: true));
    }

    private async Task<string> UserAsync(string userName, string role, DataCheckCounty area, int? villageId, bool county = false)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = userName, DisplayName = "程序测试", CountyId = area.County.Id, TownshipId = county ? null : area.Township.Id, VillageId = villageId,
            CreatedAt = DateTimeOffset.UtcNow, PasswordChangedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, DemoDataSeeder.DemoPassword);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return userName;
    }

    private async Task<TResult> AsAsync<THandler, TResult>(string userName, Func<THandler, Task<TResult>> act) where THandler : notnull
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await act(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private static void Succeeded(CommandResult result) => Assert.True(result.Succeeded, result.Summary);

    private async Task<ProcedureCase> CaseAsync(int id)
    {
        await using var db = app.SystemDb();
        return await db.ProcedureCases.AsNoTracking().SingleAsync(c => c.Id == id, Cancel);
    }

    private Task<CommandResult<int>> ProposeAsync(string user, int householdId, ProcedureKind kind, Action<SaveProcedureCase.Command>? change = null)
    {
        var command = new SaveProcedureCase.Command
        {
            HouseholdId = householdId, Kind = kind, Source = ProcedureSource.VillageScreening, ClueOn = Day(Today.AddDays(-10)),
            Reason = "入户核实：家庭收入情况见收入核算表", Evidence = "入户核实记录、收入核算表", Year = kind == ProcedureKind.Exit ? Today.Year : null,
        };
        change?.Invoke(command);
        return AsAsync<SaveProcedureCase, CommandResult<int>>(user, h => h.HandleAsync(command, Cancel));
    }

    private async Task ReviewInVillageAsync(string user, int caseId, int votesFor = 15)
    {
        var version = (await CaseAsync(caseId)).Version;
        Succeeded(await AsAsync<RecordVillageReview, CommandResult>(user, h => h.HandleAsync(new()
        {
            CaseId = caseId, Version = version, ReviewedOn = Day(Today.AddDays(-9)), Participants = 20, VotesFor = votesFor,
            VotesAgainst = 20 - votesFor, Abstaining = 0, Attendance = "村两委5人、驻村工作队3人、党员和村民代表12人",
        }, Cancel)));
    }

    /// <summary>Posts a notice of the cases for <paramref name="days"/> days from <paramref name="startsOn"/>.</summary>
    private Task<CommandResult<int>> NoticeAsync(string user, int villageId, DateOnly startsOn, int days, params int[] caseIds) =>
        AsAsync<PostPublicNotice, CommandResult<int>>(user, h => h.HandleAsync(new()
        {
            VillageId = villageId, CaseIds = [.. caseIds], StartsOn = Day(startsOn), EndsOn = Day(startsOn.AddDays(days - 1)),
            Contact = "甲镇人民政府 0713-5123456",
        }, Cancel));

    private async Task<CommandResult> TownshipAsync(string user, int caseId, ReviewDecision decision, string opinion = "材料齐全，程序规范，同意")
    {
        var version = (await CaseAsync(caseId)).Version;
        return await AsAsync<ReviewProcedureAtTownship, CommandResult>(user, h => h.HandleAsync(new() { CaseId = caseId, Version = version, Decision = decision, Opinion = opinion }, Cancel));
    }

    private async Task<CommandResult> CountyAsync(string user, int caseId, ReviewDecision decision, string opinion = "同意")
    {
        var version = (await CaseAsync(caseId)).Version;
        return await AsAsync<DecideProcedureAtCounty, CommandResult>(user, h => h.HandleAsync(new() { CaseId = caseId, Version = version, Decision = decision, Opinion = opinion }, Cancel));
    }

    [Fact]
    public async Task An_exit_runs_from_proposal_to_approval_and_only_the_approval_changes_the_household()
    {
        await using var c = await CountyAsync("429601");
        var household = c.Area.Household();
        await c.Area.SaveAllAsync();

        var proposed = await ProposeAsync(c.Team, household.Id, ProcedureKind.Exit);
        Succeeded(proposed.Outcome);
        var id = proposed.Value;
        Assert.Equal(Today.AddDays(-10).AddDays(30), (await CaseAsync(id)).DueOn); // the default 30 days of an exit
        await ReviewInVillageAsync(c.Team, id);
        Assert.Equal(ProcedureStage.VillageReviewed, (await CaseAsync(id)).Stage);
        var notice = await NoticeAsync(c.Team, c.Area.Village.Id, Today.AddDays(-8), 5, id);
        Succeeded(notice.Outcome);
        Assert.Equal(ProcedureStage.Publicised, (await CaseAsync(id)).Stage);
        Succeeded(await TownshipAsync(c.Township, id, ReviewDecision.Pass));
        await using (var db = app.SystemDb())
        {
            Assert.Equal(HouseholdStatus.Identified, (await db.Households.SingleAsync(h => h.Id == household.Id, Cancel)).Status);
        }
        Succeeded(await CountyAsync(c.Supervisor, id, ReviewDecision.Pass));

        await using var check = app.SystemDb();
        var stored = await check.Households.SingleAsync(h => h.Id == household.Id, Cancel);
        Assert.Equal((HouseholdStatus.Exited, Today.Year), (stored.Status, stored.ExitYear));
        var step = await check.HouseholdStatusChanges.OrderByDescending(s => s.Id).FirstAsync(s => s.HouseholdId == household.Id, Cancel);
        Assert.Equal((HouseholdStatus.Exited, Today, id), (step.Status, step.EffectiveOn, step.ProcedureCaseId));
        var done = await CaseAsync(id);
        Assert.Equal((ProcedureStage.Approved, c.Township, c.Supervisor), (done.Stage, done.TownshipReviewBy, done.CountyDecisionBy));
        var audit = await check.AuditLog.Where(a => a.Action == AuditActions.ProcedureCaseChanged && a.RecordId == id.ToString()).Select(a => a.Detail).ToListAsync(Cancel);
        Assert.Contains(audit, d => d!.StartsWith("发起退出程序", StringComparison.Ordinal));
        Assert.Contains("县级审批：通过", audit);

        // The notice lists the household by the head's name and the set reason, and nothing personal.
        var printed = (await AsAsync<GetPublicNotice, GetPublicNotice.Result?>(c.Township, h => h.HandleAsync(notice.Value, Cancel)))!;
        var line = Assert.Single(printed.Cases).Line;
        Assert.Equal((c.Area.Head(household).Name, ProcedureKind.Exit, "一般贫困户"), (line.HeadName, line.Kind, line.Category));
        Assert.DoesNotContain("入户核实", line.Reason);
    }

    [Fact]
    public async Task The_township_reviews_only_after_the_notice_period_with_every_objection_answered_and_never_its_own_proposal()
    {
        await using var c = await CountyAsync("429602");
        var household = c.Area.Household();
        var id = (await ProposeAsync(c.Township, household.Id, ProcedureKind.Exit)).Value;
        await ReviewInVillageAsync(c.Team, id);
        // Four days are not a notice: the national floor is five.
        Assert.Contains("公示期不少于5天", (await NoticeAsync(c.Team, c.Area.Village.Id, Today.AddDays(-4), 4, id)).Outcome.Summary);
        Assert.Equal(ProcedureStage.VillageReviewed, (await CaseAsync(id)).Stage);
        Succeeded((await NoticeAsync(c.Team, c.Area.Village.Id, Today.AddDays(-2), 5, id)).Outcome);

        Assert.Contains("期满后方可审核", (await TownshipAsync(c.Township2, id, ReviewDecision.Pass)).Summary);
        var objection = await AsAsync<RecordNoticeObjection, CommandResult<int>>(c.Team, h => h.HandleAsync(new()
        {
            CaseId = id, ReceivedOn = Day(Today), Objector = "", Content = "该户今年有人长期住院，收入不稳定",
        }, Cancel));
        Succeeded(objection.Outcome);
        await using (var db = app.SystemDb())
        {
            var notice = await db.PublicNotices.SingleAsync(n => n.Id == db.ProcedureCases.Single(x => x.Id == id).PublicNoticeId, Cancel);
            (notice.StartsOn, notice.EndsOn) = (Today.AddDays(-7), Today.AddDays(-3)); // the period has run
            await db.SaveChangesAsync(Cancel);
            Assert.Equal("匿名", (await db.NoticeObjections.SingleAsync(o => o.Id == objection.Value, Cancel)).Objector);
        }
        Assert.Contains("1条异议尚未答复", (await TownshipAsync(c.Township2, id, ReviewDecision.Pass)).Summary);
        Succeeded(await AsAsync<AnswerNoticeObjection, CommandResult>(c.Team, h => h.HandleAsync(new()
        {
            ObjectionId = objection.Value, AnsweredOn = Day(Today), Upheld = false, Answer = "经核实已出院，医保报销后自付部分不大，收入稳定",
        }, Cancel)));
        Assert.Equal("审核人不能是本程序的发起人", (await TownshipAsync(c.Township, id, ReviewDecision.Pass)).Summary);
        Succeeded(await TownshipAsync(c.Township2, id, ReviewDecision.Pass));
        Assert.Equal(ProcedureStage.AwaitingCounty, (await CaseAsync(id)).Stage);
    }

    [Fact]
    public async Task Revision_returns_the_case_to_the_level_that_asked_and_rejection_ends_it_with_the_household_unchanged()
    {
        await using var c = await CountyAsync("429603");
        var household = c.Area.Household(h => (h.Status, h.ExitYear) = (HouseholdStatus.Exited, 2019));
        var id = (await ProposeAsync(c.Team, household.Id, ProcedureKind.Return)).Value;
        await ReviewInVillageAsync(c.Team, id);
        Succeeded((await NoticeAsync(c.Team, c.Area.Village.Id, Today.AddDays(-8), 5, id)).Outcome);
        Succeeded(await TownshipAsync(c.Township, id, ReviewDecision.Pass));

        Succeeded(await CountyAsync(c.Supervisor, id, ReviewDecision.RequestRevision, "请补充家庭收入核算表"));
        var returned = await CaseAsync(id);
        Assert.Equal((ProcedureStage.Revising, ProcedureStage.AwaitingCounty, "请补充家庭收入核算表"), (returned.Stage, returned.ReturnedFrom, returned.RevisionRequest));
        var edit = SaveProcedureCase.Command.From(returned);
        edit.Evidence = "入户核实记录、收入核算表（已补充）";
        Succeeded((await AsAsync<SaveProcedureCase, CommandResult<int>>(c.Team, h => h.HandleAsync(edit, Cancel))).Outcome);
        var resubmitted = await CaseAsync(id);
        Assert.Equal((ProcedureStage.AwaitingCounty, 1), (resubmitted.Stage, resubmitted.Revisions));

        Succeeded(await CountyAsync(c.Supervisor, id, ReviewDecision.Reject, "家庭收入高于监测收入线"));
        var rejected = await CaseAsync(id);
        Assert.Equal(ProcedureStage.Rejected, rejected.Stage);
        Assert.Contains("家庭收入高于监测收入线", rejected.ClosingReason);
        await using var db = app.SystemDb();
        Assert.Equal(HouseholdStatus.Exited, (await db.Households.SingleAsync(h => h.Id == household.Id, Cancel)).Status);
        Assert.False(await db.HouseholdStatusChanges.AnyAsync(s => s.ProcedureCaseId == id, Cancel));
    }

    [Fact]
    public async Task A_failed_vote_ends_the_case_and_one_open_case_per_household_is_allowed()
    {
        await using var c = await CountyAsync("429604");
        var household = c.Area.Household();
        var id = (await ProposeAsync(c.Team, household.Id, ProcedureKind.Exit)).Value;
        Assert.Contains("已有正在办理的退出程序", (await ProposeAsync(c.Team, household.Id, ProcedureKind.Removal)).Outcome.Summary);
        await ReviewInVillageAsync(c.Team, id, votesFor: 10);
        var ended = await CaseAsync(id);
        Assert.Equal(ProcedureStage.Rejected, ended.Stage);
        Assert.Contains("民主评议未通过", ended.ClosingReason);
        Succeeded((await ProposeAsync(c.Team, household.Id, ProcedureKind.Removal, p => p.Reason = "家庭成员有财政供养人员")).Outcome);
    }

    [Fact]
    public async Task The_countys_rules_set_deadlines_and_notice_days_and_hold_back_an_early_risk_elimination()
    {
        await using var c = await CountyAsync("429605");
        var rules = SaveProcedureRules.Command.From(ProcedureRules.Defaults(c.Area.County.Id));
        (rules.NoticeDays, rules.MonitoringDays, rules.StableIncomeMonths) = (7, 10, 6);
        Assert.Equal("程序办理规则由县级督导设置", (await AsAsync<SaveProcedureRules, CommandResult>(c.Township, h => h.HandleAsync(rules, Cancel))).Summary);
        Succeeded(await AsAsync<SaveProcedureRules, CommandResult>(c.Supervisor, h => h.HandleAsync(rules, Cancel)));

        var marginal = c.Area.Household(h => (h.Status, h.Category, h.IdentificationYear) = (HouseholdStatus.NotRegistered, null, null));
        Assert.Contains("边缘易致贫户", (await ProposeAsync(c.Team, c.Area.Household().Id, ProcedureKind.Monitoring, p => p.MonitoringType = MonitoringType.Marginal)).Outcome.Summary);
        var monitoring = await ProposeAsync(c.Team, marginal.Id, ProcedureKind.Monitoring, p => p.MonitoringType = MonitoringType.Marginal);
        Succeeded(monitoring.Outcome);
        Assert.Equal(Today.AddDays(-10).AddDays(10), (await CaseAsync(monitoring.Value)).DueOn);
        await ReviewInVillageAsync(c.Team, monitoring.Value);
        Assert.Contains("公示期不少于7天", (await NoticeAsync(c.Team, c.Area.Village.Id, Today.AddDays(-8), 5, monitoring.Value)).Outcome.Summary);

        // Taken in two months ago: the six months of stable income have not run.
        var recent = c.Area.Household(h => (h.MonitoringType, h.MonitoringIdentifiedOn) = (MonitoringType.SuddenHardship, Today.AddMonths(-2)));
        await c.Area.SaveAllAsync();
        Assert.Contains("收入须持续稳定满6个月", (await ProposeAsync(c.Team, recent.Id, ProcedureKind.RiskElimination)).Outcome.Summary);
        // A year in: stable, but nobody can work, and the county keeps such households monitored.
        var noLabour = c.Area.Household(h =>
        {
            (h.MonitoringType, h.MonitoringIdentifiedOn) = (MonitoringType.SuddenHardship, Today.AddMonths(-12));
            h.Members[0].LabourAbility = LabourAbility.Lost;
        });
        await c.Area.SaveAllAsync();
        Assert.Contains("没有具备劳动能力的成员", (await ProposeAsync(c.Team, noLabour.Id, ProcedureKind.RiskElimination)).Outcome.Summary);
        // Without the labour rule it is the income that is judged: none this year or last, then this year's below the line.
        rules.KeepMonitoringWithoutLabour = false;
        Succeeded(await AsAsync<SaveProcedureRules, CommandResult>(c.Supervisor, h => h.HandleAsync(rules, Cancel)));
        Assert.Contains("没有本年度或上年度的收入核算", (await ProposeAsync(c.Team, noLabour.Id, ProcedureKind.RiskElimination)).Outcome.Summary);
        var thisYear = new Domain.Income.IncomeRecord
        {
            CountyId = noLabour.CountyId, TownshipId = noLabour.TownshipId, VillageId = noLabour.VillageId, HouseholdId = noLabour.Id, Year = Today.Year,
            TransferIncome = 5000m, AnnualNet = 5000m, MeasuredNet = 5000m, NetIncomePerCapita = 5000m, MemberYears = 1, MeasuredMonths = 12,
        };
        c.Db.IncomeRecords.Add(thisYear);
        await c.Db.SaveChangesAsync(Cancel);
        Assert.Contains($"{Today.Year}年人均纯收入5000元，低于监测收入线", (await ProposeAsync(c.Team, noLabour.Id, ProcedureKind.RiskElimination)).Outcome.Summary);
        (thisYear.NetIncomePerCapita, thisYear.AnnualNet, thisYear.MeasuredNet, thisYear.TransferIncome) = (9000m, 9000m, 9000m, 9000m);
        await c.Db.SaveChangesAsync(Cancel);
        Succeeded((await ProposeAsync(c.Team, noLabour.Id, ProcedureKind.RiskElimination)).Outcome);
    }

    [Fact]
    public async Task An_approval_into_a_year_the_county_has_locked_is_refused_and_leaves_the_case_awaiting()
    {
        await using var c = await CountyAsync("429607");
        var household = c.Area.Household();
        var id = (await ProposeAsync(c.Team, household.Id, ProcedureKind.Exit)).Value;
        await ReviewInVillageAsync(c.Team, id);
        Succeeded((await NoticeAsync(c.Team, c.Area.Village.Id, Today.AddDays(-8), 5, id)).Outcome);
        Succeeded(await TownshipAsync(c.Township, id, ReviewDecision.Pass));
        c.Db.YearLocks.Add(new Domain.Areas.YearLock
        {
            CountyId = c.Area.County.Id, TownshipId = c.Area.Township.Id, Year = Today.Year, IsLocked = true,
            LockedAt = DateTimeOffset.UtcNow, LockedBy = c.Supervisor,
        });
        await c.Db.SaveChangesAsync(Cancel);

        var refused = await CountyAsync(c.Supervisor, id, ReviewDecision.Pass);
        Assert.Contains("已锁定", refused.Summary);
        Assert.Equal(ProcedureStage.AwaitingCounty, (await CaseAsync(id)).Stage);
        await using var db = app.SystemDb();
        Assert.Equal(HouseholdStatus.Identified, (await db.Households.SingleAsync(h => h.Id == household.Id, Cancel)).Status);
    }

    [Fact]
    public async Task A_village_team_sees_and_acts_on_its_own_villages_cases_only()
    {
        await using var c = await CountyAsync("429606");
        var household = c.Area.Household();
        var id = (await ProposeAsync(c.Team, household.Id, ProcedureKind.Exit)).Value;
        Assert.Null(await AsAsync<GetProcedureCase, GetProcedureCase.Result?>(c.OtherTeam, h => h.HandleAsync(id, Cancel)));
        var version = (await CaseAsync(id)).Version;
        var refused = await AsAsync<RecordVillageReview, CommandResult>(c.OtherTeam, h => h.HandleAsync(new()
        {
            CaseId = id, Version = version, ReviewedOn = Day(Today), Participants = 10, VotesFor = 10, VotesAgainst = 0, Attendance = "他村",
        }, Cancel));
        Assert.Equal(ProcedureCases.NotFound, refused.Summary);
        Assert.Contains("该户不存在", (await ProposeAsync(c.OtherTeam, household.Id, ProcedureKind.Removal)).Outcome.Summary);
        var listed = await AsAsync<ListProcedureCases, ListProcedureCases.Result>(c.OtherTeam, h => h.HandleAsync(new(ListProcedureCases.Show.All), Cancel));
        Assert.DoesNotContain(listed.Rows, r => r.Id == id);
        var mine = await AsAsync<ListProcedureCases, ListProcedureCases.Result>(c.Team, h => h.HandleAsync(new(), Cancel));
        Assert.Equal("待村级民主评议", Assert.Single(mine.Rows, r => r.Id == id).Awaiting);
        Assert.Equal("县级审批由县级督导办理", (await CountyAsync(c.Township, id, ReviewDecision.Pass)).Summary);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ProcedureCaseTestsOnSqlite(SqliteAppFixture app) : ProcedureCaseTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class ProcedureCaseTestsOnPostgreSql(PostgreSqlAppFixture app) : ProcedureCaseTests(app);
