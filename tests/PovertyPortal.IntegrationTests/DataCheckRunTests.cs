using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.DataChecks;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// Runs of the data checks (issue 18): a finding's history from first seen to resolved, rules switched off or sending
/// to the ledger by the county's choice, findings sent to the ledger by hand, the area a user may run and see, and the
/// nightly job.
/// </summary>
public abstract class DataCheckRunTests(PortalAppFixture app)
{
    private async Task<RunDataChecks.Outcome> RunAsync(int countyId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunDataChecks>().RunAsync(AreaScope.County(countyId), DataCheckTrigger.OnDemand, "test");
    }

    private async Task<List<DataCheckFinding>> FindingsAsync(int countyId, string rule)
    {
        await using var db = app.SystemDb();
        return await db.DataCheckFindings.Where(f => f.CountyId == countyId && f.RuleCode == rule).OrderBy(f => f.Id).ToListAsync();
    }

    private async Task SetPhoneAsync(int householdId, string? phone)
    {
        await using var db = app.SystemDb();
        var household = await db.Households.SingleAsync(h => h.Id == householdId);
        household.Phone = phone;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_fixed_record_is_resolved_by_the_next_run_and_tripping_again_opens_a_new_finding()
    {
        int countyId, householdId;
        await using (var db = app.SystemDb())
        {
            var county = await DataCheckCounty.CreateAsync(db, "429802", "比对历史县");
            var household = county.Household(h => h.Phone = null);
            await county.SaveAllAsync();
            (countyId, householdId) = (county.County.Id, household.Id);
        }

        var first = await RunAsync(countyId);
        var found = Assert.Single(await FindingsAsync(countyId, "DC22"));
        Assert.Null(found.ResolvedAt);
        Assert.Equal(first.RunId, found.LastRunId);
        Assert.Contains("户主", found.Subject);

        var second = await RunAsync(countyId);
        var seenAgain = Assert.Single(await FindingsAsync(countyId, "DC22"));
        Assert.Equal(found.FirstSeenAt, seenAgain.FirstSeenAt);
        Assert.Equal(second.RunId, seenAgain.LastRunId);
        Assert.True(seenAgain.LastSeenAt >= found.LastSeenAt);
        Assert.Equal(0, second.NewFindings);

        await SetPhoneAsync(householdId, "13700000001");
        var third = await RunAsync(countyId);
        var resolved = Assert.Single(await FindingsAsync(countyId, "DC22"));
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Equal(1, third.ResolvedFindings);

        await SetPhoneAsync(householdId, null);
        await RunAsync(countyId);
        var history = await FindingsAsync(countyId, "DC22");
        Assert.Equal(2, history.Count);
        Assert.NotNull(history[0].ResolvedAt);
        Assert.Null(history[1].ResolvedAt);
        Assert.True(history[1].FirstSeenAt > history[0].FirstSeenAt);
    }

    [Fact]
    public async Task A_rule_switched_off_needs_a_reason_is_not_run_and_the_choice_is_audited()
    {
        int countyId;
        await using (var db = app.SystemDb())
        {
            var county = await DataCheckCounty.CreateAsync(db, "429803", "比对停用县");
            county.Household(h => h.Address = null);
            await county.SaveAllAsync();
            countyId = county.County.Id;
        }
        await RunAsync(countyId);
        Assert.Single(await FindingsAsync(countyId, "DC23"));

        await using (var scope = await app.ScopeForAsync("admin"))
        {
            var save = scope.ServiceProvider.GetRequiredService<SaveDataCheckRuleSetting>();
            var refused = await save.HandleAsync(new SaveDataCheckRuleSetting.Command { CountyId = countyId, RuleCode = "DC23", IsDisabled = true, DisabledReason = "  " });
            Assert.Equal("停用规则须填写理由", refused.Summary);
            Assert.Equal("比对规则不存在", (await save.HandleAsync(new SaveDataCheckRuleSetting.Command { CountyId = countyId, RuleCode = "DC99" })).Summary);
            var saved = await save.HandleAsync(new SaveDataCheckRuleSetting.Command
            {
                CountyId = countyId, RuleCode = "DC23", IsDisabled = true, DisabledReason = "本县住址统一由公安户籍系统比对",
            });
            Assert.True(saved.Succeeded, saved.Summary);
        }
        await using (var scope = await app.ScopeForAsync("county"))
        {
            // A county supervisor of another county neither sees nor changes this county's choices.
            var other = await scope.ServiceProvider.GetRequiredService<SaveDataCheckRuleSetting>()
                .HandleAsync(new SaveDataCheckRuleSetting.Command { CountyId = countyId, RuleCode = "DC22", IsDisabled = true, DisabledReason = "试图越权" });
            Assert.Equal("所选县不在您的管辖范围内", other.Summary);
        }

        var run = await RunAsync(countyId);
        Assert.Equal(new DataCheckRules().All.Count - 1, run.RulesRun);
        // Switched off, its open finding is left as it was (not resolved by a run that did not look), and unlisted.
        Assert.Null(Assert.Single(await FindingsAsync(countyId, "DC23")).ResolvedAt);
        await using (var scope = await app.ScopeForAsync("admin"))
        {
            var list = await scope.ServiceProvider.GetRequiredService<ListDataCheckFindings>()
                .HandleAsync(new ListDataCheckFindings.Query(new RunDataChecks.Area(countyId), Show: ListDataCheckFindings.State.All));
            Assert.DoesNotContain(list.Rows, r => r.RuleCode == "DC23");
        }

        await using var check = app.SystemDb();
        Assert.True(await check.AuditLog.AnyAsync(a => a.Action == AuditActions.DataCheckRuleChanged && a.UserName == "admin"
            && a.RecordId == "DC23" && a.Detail == "停用：本县住址统一由公安户籍系统比对"));
        Assert.True(await check.AuditLog.AnyAsync(a => a.Action == AuditActions.DataCheckRun && a.UserName == "test"));
    }

    [Fact]
    public async Task A_rule_the_county_chose_sends_each_new_finding_to_the_ledger_and_findings_go_there_by_hand_all_or_none()
    {
        int countyId;
        string township;
        await using (var db = app.SystemDb())
        {
            var county = await DataCheckCounty.CreateAsync(db, "429804", "比对台账县");
            county.Household(h => (h.IsRelocated, h.RelocationSite) = (true, null));
            county.Household(h => h.PrimaryCause = null);
            county.Household(h => h.PrimaryCause = null);
            await county.SaveAllAsync();
            (countyId, township) = (county.County.Id, county.Township.Name);
        }
        await using (var scope = await app.ScopeForAsync("admin"))
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveDataCheckRuleSetting>().HandleAsync(new SaveDataCheckRuleSetting.Command
            {
                CountyId = countyId, RuleCode = "DC21", SendsToLedger = true, LedgerResponsiblePerson = "王建华", LedgerDeadlineDays = 15,
            });
            Assert.True(saved.Succeeded, saved.Summary);
        }
        await RunAsync(countyId);

        var sent = Assert.Single(await FindingsAsync(countyId, "DC21"));
        Assert.NotNull(sent.ProblemId);
        await using (var db = app.SystemDb())
        {
            var problem = await db.Problems.SingleAsync(p => p.Id == sent.ProblemId);
            Assert.Equal(ProblemSource.DataComparison, problem.Source);
            Assert.Equal("大数据比对 DC21", problem.SourceReference);
            Assert.Equal($"{township}人民政府", problem.ResponsibleUnit);
            Assert.Equal("王建华", problem.ResponsiblePerson);
            Assert.Equal(DataCheckCounty.Today.AddDays(15), problem.Deadline);
            Assert.Equal(sent.HouseholdId, problem.HouseholdId);
            Assert.Contains("易地搬迁户未填安置点", problem.Description);
        }
        // Seen again, it is not sent twice.
        await RunAsync(countyId);
        await using (var db = app.SystemDb())
        {
            Assert.Equal(1, await db.Problems.CountAsync(p => p.CountyId == countyId && p.SourceReference == "大数据比对 DC21"));
        }

        var byHand = await FindingsAsync(countyId, "DC26");
        Assert.Equal(2, byHand.Count);
        Assert.All(byHand, f => Assert.Null(f.ProblemId));
        await using (var scope = await app.ScopeForAsync("admin"))
        {
            var send = scope.ServiceProvider.GetRequiredService<SendFindingsToLedger>();
            var command = new SendFindingsToLedger.Command
            {
                FindingIds = [.. byHand.Select(f => f.Id)], ResponsibleUnit = "比对台账县甲镇人民政府", ResponsiblePerson = "李明",
                Deadline = DataCheckCounty.Today.AddDays(-1).ToDateTime(TimeOnly.MinValue),
            };
            Assert.Equal("整改时限不能早于今天", (await send.HandleAsync(command)).Outcome.Summary);
            command.Deadline = DataCheckCounty.Today.AddDays(20).ToDateTime(TimeOnly.MinValue);
            // One already sent refuses the lot, naming it.
            command.FindingIds.Add(sent.Id);
            var refused = await send.HandleAsync(command);
            Assert.Contains("已转入整改台账", refused.Outcome.Summary);
            await using (var db = app.SystemDb())
            {
                Assert.Equal(0, await db.Problems.CountAsync(p => p.CountyId == countyId && p.SourceReference == "大数据比对 DC26"));
            }
            command.FindingIds.Remove(sent.Id);
            var result = await send.HandleAsync(command);
            Assert.True(result.Succeeded, result.Outcome.Summary);
            Assert.Equal(2, result.Value);
        }
        Assert.All(await FindingsAsync(countyId, "DC26"), f => Assert.NotNull(f.ProblemId));
        await using (var db = app.SystemDb())
        {
            Assert.Equal(2, await db.Problems.CountAsync(p => p.CountyId == countyId && p.SourceReference == "大数据比对 DC26" && p.ResponsiblePerson == "李明"));
            Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.DataCheckToLedger && a.UserName == "admin" && a.Detail == "转入 2 条：DC26"));
        }
    }

    [Fact]
    public async Task A_user_runs_and_sees_only_their_own_area_and_health_findings_only_in_roles_that_see_health()
    {
        int countyId, ownTownship, otherTownship, ownHousehold, otherHousehold, village;
        await using (var db = app.SystemDb())
        {
            var users = await db.Users.Where(u => u.UserName == "township" || u.UserName == "township2" || u.UserName == "leader")
                .ToDictionaryAsync(u => u.UserName!, u => (u.CountyId, u.TownshipId, u.VillageId));
            (countyId, ownTownship, otherTownship, village) = (users["township"].CountyId!.Value, users["township"].TownshipId!.Value,
                users["township2"].TownshipId!.Value, users["leader"].VillageId!.Value);
            // The last villages of the two townships: the import tests export the first ones and expect them unchanged.
            var ownVillage = await db.Villages.Where(v => v.TownshipId == ownTownship && v.Id != village).OrderByDescending(v => v.Id).FirstAsync();
            var otherVillage = await db.Villages.Where(v => v.TownshipId == otherTownship).OrderByDescending(v => v.Id).FirstAsync();
            Household Add(Village v, string number)
            {
                var h = new Household
                {
                    CountyId = countyId, TownshipId = v.TownshipId, VillageId = v.Id, HouseholdNumber = number, Address = "测试地址",
                    Category = PovertyCategory.General, PrimaryCause = PovertyCause.Illness, IdentificationYear = 2016, Status = HouseholdStatus.Identified,
                };
                h.Members.Add(new Member
                {
                    CountyId = countyId, TownshipId = v.TownshipId, VillageId = v.Id, Name = "比对测试" + number[^2..], Relationship = Relationship.Head,
                    Gender = Gender.Female, BirthDate = new DateOnly(1966, 6, 6), HasBasicMedicalInsurance = true, Health = HealthStatus.Disabled,
                    ResidentId = ResidentId.Create("421129", new DateOnly(1966, 6, 6), 700 + number[^1] % 10, Gender.Female).Value,
                });
                db.Households.Add(h);
                return h;
            }
            var own = Add(ownVillage, "DCSCOPE000001");
            var other = Add(otherVillage, "DCSCOPE000002");
            await db.SaveChangesAsync();
            (ownHousehold, otherHousehold) = (own.Id, other.Id);
        }
        string Key(int id) => DataCheckLabels.KeyOf(DataCheckTarget.Household, id);

        await using (var scope = await app.ScopeForAsync("township"))
        {
            var run = scope.ServiceProvider.GetRequiredService<RunDataChecks>();
            Assert.Equal("所选地区不存在或不在您的管辖范围内", (await run.HandleAsync(new RunDataChecks.Area(countyId))).Outcome.Summary);
            Assert.Equal("所选地区不存在或不在您的管辖范围内", (await run.HandleAsync(new RunDataChecks.Area(countyId, otherTownship))).Outcome.Summary);
            var result = await run.HandleAsync(new RunDataChecks.Area(countyId, ownTownship));
            Assert.True(result.Succeeded, result.Outcome.Summary);
            var phoneFindings = await FindingsAsync(countyId, "DC22");
            Assert.Contains(phoneFindings, f => f.SubjectKey == Key(ownHousehold) && f.ResolvedAt == null);
            Assert.DoesNotContain(phoneFindings, f => f.SubjectKey == Key(otherHousehold));
            Assert.All(phoneFindings.Where(f => f.LastRunId == result.Value!.RunId), f => Assert.Equal(ownTownship, f.TownshipId));
        }

        // The county's run finds the other township's household; a later township run leaves that finding open.
        await RunAsync(countyId);
        await using (var scope = await app.ScopeForAsync("township"))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<RunDataChecks>().HandleAsync(new RunDataChecks.Area(countyId, ownTownship))).Succeeded);
            var list = await scope.ServiceProvider.GetRequiredService<ListDataCheckFindings>()
                .HandleAsync(new ListDataCheckFindings.Query(new RunDataChecks.Area(countyId), PageSize: 1000, Search: "比对测试"));
            Assert.False(list.HealthHidden);
            // The data layer keeps the other township's findings out, whatever area is asked for.
            Assert.All(list.Rows, r => Assert.NotEqual(otherHousehold, r.HouseholdId));
            Assert.Contains(list.Rows, r => r.RuleCode == "DC06" && r.Subject.Contains("比对测试01"));
        }
        Assert.Contains(await FindingsAsync(countyId, "DC22"), f => f.SubjectKey == Key(otherHousehold) && f.ResolvedAt == null);

        // A work-team leader runs their village; the system administrator does not see findings that tell health.
        await using (var scope = await app.ScopeForAsync("leader"))
        {
            var result = await scope.ServiceProvider.GetRequiredService<RunDataChecks>().HandleAsync(new RunDataChecks.Area(countyId, ownTownship, village));
            Assert.True(result.Succeeded, result.Outcome.Summary);
        }
        await using (var scope = await app.ScopeForAsync("admin"))
        {
            var list = await scope.ServiceProvider.GetRequiredService<ListDataCheckFindings>()
                .HandleAsync(new ListDataCheckFindings.Query(new RunDataChecks.Area(countyId), Search: "比对测试", PageSize: 1000));
            Assert.True(list.HealthHidden);
            Assert.DoesNotContain(list.Rows, r => r.RuleCode is "DC06" or "DC07");
            Assert.Contains(list.Rows, r => r.RuleCode == "DC22" && r.HouseholdId == otherHousehold);
        }
        await using (var scope = await app.ScopeForAsync("member"))
        {
            var refused = await scope.ServiceProvider.GetRequiredService<RunDataChecks>().HandleAsync(new RunDataChecks.Area(countyId, ownTownship, village));
            Assert.Equal("没有运行大数据比对的权限", refused.Outcome.Summary);
        }
    }

    [Fact]
    public async Task The_nightly_job_runs_every_county()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        await app.Factory.Services.GetRequiredService<NightlyDataChecks>().RunNightAsync(TestContext.Current.CancellationToken);
        await using var db = app.SystemDb();
        var counties = await db.Counties.Where(c => !c.IsRetired).Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
        var runs = await db.DataCheckRuns.Where(r => r.Trigger == DataCheckTrigger.Nightly && r.RequestedBy == "system")
            .Select(r => new { r.CountyId, r.StartedAt, r.FinishedAt, r.Error, r.TownshipId }).ToListAsync(TestContext.Current.CancellationToken);
        var tonight = runs.Where(r => r.StartedAt >= started).ToList();
        Assert.Equal(counties.Order(), tonight.Select(r => r.CountyId).Order());
        Assert.All(tonight, r => { Assert.NotNull(r.FinishedAt); Assert.Null(r.Error); Assert.Null(r.TownshipId); });
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class DataCheckRunTestsOnSqlite(SqliteAppFixture app) : DataCheckRunTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class DataCheckRunTestsOnPostgreSql(PostgreSqlAppFixture app) : DataCheckRunTests(app);
