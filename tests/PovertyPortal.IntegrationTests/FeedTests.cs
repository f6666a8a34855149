using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Feeds;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Feeds;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// 部门预警信息 (issue 20) through its handlers, each test in a county of its own (DataCheckCounty): a 医保 list in GBK
/// matched in the register, near it and not at all; one task per person in their village; the mapping proposed again;
/// the same month refused; the tasks scoped to the village's team; a result recorded with its version and audit entry.
/// </summary>
public abstract class FeedTests(PortalAppFixture app)
{
    private static readonly Encoding Gbk = GetGbk();

    private static Encoding GetGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }

    private sealed record Users(string County, string Township, string Village, string OtherVillage);

    private sealed record Arranged(DataCheckCounty County, Household Registered, Household Monitored, string NearId, string BadId, string NoVillageId, Users Users);

    /// <summary>
    /// A county with a registered household in its first village, a monitored one in its second, and the people of the
    /// list: a person of the second village not on the register, an ID with a wrong check digit, and one without a village.
    /// </summary>
    private async Task<Arranged> ArrangeAsync(string areaCode, string name)
    {
        await using var db = app.SystemDb();
        var county = await DataCheckCounty.CreateAsync(db, areaCode, name);
        var registered = county.Household();
        var monitored = county.Household(h =>
        {
            h.Status = HouseholdStatus.NotRegistered;
            h.MonitoringType = MonitoringType.Marginal;
        }, county.OtherVillage);
        await county.SaveAllAsync();
        var near = ResidentId.Create(areaCode, new DateOnly(1981, 4, 2), 517, Gender.Female).Value;
        var valid = ResidentId.Create(areaCode, new DateOnly(1975, 9, 9), 623, Gender.Male).Value;
        var bad = valid[..17] + (valid[17] == '1' ? '2' : '1');
        var noVillage = ResidentId.Create(areaCode, new DateOnly(1962, 12, 30), 731, Gender.Male).Value;

        var users = new Users($"fc{areaCode}{Guid.NewGuid():N}"[..14], $"ft{areaCode}{Guid.NewGuid():N}"[..14],
            $"fv{areaCode}{Guid.NewGuid():N}"[..14], $"fo{areaCode}{Guid.NewGuid():N}"[..14]);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        foreach (var (user, role, township, village) in new[]
        {
            (users.County, PortalRoles.CountySupervisor, (int?)null, (int?)null),
            (users.Township, PortalRoles.TownshipOfficial, county.Township.Id, null),
            (users.Village, PortalRoles.WorkTeamMember, county.Township.Id, county.Village.Id),
            (users.OtherVillage, PortalRoles.WorkTeamLeader, county.Township.Id, county.OtherVillage.Id),
        })
        {
            var account = new PortalUser { UserName = user, DisplayName = "预警测试", CountyId = county.County.Id, TownshipId = township, VillageId = village };
            Assert.True((await manager.CreateAsync(account, "Feeds-2026-xyz")).Succeeded);
            await manager.AddToRoleAsync(account, role);
        }
        return new Arranged(county, registered, monitored, near, bad, noVillage, users);
    }

    /// <summary>A 医保 list as the department sends it: a title row, a header, the people, a total line.</summary>
    private static byte[] MedicalList(Arranged a) => Gbk.GetBytes(string.Join("\r\n",
        "2026年11月医保大额医疗支出人员名单,,,,,,",
        "序号,参保人姓名,公民身份号码,村（社区）,费用合计（元）,结算日期,主要诊断",
        $"1,{a.County.Head(a.Registered).Name},{a.County.Head(a.Registered).ResidentId},{a.County.Village.Name},52000,2026-11-03,脑梗死",
        $"2,{a.County.Head(a.Registered).Name},{a.County.Head(a.Registered).ResidentId.ToLowerInvariant()},,8000,2026-11-20,脑梗死",
        $"3,{a.County.Head(a.Monitored).Name},{a.County.Head(a.Monitored).ResidentId},{a.County.Village.Name},31000,2026-11-11,骨折",
        $"4,赵未登,{a.NearId},{a.County.Township.Name}{a.County.OtherVillage.Name},45000,2026-11-15,肺炎",
        $"5,钱错号,{a.BadId},{a.County.Village.Name},20000,2026-11-16,",
        $"6,孙无村,{a.NoVillageId},,26000,2026-11-17,",
        "合计,,,,182000,,") + "\r\n");

    private async Task<(CommandResult<int> Result, Dictionary<FeedField, string> Proposed)> UploadAsync(string user, byte[] file, int month,
        Action<Dictionary<FeedField, string>>? adjust = null)
    {
        await using var scope = await app.ScopeForAsync(user);
        var saved = await scope.ServiceProvider.GetRequiredService<GetFeedMapping>().HandleAsync(FeedDepartment.MedicalInsurance, FeedDepartment.MedicalInsurance.Label());
        using var stream = new MemoryStream(file);
        var (header, error) = await FeedFileReader.ReadHeaderAsync(stream, "医保.csv");
        Assert.Null(error);
        var proposed = FeedFileReader.Propose(header!, saved);
        var mapping = new Dictionary<FeedField, string>(proposed);
        adjust?.Invoke(mapping);
        var sheet = await FeedFileReader.ReadAsync(stream, "医保.csv", mapping);
        var result = await scope.ServiceProvider.GetRequiredService<UploadFeedBatch>().HandleAsync(new UploadFeedBatch.Command
        {
            Department = FeedDepartment.MedicalInsurance, Year = 2026, Month = month, DueDays = 10, FileName = "医保.csv", Mapping = mapping, Sheet = sheet,
        });
        return (result, proposed);
    }

    [Fact]
    public async Task A_list_is_matched_in_the_register_near_it_and_not_at_all_and_each_person_gets_one_task_in_their_village()
    {
        var a = await ArrangeAsync("429851", "预警匹配县");
        // The department's own amount header is unknown to the portal: the user maps it once.
        var (result, first) = await UploadAsync(a.Users.County, MedicalList(a), 11, m => m[FeedField.Amount] = "费用合计（元）");
        Assert.True(result.Succeeded, result.Outcome.Summary);
        Assert.Equal(("公民身份号码", "参保人姓名", "村（社区）", "主要诊断"),
            (first[FeedField.ResidentId], first[FeedField.Name], first[FeedField.Village], first[FeedField.Item]));
        Assert.False(first.ContainsKey(FeedField.Amount));

        await using var db = app.SystemDb();
        var batch = await db.FeedBatches.SingleAsync(b => b.Id == result.Value);
        Assert.Equal((6, 3, 1, 2, (int?)null), (batch.RowCount, batch.InRegisterCount, batch.NearCount, batch.UnmatchedCount, batch.TownshipId));
        Assert.Equal("医保大额医疗支出（2026年11月）", batch.Title);
        var rows = await db.FeedRows.Where(r => r.FeedBatchId == batch.Id).OrderBy(r => r.RowNumber).ToListAsync();
        Assert.Equal([3, 4, 5, 6, 7, 8], rows.Select(r => r.RowNumber));
        Assert.Contains("校验码错误", rows[4].Reason, StringComparison.Ordinal);
        Assert.Contains("没有所在村", rows[5].Reason, StringComparison.Ordinal);

        var tasks = await db.HomeCheckTasks.Where(t => t.FeedBatchId == batch.Id).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(3, tasks.Count);
        var registered = tasks.Single(t => t.HouseholdId == a.Registered.Id);
        // The person listed twice: one task, in the village of their household, with both bills.
        Assert.Equal((FeedMatch.InRegister, a.County.Village.Id), (registered.Match, registered.VillageId));
        Assert.Equal("金额 52000；日期 2026-11-03／金额 8000；日期 2026-11-20", registered.Fact);
        Assert.Equal("脑梗死", registered.Item);
        Assert.Equal([registered.Id, registered.Id], rows.Take(2).Select(r => r.HomeCheckTaskId!.Value));
        // A monitored household's member is in the register, in their household's village whatever the list says.
        var monitored = tasks.Single(t => t.HouseholdId == a.Monitored.Id);
        Assert.Equal((FeedMatch.InRegister, a.County.OtherVillage.Id), (monitored.Match, monitored.VillageId));
        var near = tasks.Single(t => t.Match == FeedMatch.NearRegister);
        Assert.Equal((a.County.OtherVillage.Id, a.County.Township.Id, (int?)null, "赵未登", a.NearId), (near.VillageId, near.TownshipId, near.HouseholdId, near.PersonName, near.ResidentId));
        Assert.All(tasks, t => Assert.Equal(PortalYears.Today(TimeProvider.System).AddDays(10), t.DueOn));
        // The audit entry counts, and names nobody.
        var audit = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.FeedBatchUploaded && e.RecordId == batch.Id.ToString());
        Assert.Contains("生成入户核实任务3条", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(a.NearId, audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("赵未登", audit.Detail, StringComparison.Ordinal);

        // The same month again is refused, for the township too; the saved mapping is proposed for the next month.
        var (again, proposedAgain) = await UploadAsync(a.Users.Township, MedicalList(a), 11);
        Assert.False(again.Succeeded);
        Assert.Contains("已经上传过", again.Outcome.Summary, StringComparison.Ordinal);
        Assert.Equal(1, await db.FeedBatches.CountAsync(b => b.CountyId == a.County.County.Id));
        Assert.Equal("费用合计（元）", proposedAgain[FeedField.Amount]);
        var (december, _) = await UploadAsync(a.Users.Township, MedicalList(a), 12);
        Assert.True(december.Succeeded, december.Outcome.Summary);
        Assert.Equal(a.County.Township.Id, (await db.FeedBatches.SingleAsync(b => b.Id == december.Value)).TownshipId);
    }

    [Fact]
    public async Task A_village_team_sees_and_records_only_its_village_s_tasks_and_a_suggestion_leads_to_a_monitoring_case()
    {
        var a = await ArrangeAsync("429852", "预警范围县");
        var (uploaded, _) = await UploadAsync(a.Users.County, MedicalList(a), 11, m => m[FeedField.Amount] = "费用合计（元）");
        Assert.True(uploaded.Succeeded, uploaded.Outcome.Summary);
        await using var db = app.SystemDb();
        var tasks = await db.HomeCheckTasks.Where(t => t.FeedBatchId == uploaded.Value).ToListAsync();
        var own = tasks.Single(t => t.VillageId == a.County.Village.Id);
        var other = tasks.First(t => t.VillageId == a.County.OtherVillage.Id);

        await using (var scope = await app.ScopeForAsync(a.Users.Village))
        {
            var list = await scope.ServiceProvider.GetRequiredService<ListHomeChecks>().HandleAsync(new(HomeCheckFilter.All));
            var item = Assert.Single(list);
            Assert.Equal((own.Id, "医保大额医疗支出（2026年11月）", ResidentId.Mask(a.County.Head(a.Registered).ResidentId), false),
                (item.Id, item.BatchTitle, item.ResidentIdMasked, item.Overdue));
            // The department's list itself is the officials': a team sees its tasks, not the batch.
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ListFeedBatches>().HandleAsync());
            Assert.Null(await scope.ServiceProvider.GetRequiredService<GetFeedBatch>().HandleAsync(uploaded.Value));
            Assert.Null(await scope.ServiceProvider.GetRequiredService<GetHomeCheck>().HandleAsync(other.Id));
            var detail = await scope.ServiceProvider.GetRequiredService<GetHomeCheck>().HandleAsync(own.Id);
            // A team member does not read health: the diagnosis stays hidden.
            Assert.Equal((null, true), (detail!.Item, detail.ItemHidden));

            var record = scope.ServiceProvider.GetRequiredService<RecordHomeCheck>();
            var refused = await record.HandleAsync(new RecordHomeCheck.Command
            {
                TaskId = other.Id, CheckedOn = DateTime.Today, Finding = "入户了解", Outcome = HomeCheckOutcome.NoRisk,
            });
            Assert.False(refused.Succeeded);
            var empty = await record.HandleAsync(new RecordHomeCheck.Command { TaskId = own.Id, Version = detail.Version, CheckedOn = DateTime.Today });
            Assert.Equal(("请填写核实情况，如家庭收支、医疗负担、住房等", "请选择核实结论"),
                (empty[nameof(RecordHomeCheck.Command.Finding)], empty[nameof(RecordHomeCheck.Command.Outcome)]));
            var saved = await record.HandleAsync(new RecordHomeCheck.Command
            {
                TaskId = own.Id, Version = detail.Version, CheckedOn = DateTime.Today, Finding = "住院自付3万元，家庭收入骤降", Outcome = HomeCheckOutcome.SuggestMonitoring,
            });
            Assert.True(saved.Succeeded, saved.Summary);
            // A form opened before that save is refused, not written over it.
            var stale = await record.HandleAsync(new RecordHomeCheck.Command
            {
                TaskId = own.Id, Version = detail.Version, CheckedOn = DateTime.Today, Finding = "无风险", Outcome = HomeCheckOutcome.NoRisk,
            });
            Assert.False(stale.Succeeded);
            Assert.Contains("已被他人修改", stale.Summary, StringComparison.Ordinal);

            var after = await scope.ServiceProvider.GetRequiredService<GetHomeCheck>().HandleAsync(own.Id);
            Assert.Equal(HomeCheckOutcome.SuggestMonitoring, after!.Outcome);
            Assert.Equal($"/procedures/new?household={a.Registered.Id}&kind=Monitoring&clue={Uri.EscapeDataString("医保大额医疗支出（2026年11月）入户核实")}",
                after.MonitoringCaseHref);
            Assert.Single(await scope.ServiceProvider.GetRequiredService<ListHomeChecks>().HandleAsync(new(HomeCheckFilter.Done)));
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ListHomeChecks>().HandleAsync(new(HomeCheckFilter.Open)));
        }

        var stored = await db.HomeCheckTasks.AsNoTracking().SingleAsync(t => t.Id == own.Id);
        Assert.Equal((HomeCheckOutcome.SuggestMonitoring, "住院自付3万元，家庭收入骤降"), (stored.Outcome, stored.Finding));
        var audit = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.HomeCheckRecorded && e.RecordId == own.Id.ToString());
        Assert.Equal("核实结论：建议纳入监测", audit.Detail);

        // The other village's leader sees its two tasks; the near person's suggestion has no household to start a case for.
        await using (var scope = await app.ScopeForAsync(a.Users.OtherVillage))
        {
            var list = await scope.ServiceProvider.GetRequiredService<ListHomeChecks>().HandleAsync(new(HomeCheckFilter.Open));
            Assert.Equal(2, list.Count);
            var nearTask = tasks.Single(t => t.Match == FeedMatch.NearRegister);
            var leaderView = await scope.ServiceProvider.GetRequiredService<GetHomeCheck>().HandleAsync(nearTask.Id);
            Assert.Equal("肺炎", leaderView!.Item);
            var saved = await scope.ServiceProvider.GetRequiredService<RecordHomeCheck>().HandleAsync(new RecordHomeCheck.Command
            {
                TaskId = nearTask.Id, Version = leaderView.Version, CheckedOn = DateTime.Today, Finding = "未纳入，收入低", Outcome = HomeCheckOutcome.SuggestMonitoring,
            });
            Assert.True(saved.Succeeded, saved.Summary);
            Assert.Null((await scope.ServiceProvider.GetRequiredService<GetHomeCheck>().HandleAsync(nearTask.Id))!.MonitoringCaseHref);
            Assert.Equal($"/households?village={a.County.OtherVillage.Id}", HomeCheckLinks.VillageHouseholds(leaderView.VillageId));
        }

        // The township sees all three, and the inbox counts them.
        await using (var scope = await app.ScopeForAsync(a.Users.Township))
        {
            Assert.Equal(3, (await scope.ServiceProvider.GetRequiredService<ListHomeChecks>().HandleAsync(new(HomeCheckFilter.All))).Count);
            // The county's batch is the county's: a township official does not read its rows.
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ListFeedBatches>().HandleAsync());
        }
        await using (var scope = await app.ScopeForAsync(a.Users.County))
        {
            var inbox = await scope.ServiceProvider.GetRequiredService<ListFeedBatches>().HandleAsync();
            var item = Assert.Single(inbox);
            Assert.Equal((6, 3, 1, 2, 1, 2), (item.Rows, item.InRegister, item.Near, item.Unmatched, item.TasksOpen, item.TasksDone));
            var batch = await scope.ServiceProvider.GetRequiredService<GetFeedBatch>().HandleAsync(uploaded.Value);
            Assert.Equal(2, batch!.Rows.Count(r => r.Match == FeedMatch.Unmatched));
            Assert.DoesNotContain(batch.Rows, r => r.ResidentIdMasked == a.NearId);
            Assert.Equal(ResidentId.Mask(a.NearId), batch.Rows.Single(r => r.Match == FeedMatch.NearRegister).ResidentIdMasked);
        }
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class FeedTestsOnSqlite(SqliteAppFixture app) : FeedTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class FeedTestsOnPostgreSql(PostgreSqlAppFixture app) : FeedTests(app);
