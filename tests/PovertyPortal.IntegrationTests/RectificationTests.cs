using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Rectification;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// The rectification ledger through its handlers (issue 17): the state machine with its refusals in Chinese, evidence
/// in the attachment store, deadline extensions, scope, the overdue filter computed at query time, alerts, the
/// dashboard's figures and the audited export.
/// </summary>
public abstract class RectificationTests(PortalAppFixture app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private static DateOnly Today => PortalYears.Today(TimeProvider.System);

    /// <summary>The leader's village and its township (the demo's seed village, 石桥镇).</summary>
    private async Task<(int Township, int Village)> LeaderVillageAsync()
    {
        await using var db = app.SystemDb();
        var leader = await db.Users.Where(u => u.UserName == "leader").Select(u => new { u.TownshipId, u.VillageId }).SingleAsync();
        return (leader.TownshipId!.Value, leader.VillageId!.Value);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = app.SystemDb();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<CommandResult<int>> RaiseAsync(string userName, int township, int? village, string description, int deadlineInDays = 20,
        string? responsibleUser = null)
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<SaveProblem>().HandleAsync(new SaveProblem.Command
        {
            TownshipId = township, VillageId = village, Description = description, ResponsibleUnit = "栗子湾村驻村工作队",
            ResponsiblePerson = "陈志刚", ResponsibleUserId = responsibleUser, Deadline = Today.AddDays(deadlineInDays).ToDateTime(TimeOnly.MinValue),
        });
    }

    private async Task<Guid> VersionAsync(int id)
    {
        await using var db = app.SystemDb();
        return await db.Problems.Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
    }

    private async Task<CommandResult> ActAsync(string userName, int id, ProblemAction action, string? text, bool passed = true)
    {
        var version = await VersionAsync(id);
        await using var scope = await app.ScopeForAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<ActOnProblem>().HandleAsync(new ActOnProblem.Command
        {
            ProblemId = id, Version = version, Action = action, Text = text, Passed = passed,
        });
    }

    [Fact]
    public async Task A_problem_is_fixed_checked_and_closed_by_a_role_above_the_fixer_and_every_refusal_says_why_in_chinese()
    {
        var (township, village) = await LeaderVillageAsync();
        var raised = await RaiseAsync("township", township, village, "流程测试：危房改造资料不全", responsibleUser: await UserIdAsync("leader"));
        Assert.True(raised.Succeeded, raised.Outcome.Summary);
        var id = raised.Value;

        Assert.Equal("问题待整改，只有已整改（待核验）的问题可以核验销号", (await ActAsync("township", id, ProblemAction.Close, "看过了")).Summary);
        Assert.Equal("请填写整改措施", (await ActAsync("leader", id, ProblemAction.Start, "  ")).Summary);
        Assert.True((await ActAsync("leader", id, ProblemAction.Start, "补齐危房鉴定和改造验收资料")).Succeeded);
        Assert.Equal("请先上传整改佐证材料", (await ActAsync("leader", id, ProblemAction.MarkFixed, null)).Summary);

        // Evidence: a text, and a file through the attachment store, owned by the problem and lying in its village.
        await using (var scope = await app.ScopeForAsync("leader"))
        {
            var evidence = scope.ServiceProvider.GetRequiredService<AddProblemEvidence>();
            Assert.True((await evidence.HandleAsync(new AddProblemEvidence.Command { ProblemId = id, Text = "鉴定报告已补齐" })).Succeeded);
            using var stream = new MemoryStream(Pdf);
            Assert.True((await evidence.HandleAsync(new AddProblemEvidence.Command { ProblemId = id }, "验收单.pdf", stream)).Succeeded);
        }
        Assert.True((await ActAsync("leader", id, ProblemAction.MarkFixed, "已整改")).Succeeded);

        // Nobody closes their own report, and the check needs a role above the one that reported it fixed.
        Assert.Equal("不能核验本人报送的整改", (await ActAsync("leader", id, ProblemAction.Close, "自己核验")).Summary);
        Assert.Equal("须由驻村工作队长以上的角色核验（整改由驻村工作队长报送）", (await ActAsync("member", id, ProblemAction.Close, "队员核验")).Summary);
        Assert.Equal("请填写驳回理由", (await ActAsync("township", id, ProblemAction.Reject, "")).Summary);
        Assert.True((await ActAsync("township", id, ProblemAction.Reject, "验收单缺少签字")).Succeeded);
        Assert.True((await ActAsync("leader", id, ProblemAction.MarkFixed, "已补签字")).Succeeded);
        Assert.True((await ActAsync("township", id, ProblemAction.Close, "资料齐全，同意销号")).Succeeded);
        Assert.Equal("问题已销号，不能再添加佐证材料", await EvidenceRefusalAsync(id));

        // 回头看 failed: the problem is reopened.
        Assert.True((await ActAsync("county", id, ProblemAction.Recheck, "回访发现资料再次缺失", passed: false)).Succeeded);

        await using var db = app.SystemDb();
        var problem = await db.Problems.Include(p => p.Steps).Include(p => p.Evidence).SingleAsync(p => p.Id == id);
        Assert.Equal(ProblemStatus.InProgress, problem.Status);
        Assert.Equal(1, problem.ReopenCount);
        Assert.Equal(
            [ProblemAction.Start, ProblemAction.MarkFixed, ProblemAction.Reject, ProblemAction.MarkFixed, ProblemAction.Close, ProblemAction.Recheck],
            problem.Steps.OrderBy(s => s.Id).Select(s => s.Action));
        Assert.Equal(PovertyPortal.Domain.Users.PortalRoles.CountySupervisor, problem.Steps.OrderBy(s => s.Id).Last().ByRole);
        var file = Assert.Single(problem.Evidence, e => e.AttachmentId is not null);
        var attachment = await db.Attachments.SingleAsync(a => a.Id == file.AttachmentId);
        Assert.Equal((AttachmentOwner.Problem, id, (int?)village, "application/pdf"), (attachment.OwnerType, attachment.OwnerId, attachment.VillageId, attachment.ContentType));

        // The field history holds the status's way and the measures; the audit every step, refused ones as refused.
        var changes = await db.FieldChanges.Where(c => c.EntityType == nameof(Problem) && c.EntityId == id).ToListAsync();
        Assert.Contains(changes, c => c.Field == nameof(Problem.Status) && c.OldValue == "已整改（待核验）" && c.NewValue == "已销号" && c.UserName == "township");
        Assert.Contains(changes, c => c.Field == nameof(Problem.Measures) && c.OldValue == null && c.NewValue == "补齐危房鉴定和改造验收资料");
        Assert.All(changes, c => Assert.Null(c.HouseholdId));
        var recordId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await db.AuditLog.Where(a => a.RecordType == nameof(Problem) && a.RecordId == recordId).ToListAsync();
        Assert.Single(audit, a => a.Action == AuditActions.ProblemRaised && a.UserName == "township");
        Assert.Single(audit, a => a.Action == AuditActions.ProblemStep && a.UserName == "member" && a.Outcome == AuditOutcome.Denied
            && a.Detail == "核验销号：须由驻村工作队长以上的角色核验（整改由驻村工作队长报送）");
        Assert.Single(audit, a => a.Action == AuditActions.ProblemStep && a.UserName == "township" && a.Outcome == AuditOutcome.Success
            && a.Detail == "核验销号：已整改（待核验） → 已销号");
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.ProblemEvidenceAdded));
    }

    private async Task<string> EvidenceRefusalAsync(int id)
    {
        await using var scope = await app.ScopeForAsync("leader");
        return (await scope.ServiceProvider.GetRequiredService<AddProblemEvidence>()
            .HandleAsync(new AddProblemEvidence.Command { ProblemId = id, Text = "迟到的佐证" })).Summary;
    }

    [Fact]
    public async Task A_township_sees_and_acts_on_its_own_problems_only_and_a_village_team_not_on_the_townships_own()
    {
        var (township, village) = await LeaderVillageAsync();
        var villageProblem = (await RaiseAsync("township", township, village, "范围测试：村级问题")).Value;
        var townshipProblem = (await RaiseAsync("township", township, null, "范围测试：乡镇本级问题")).Value;
        Assert.True(villageProblem > 0 && townshipProblem > 0);

        // Another township's official: the ids give nothing, to read, to list, to act on, to edit.
        await using (var scope = await app.ScopeForAsync("township2"))
        {
            var services = scope.ServiceProvider;
            Assert.Null(await services.GetRequiredService<GetProblem>().HandleAsync(villageProblem));
            Assert.Null(await services.GetRequiredService<GetProblem>().HandleAsync(townshipProblem));
            var list = await services.GetRequiredService<ListProblems>().HandleAsync(new ListProblems.Query { Text = "范围测试", PageSize = 200 });
            Assert.Empty(list.Rows);
            var version = await VersionAsync(villageProblem);
            Assert.Equal("该问题不存在或不在您的管辖范围内", (await services.GetRequiredService<ActOnProblem>().HandleAsync(
                new ActOnProblem.Command { ProblemId = villageProblem, Version = version, Action = ProblemAction.Start, Text = "越权" })).Summary);
            var edit = await services.GetRequiredService<SaveProblem>().HandleAsync(new SaveProblem.Command
            {
                Id = villageProblem, Version = version, TownshipId = township, Description = "越权修改", ResponsibleUnit = "某单位", ResponsiblePerson = "某人",
                Deadline = Today.AddDays(5).ToDateTime(TimeOnly.MinValue),
            });
            Assert.Equal("该乡（镇）不存在或不在您的管辖范围内", edit.Outcome.Summary);
        }
        Assert.Equal("该乡（镇）不存在或不在您的管辖范围内", (await RaiseAsync("township2", township, village, "越权录入")).Outcome.Summary);

        // The village's team sees its village's problem, not the township's own.
        await using (var scope = await app.ScopeForAsync("leader"))
        {
            var list = await scope.ServiceProvider.GetRequiredService<ListProblems>().HandleAsync(new ListProblems.Query { Text = "范围测试", PageSize = 200 });
            Assert.Equal([villageProblem], list.Rows.Select(r => r.Id));
            Assert.Null(await scope.ServiceProvider.GetRequiredService<GetProblem>().HandleAsync(townshipProblem));
            Assert.Equal(SaveProblem.RoleRefusal, (await RaiseAsync("leader", township, village, "队长录入")).Outcome.Summary);
        }

        // The county sees both.
        await using (var scope = await app.ScopeForAsync("county"))
        {
            var list = await scope.ServiceProvider.GetRequiredService<ListProblems>().HandleAsync(new ListProblems.Query { Text = "范围测试", PageSize = 200 });
            Assert.Equal(new[] { villageProblem, townshipProblem }.Order(), list.Rows.Select(r => r.Id).Order());
        }
    }

    [Fact]
    public async Task Extensions_keep_the_original_deadline_and_a_history_with_reasons_and_only_officials_grant_them()
    {
        var (township, village) = await LeaderVillageAsync();
        var id = (await RaiseAsync("township", township, village, "延期测试", deadlineInDays: 10)).Value;
        var original = Today.AddDays(10);

        async Task<CommandResult> ExtendAsync(string userName, int days, string? reason)
        {
            var version = await VersionAsync(id);
            await using var scope = await app.ScopeForAsync(userName);
            return await scope.ServiceProvider.GetRequiredService<ExtendProblemDeadline>().HandleAsync(new ExtendProblemDeadline.Command
            {
                ProblemId = id, Version = version, NewDeadline = Today.AddDays(days).ToDateTime(TimeOnly.MinValue), Reason = reason,
            });
        }

        Assert.Equal("驻村工作队员不能批准整改延期", (await ExtendAsync("member", 20, "队员申请")).Summary);
        Assert.Equal("请填写延期理由", (await ExtendAsync("township", 20, " ")).Summary);
        var earlier = await ExtendAsync("township", 5, "提前");
        Assert.Equal($"新的整改时限须晚于现时限{original:yyyy年M月d日}", earlier[nameof(ExtendProblemDeadline.Command.NewDeadline)]);
        Assert.True((await ExtendAsync("township", 20, "汛期施工受阻")).Succeeded);
        Assert.True((await ExtendAsync("county", 30, "材料采购延迟")).Succeeded);

        await using var db = app.SystemDb();
        var problem = await db.Problems.Include(p => p.Extensions).SingleAsync(p => p.Id == id);
        Assert.Equal((original, Today.AddDays(30)), (problem.OriginalDeadline, problem.Deadline));
        Assert.Equal(
            [(original, Today.AddDays(20), "汛期施工受阻"), (Today.AddDays(20), Today.AddDays(30), "材料采购延迟")],
            problem.Extensions.OrderBy(e => e.Id).Select(e => (e.PreviousDeadline, e.NewDeadline, e.Reason)));
        Assert.Contains(await db.FieldChanges.Where(c => c.EntityType == nameof(Problem) && c.EntityId == id).ToListAsync(),
            c => c.Field == nameof(Problem.Deadline) && c.NewValue == Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_edit_of_an_open_problem_goes_to_its_history_and_a_long_description_is_cut_there_not_refused()
    {
        var (township, village) = await LeaderVillageAsync();
        var id = (await RaiseAsync("township", township, village, "修改测试：原描述")).Value;
        var longText = "修改测试：" + new string('长', 1995);
        await using (var scope = await app.ScopeForAsync("township"))
        {
            var command = SaveProblem.Command.From(await LoadAsync(id));
            command.Description = longText;
            command.ResponsiblePerson = "吴晓燕";
            var saved = await scope.ServiceProvider.GetRequiredService<SaveProblem>().HandleAsync(command);
            Assert.True(saved.Succeeded, saved.Outcome.Summary);

            // A stale page (the version it showed is gone) is refused and writes nothing.
            command.ResponsiblePerson = "过时的页面";
            Assert.Equal(ProblemCommands.Conflict, (await scope.ServiceProvider.GetRequiredService<SaveProblem>().HandleAsync(command)).Outcome.Summary);
        }

        await using var db = app.SystemDb();
        var problem = await db.Problems.SingleAsync(p => p.Id == id);
        Assert.Equal((longText, "吴晓燕"), (problem.Description, problem.ResponsiblePerson));
        var changes = await db.FieldChanges.Where(c => c.EntityType == nameof(Problem) && c.EntityId == id).ToListAsync();
        Assert.Contains(changes, c => c.Field == nameof(Problem.ResponsiblePerson) && c.OldValue == "陈志刚" && c.NewValue == "吴晓燕");
        var description = Assert.Single(changes, c => c.Field == nameof(Problem.Description));
        Assert.Equal("修改测试：原描述", description.OldValue);
        Assert.EndsWith("…", description.NewValue, StringComparison.Ordinal);
        Assert.StartsWith("修改测试：长长", description.NewValue, StringComparison.Ordinal);
    }

    private async Task<Problem> LoadAsync(int id)
    {
        await using var db = app.SystemDb();
        return await db.Problems.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    /// <summary>Problems written behind the handlers' backs, with deadlines around today, so that the overdue rule is what is tested.</summary>
    private async Task<Dictionary<string, int>> DueProblemsAsync(string marker)
    {
        var (township, village) = await LeaderVillageAsync();
        var leader = await UserIdAsync("leader");
        await using var db = app.SystemDb();
        var county = await db.Villages.Where(v => v.Id == village).Select(v => v.CountyId).SingleAsync();
        Problem Make(string name, int deadline, ProblemStatus status)
        {
            var p = Problem.Raise(ProblemSource.Manual, county, township, village, null, $"{marker}{name}",
                new ProblemAssignment("工作队", "陈志刚", leader, Today.AddDays(deadline)), Today.AddDays(-40));
            p.Status = status;
            db.Problems.Add(p);
            return p;
        }
        var made = new Dictionary<string, Problem>
        {
            ["昨天到期"] = Make("昨天到期", -1, ProblemStatus.InProgress),
            ["今天到期"] = Make("今天到期", 0, ProblemStatus.Pending),
            ["三天后到期"] = Make("三天后到期", 3, ProblemStatus.InProgress),
            ["四天后到期"] = Make("四天后到期", 4, ProblemStatus.Pending),
            ["已报送过期"] = Make("已报送过期", -9, ProblemStatus.Fixed),
        };
        await db.SaveChangesAsync();
        return made.ToDictionary(p => p.Key, p => p.Value.Id);
    }

    [Fact]
    public async Task Overdue_and_due_soon_are_computed_from_today_and_the_leaders_alerts_and_the_dashboard_agree()
    {
        var marker = $"期限测试{Guid.NewGuid():N}"[..12];
        var ids = await DueProblemsAsync(marker);

        await using var scope = await app.ScopeForAsync("leader");
        var list = scope.ServiceProvider.GetRequiredService<ListProblems>();
        var overdue = await list.HandleAsync(new ListProblems.Query { Text = marker, Due = ListProblems.Due.Overdue });
        Assert.Equal([ids["昨天到期"]], overdue.Rows.Select(r => r.Id));
        Assert.Equal("已逾期1天", overdue.Rows[0].DueText);
        var soon = await list.HandleAsync(new ListProblems.Query { Text = marker, Due = ListProblems.Due.DueSoon });
        Assert.Equal(new[] { ids["今天到期"], ids["三天后到期"] }.Order(), soon.Rows.Select(r => r.Id).Order());
        Assert.Contains(soon.Rows, r => r.DueText == "今天到期");

        // The leader is responsible for all of them: the alerts name the overdue one first, then the two due soon.
        var alerts = (await scope.ServiceProvider.GetRequiredService<GetProblemAlerts>().HandleAsync()).Where(a => a.Description.StartsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal([(AlertKind.Overdue, ids["昨天到期"]), (AlertKind.DueSoon, ids["今天到期"]), (AlertKind.DueSoon, ids["三天后到期"])],
            alerts.Select(a => (a.Kind, a.ProblemId)));

        // The dashboard's overdue per township is the list's overdue of that township.
        var (township, _) = await LeaderVillageAsync();
        await using var countyScope = await app.ScopeForAsync("county");
        var figures = await countyScope.ServiceProvider.GetRequiredService<GetProblemFigures>().HandleAsync();
        var row = Assert.Single(figures.Rows, r => r.AreaId == township);
        var listed = await countyScope.ServiceProvider.GetRequiredService<ListProblems>()
            .HandleAsync(new ListProblems.Query { TownshipId = township, Due = ListProblems.Due.Overdue, PageSize = 1 });
        Assert.Equal(listed.TotalCount, row.Overdue);
        Assert.True(row.Overdue >= 1);
    }

    [Fact]
    public async Task The_export_holds_the_filtered_rows_and_is_audited_with_its_filter_and_count()
    {
        var marker = $"导出测试{Guid.NewGuid():N}"[..12];
        var ids = await DueProblemsAsync(marker);

        await using var scope = await app.ScopeForAsync("township");
        using var file = new MemoryStream();
        var count = await scope.ServiceProvider.GetRequiredService<ExportProblems>()
            .WriteAsync(new ListProblems.Query { Text = marker, Due = ListProblems.Due.DueSoon }, file);
        Assert.Equal(2, count);

        file.Position = 0;
        using (var document = SpreadsheetDocument.Open(file, false))
        {
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal(3, rows.Count);
            var strings = document.WorkbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
            string Text(Cell c) => c.DataType?.Value == CellValues.SharedString && strings is not null ? strings[int.Parse(c.InnerText, System.Globalization.CultureInfo.InvariantCulture)] : c.InnerText;
            var exported = rows.Skip(1).Select(r => r.Elements<Cell>().Select(Text).ToArray()).ToList();
            Assert.Equal(new[] { ids["今天到期"], ids["三天后到期"] }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), exported.Select(r => r[1]));
            Assert.Equal(["今天到期", "还剩3天"], exported.Select(r => r[^1]));
        }

        await using var db = app.SystemDb();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.ExportProblems && a.UserName == "township"
            && a.Detail == "2 条；筛选：即将到期，含搜索词"));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class RectificationTestsOnSqlite(SqliteAppFixture app) : RectificationTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class RectificationTestsOnPostgreSql(PostgreSqlAppFixture app) : RectificationTests(app);
