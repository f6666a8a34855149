using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Features.Reports;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// The county supervisor's plan of a cross-inspection round (issue 17) through its handlers: the round with its copy of
/// the county template, pairs with the rotation's rules, groups, the seeded draw that shows again and avoids earlier
/// rounds' households, additions and swaps with reasons, issuing only a whole plan, and a township official kept out in
/// the handler and in the data layer. Each test's rounds start in a month of their own, so that "the previous round"
/// is the one the test made.
/// </summary>
public abstract class InspectionPlanningTests(PortalAppFixture app)
{
    private async Task<CommandResult<int>> CreateRoundAsync(string userName, string title, DateOnly start, int registered = 2, int monitored = 1)
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<SaveInspectionRound>().HandleAsync(new SaveInspectionRound.Command
        {
            Title = title, Year = start.Year, StartDate = start.ToDateTime(TimeOnly.MinValue), EndDate = start.AddDays(10).ToDateTime(TimeOnly.MinValue),
            RegisteredQuota = registered, MonitoredQuota = monitored,
        });
    }

    private async Task<TResult> AsAsync<THandler, TResult>(string userName, Func<THandler, Task<TResult>> act) where THandler : notnull
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await act(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private async Task<List<TownshipRef>> TownshipsAsync()
    {
        await using var db = app.SystemDb();
        var county = await db.Users.Where(u => u.UserName == "county").Select(u => u.CountyId).SingleAsync();
        return await db.Townships.Where(t => t.CountyId == county && !t.IsRetired).OrderBy(t => t.AdminCode)
            .Select(t => new TownshipRef(t.Id, t.Name)).ToListAsync();
    }

    /// <summary>A round with the portal's rotation saved and a group of one outsider leader per pair.</summary>
    private async Task<int> PlannedRoundAsync(string title, DateOnly start)
    {
        var created = await CreateRoundAsync("county", title, start);
        Assert.True(created.Succeeded, created.Outcome.Summary);
        var proposal = await AsAsync<ProposeInspectionPairs, RotationProposal?>("county", h => h.HandleAsync(created.Value));
        var saved = await AsAsync<SaveInspectionPairs, SaveInspectionPairs.Result>("county", h => h.HandleAsync(created.Value, proposal!.Pairs));
        Assert.True(saved.Succeeded, saved.Outcome.Summary);
        await using var db = app.SystemDb();
        var pairs = await db.InspectionPairs.Where(p => p.InspectionRoundId == created.Value).Select(p => p.Id).ToListAsync();
        foreach (var pair in pairs)
        {
            var group = await AsAsync<SaveInspectionGroup, CommandResult>("county", h => h.HandleAsync(new SaveInspectionGroup.Command
            {
                PairId = pair, People = [new SaveInspectionGroup.Person { Role = GroupRole.Leader, Name = $"组长{pair}", Unit = "县乡村振兴局", Phone = "13800001234" }],
            }));
            Assert.True(group.Succeeded, group.Summary);
        }
        return created.Value;
    }

    private async Task<List<SampledHousehold>> SampleAsync(int roundId)
    {
        await using var db = app.SystemDb();
        return await db.SampledHouseholds.Where(s => s.InspectionRoundId == roundId).OrderBy(s => s.Id).ToListAsync();
    }

    [Fact]
    public async Task A_new_round_gets_its_own_copy_of_the_county_template_and_bad_input_is_refused_field_by_field()
    {
        var refused = await CreateRoundAsync("county", "  ", new DateOnly(2025, 1, 6));
        Assert.Equal("请填写督导方案标题", refused.Outcome[nameof(SaveInspectionRound.Command.Title)]);
        var backwards = await AsAsync<SaveInspectionRound, CommandResult<int>>("county", h => h.HandleAsync(new SaveInspectionRound.Command
        {
            Title = "日期颠倒", Year = 2025, StartDate = new DateTime(2025, 1, 10), EndDate = new DateTime(2025, 1, 5), RegisteredQuota = 0, MonitoredQuota = 0,
        }));
        Assert.Equal("结束日期不能早于开始日期", backwards.Outcome[nameof(SaveInspectionRound.Command.EndDate)]);
        Assert.Equal("每村至少应抽取一户", backwards.Outcome[nameof(SaveInspectionRound.Command.MonitoredQuota)]);

        var created = await CreateRoundAsync("county", "2025年1月交叉检查", new DateOnly(2025, 1, 6));
        Assert.True(created.Succeeded, created.Outcome.Summary);

        await using var db = app.SystemDb();
        var round = await db.InspectionRounds.Include(r => r.Checklist).SingleAsync(r => r.Id == created.Value);
        var template = await db.ChecklistTemplateItems.Where(i => i.CountyId == round.CountyId && !i.IsRetired).ToListAsync();
        Assert.NotEmpty(template);
        Assert.Equal(InspectionRoundStatus.Draft, round.Status);
        Assert.Equal(template.Count, round.Checklist.Count);
        Assert.All(round.Checklist, i => Assert.Contains(template, t => t.Id == i.TemplateItemId && t.Text == i.Text));

        // The round's checklist is its own: removing and reordering there leaves the template as it was.
        var lines = round.Checklist.OrderBy(i => i.Area).ThenBy(i => i.Order).Select(ChecklistLine.From).ToList();
        var firstArea = lines.Where(l => l.Area == lines[0].Area).ToList();
        lines.Remove(lines.Last());
        (lines[0], lines[1]) = (lines[1], lines[0]);
        lines.Add(new ChecklistLine { Area = ChecklistArea.RecordsMatch, Text = "本轮新增：档案照片清晰", Per = CheckedPer.Household, AnswerType = AnswerType.Photo });
        Assert.True((await AsAsync<SaveRoundChecklist, CommandResult>("county", h => h.HandleAsync(created.Value, lines))).Succeeded);
        Assert.Equal("第1项：请填写检查内容", (await AsAsync<SaveRoundChecklist, CommandResult>("county",
            h => h.HandleAsync(created.Value, [new ChecklistLine { Text = " " }]))).Summary);

        await using var after = app.SystemDb();
        var items = await after.ChecklistItems.Where(i => i.InspectionRoundId == created.Value).ToListAsync();
        Assert.Equal(template.Count, items.Count);
        Assert.Equal(firstArea[1].Text, items.Single(i => i.Area == firstArea[1].Area && i.Order == 1).Text);
        Assert.Contains(items, i => i.Text == "本轮新增：档案照片清晰" && i.TemplateItemId == null);
        Assert.Equal(template.Count, await after.ChecklistTemplateItems.CountAsync(i => i.CountyId == round.CountyId && !i.IsRetired));
        Assert.True(await after.AuditLog.AnyAsync(a => a.Action == AuditActions.InspectionPlanChanged && a.UserName == "county"
            && a.RecordId == created.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Detail == "新建督导方案"));
    }

    [Fact]
    public async Task Pairs_refuse_a_township_inspecting_itself_and_warn_when_the_previous_round_repeats()
    {
        var townships = await TownshipsAsync();
        Assert.True(townships.Count >= 3, "the demo county has three townships");
        var first = await PlannedRoundAsync("2025年2月交叉检查", new DateOnly(2025, 2, 3));
        var second = (await CreateRoundAsync("county", "2025年2月第二轮", new DateOnly(2025, 2, 17))).Value;

        var own = await AsAsync<SaveInspectionPairs, SaveInspectionPairs.Result>("county", h => h.HandleAsync(second,
            [new TownshipPair(townships[0].Id, townships[0].Id)]));
        Assert.Equal($"{townships[0].Name}不能检查本乡镇", own.Outcome.Summary);

        // The rotation avoids the first round's pairs; saving the first round's pairs again is allowed with a warning.
        await using var db = app.SystemDb();
        var previous = await db.InspectionPairs.Where(p => p.InspectionRoundId == first)
            .Select(p => new TownshipPair(p.InspectingTownshipId, p.InspectedTownshipId)).ToListAsync();
        var proposal = await AsAsync<ProposeInspectionPairs, RotationProposal?>("county", h => h.HandleAsync(second));
        Assert.Equal(townships.Count, proposal!.Pairs.Count);
        Assert.DoesNotContain(proposal.Pairs, p => previous.Contains(p) || p.InspectingTownshipId == p.InspectedTownshipId);

        var repeated = await AsAsync<SaveInspectionPairs, SaveInspectionPairs.Result>("county", h => h.HandleAsync(second, previous));
        Assert.True(repeated.Succeeded, repeated.Outcome.Summary);
        Assert.Contains(repeated.Warnings, w => w.Contains("上一轮", StringComparison.Ordinal));
        Assert.Equal(previous.Count, await db.InspectionPairs.CountAsync(p => p.InspectionRoundId == second));
    }

    [Fact]
    public async Task A_group_needs_one_leader_and_nobody_of_the_inspected_township_and_its_outsiders_phone_is_stored_encrypted_and_shown_masked()
    {
        var round = await PlannedRoundAsync("2025年3月交叉检查", new DateOnly(2025, 3, 3));
        await using var db = app.SystemDb();
        var township = await db.Users.Where(u => u.UserName == "township").Select(u => new { u.Id, u.TownshipId, u.DisplayName }).SingleAsync();
        var pair = await db.InspectionPairs.SingleAsync(p => p.InspectionRoundId == round && p.InspectedTownshipId == township.TownshipId);

        Task<CommandResult> Save(params SaveInspectionGroup.Person[] people) => AsAsync<SaveInspectionGroup, CommandResult>("county",
            h => h.HandleAsync(new SaveInspectionGroup.Command { PairId = pair.Id, People = [.. people] }));

        var noLeader = await Save(new SaveInspectionGroup.Person { Role = GroupRole.Member, Name = "王成员" });
        Assert.EndsWith("组没有组长", noLeader.Summary, StringComparison.Ordinal);
        var own = await Save(new SaveInspectionGroup.Person { Role = GroupRole.Leader, Name = "张组长" },
            new SaveInspectionGroup.Person { Role = GroupRole.Member, UserId = township.Id });
        Assert.StartsWith($"{township.DisplayName}是", own.Summary, StringComparison.Ordinal);
        Assert.Contains("不能参加检查本乡镇", own.Summary, StringComparison.Ordinal);
        Assert.Equal("请填写正确的联系电话", (await Save(new SaveInspectionGroup.Person { Role = GroupRole.Leader, Name = "张组长", Phone = "abc" })).Summary);

        var county = await db.Users.Where(u => u.UserName == "county").Select(u => u.Id).SingleAsync();
        Assert.True((await Save(new SaveInspectionGroup.Person { Role = GroupRole.Leader, UserId = county, Unit = "县督导组" },
            new SaveInspectionGroup.Person { Role = GroupRole.DeputyLeader, Name = "赵副组长", Unit = "县财政局", Phone = "13912345678" })).Succeeded);

        var shown = await AsAsync<GetInspectionRound, GetInspectionRound.Result?>("county", h => h.HandleAsync(round));
        var group = shown!.Pairs.Single(p => p.Id == pair.Id).Group;
        Assert.Equal([GroupRole.Leader, GroupRole.DeputyLeader], group.Select(m => m.Role));
        Assert.Equal("139****5678", group[1].MaskedPhone);
        Assert.Equal("周明远", group[0].Name);

        // The phone is not in the database as typed; saving again without a phone keeps it.
        var raw = await RawPhoneAsync(group[1].Id);
        Assert.NotNull(raw);
        Assert.DoesNotContain("13912345678", raw, StringComparison.Ordinal);
        Assert.True((await Save(new SaveInspectionGroup.Person { Id = group[0].Id, Role = GroupRole.Leader, UserId = county },
            new SaveInspectionGroup.Person { Id = group[1].Id, Role = GroupRole.DeputyLeader, Name = "赵副组长", Unit = "县财政局" })).Succeeded);
        await using var after = app.SystemDb();
        Assert.Equal("13912345678", (await after.InspectionGroupMembers.SingleAsync(m => m.Id == group[1].Id)).Phone);
    }

    private async Task<string?> RawPhoneAsync(int memberId)
    {
        await using var db = app.SystemDb();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Phone\" FROM \"InspectionGroupMembers\" WHERE \"Id\" = {memberId}";
        return (await command.ExecuteScalarAsync()) as string;
    }

    [Fact]
    public async Task The_stored_seed_draws_the_same_sample_again_and_a_later_round_avoids_the_earlier_rounds_households()
    {
        var first = await PlannedRoundAsync("2025年4月交叉检查", new DateOnly(2025, 4, 1));
        var drawn = await AsAsync<DrawSample, DrawSample.Result>("county", h => h.HandleAsync(first));
        Assert.True(drawn.Succeeded, drawn.Outcome.Summary);
        Assert.True(drawn.Households > 0);
        var sample = await SampleAsync(first);
        Assert.Equal(drawn.Households, sample.Count);
        Assert.All(sample, s => Assert.False(string.IsNullOrEmpty(s.Reason)));

        await using (var db = app.SystemDb())
        {
            Assert.Equal(drawn.Seed, (await db.InspectionRounds.SingleAsync(r => r.Id == first)).SampleSeed);
        }
        var replay = await AsAsync<ReplaySampleDraw, ReplaySampleDraw.Result?>("county", h => h.HandleAsync(first));
        Assert.True(replay!.Matches, replay.Message);

        // Drawing again with the stored seed gives the same households; a new seed replaces the sample.
        Assert.True((await AsAsync<DrawSample, DrawSample.Result>("county", h => h.HandleAsync(first, drawn.Seed))).Succeeded);
        Assert.Equal(sample.Select(s => s.HouseholdId).Order(), (await SampleAsync(first)).Select(s => s.HouseholdId).Order());
        var redrawn = await AsAsync<DrawSample, DrawSample.Result>("county", h => h.HandleAsync(first));
        Assert.NotEqual(drawn.Seed, redrawn.Seed);
        Assert.Equal(redrawn.Households, (await SampleAsync(first)).Count);
        sample = await SampleAsync(first);

        // The next round avoids the first round's households wherever the village has enough others.
        var second = await PlannedRoundAsync("2025年4月第二轮", new DateOnly(2025, 4, 20));
        Assert.True((await AsAsync<DrawSample, DrawSample.Result>("county", h => h.HandleAsync(second))).Succeeded);
        var later = await SampleAsync(second);
        Assert.NotEmpty(later);
        var before = sample.Select(s => s.HouseholdId).ToHashSet();
        Assert.All(later.Where(s => before.Contains(s.HouseholdId)),
            s => Assert.Contains(s.Origin, new[] { SampleOrigin.AllTaken, SampleOrigin.DrawnFromInspectedBefore }));
        Assert.Contains(later, s => s.Origin == SampleOrigin.Drawn && !before.Contains(s.HouseholdId));

        await using var audit = app.SystemDb();
        Assert.True(await audit.AuditLog.AnyAsync(a => a.Action == AuditActions.InspectionSampleDrawn
            && a.Detail!.StartsWith($"抽样种子 {DrawSample.SeedText(redrawn.Seed)}：")));
    }

    [Fact]
    public async Task Additions_and_swaps_need_a_reason_and_issuing_needs_a_whole_plan()
    {
        var created = await CreateRoundAsync("county", "2025年5月交叉检查", new DateOnly(2025, 5, 6));
        var round = created.Value;
        var incomplete = await AsAsync<ChangeInspectionRoundStatus, CommandResult>("county", h => h.IssueAsync(round));
        Assert.StartsWith("督导方案还不能下发：", incomplete.Summary, StringComparison.Ordinal);
        Assert.Contains("请安排至少一组交叉检查", incomplete.Summary, StringComparison.Ordinal);
        Assert.Contains("尚未抽样", incomplete.Summary, StringComparison.Ordinal);

        await using var system = app.SystemDb();
        var townships = await TownshipsAsync();
        var proposal = await AsAsync<ProposeInspectionPairs, RotationProposal?>("county", h => h.HandleAsync(round));
        Assert.True((await AsAsync<SaveInspectionPairs, SaveInspectionPairs.Result>("county", h => h.HandleAsync(round, proposal!.Pairs))).Succeeded);
        var missingGroups = await AsAsync<ChangeInspectionRoundStatus, CommandResult>("county", h => h.IssueAsync(round));
        Assert.Contains("组没有组长", missingGroups.Summary, StringComparison.Ordinal);
        Assert.True((await AsAsync<DrawSample, DrawSample.Result>("county", h => h.HandleAsync(round))).Succeeded);

        // A household of the sample's pair, and one of the same village not in the sample, to add and to swap in.
        var sample = await SampleAsync(round);
        var inSample = sample.Select(s => s.HouseholdId).ToHashSet();
        var registered = await system.Households.Where(h => h.CountyId == sample[0].CountyId).Select(h => new { h.Id, h.VillageId, h.TownshipId, h.Status, h.MonitoringType, h.RiskEliminatedOn }).ToListAsync();
        var spare = registered.Where(h => !inSample.Contains(h.Id) && SampleCategories.Of(h.Status, h.MonitoringType, h.RiskEliminatedOn) is not null)
            .Select(h => new { h.Id, h.VillageId }).ToList();
        var swapOut = sample.First(s => spare.Count(h => h.VillageId == s.VillageId) >= 2);
        var swapIns = spare.Where(h => h.VillageId == swapOut.VillageId).Take(2).ToList();

        Task<CommandResult> Adjust(int? replaces, int household, string reason) => AsAsync<AdjustSample, CommandResult>("county", h => h.HandleAsync(new AdjustSample.Command
        {
            PairId = swapOut.InspectionPairId, ReplacesHouseholdId = replaces, VillageId = swapOut.VillageId, HouseholdId = household, Reason = reason,
        }));
        Assert.Equal("增补抽样户须填写理由", (await Adjust(null, swapIns[0].Id, " ")).Summary);
        Assert.Equal("替换抽样户须填写理由", (await Adjust(swapOut.HouseholdId, swapIns[1].Id, "")).Summary);
        Assert.True((await Adjust(null, swapIns[0].Id, "群众反映该户收入不实")).Succeeded);
        Assert.Equal("该户已在抽样名单中", (await Adjust(null, swapIns[0].Id, "再次增补")).Summary);
        Assert.True((await Adjust(swapOut.HouseholdId, swapIns[1].Id, "户主长期外出务工")).Succeeded);

        var after = await SampleAsync(round);
        Assert.Contains(after, s => s.HouseholdId == swapIns[0].Id && s.Origin == SampleOrigin.Added && s.Reason == "群众反映该户收入不实");
        Assert.Contains(after, s => s.HouseholdId == swapIns[1].Id && s.Origin == SampleOrigin.SwappedIn && s.ReplacesHouseholdId == swapOut.HouseholdId);
        Assert.Contains(after, s => s.HouseholdId == swapOut.HouseholdId && s.IsWithdrawn && s.WithdrawnReason == "户主长期外出务工");
        // Hand-picked households are not the draw's: the replay still matches.
        Assert.True((await AsAsync<ReplaySampleDraw, ReplaySampleDraw.Result?>("county", h => h.HandleAsync(round)))!.Matches);

        var pairs = await system.InspectionPairs.Where(p => p.InspectionRoundId == round).Select(p => p.Id).ToListAsync();
        foreach (var pair in pairs)
        {
            Assert.True((await AsAsync<SaveInspectionGroup, CommandResult>("county", h => h.HandleAsync(new SaveInspectionGroup.Command
            {
                PairId = pair, People = [new SaveInspectionGroup.Person { Role = GroupRole.Leader, Name = $"组长{pair}" }],
            }))).Succeeded);
        }
        var issued = await AsAsync<ChangeInspectionRoundStatus, CommandResult>("county", h => h.IssueAsync(round));
        Assert.True(issued.Succeeded, issued.Summary);

        // Issued: read-only plan, no new draw, but still swaps; then finished.
        Assert.Equal(InspectionRoundCommands.NotEditable, (await AsAsync<SaveInspectionPairs, SaveInspectionPairs.Result>("county",
            h => h.HandleAsync(round, proposal!.Pairs))).Outcome.Summary);
        Assert.False((await AsAsync<DrawSample, DrawSample.Result>("county", h => h.HandleAsync(round))).Succeeded);
        Assert.True((await AsAsync<ChangeInspectionRoundStatus, CommandResult>("county", h => h.FinishAsync(round))).Succeeded);
        Assert.Equal("督导方案已结束，不能再调整抽样名单", (await Adjust(null, spare.Last().Id, "太晚了")).Summary);

        await using var db = app.SystemDb();
        Assert.Equal(InspectionRoundStatus.Finished, (await db.InspectionRounds.SingleAsync(r => r.Id == round)).Status);
        var id = round.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == AuditActions.InspectionSampleAdjusted && a.RecordId == id));
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == AuditActions.InspectionRoundStatusChanged && a.RecordId == id));
        Assert.True(townships.Count > 0);
    }

    [Fact]
    public async Task The_plan_renders_as_pdf_and_word_with_the_rounds_pairs()
    {
        var round = await PlannedRoundAsync("2025年6月交叉检查", new DateOnly(2025, 6, 2));
        Assert.True((await AsAsync<DrawSample, DrawSample.Result>("county", h => h.HandleAsync(round))).Succeeded);
        var data = await AsAsync<InspectionPlanFiles, PovertyPortal.Documents.InspectionPlan.InspectionPlanData?>("county", h => h.DataAsync(round));
        Assert.Equal((await TownshipsAsync()).Count, data!.Pairs.Count);
        Assert.All(data.Pairs, p => Assert.NotNull(p.Sample));
        Assert.NotEmpty(data.Checklist);
        var pdf = await AsAsync<InspectionPlanFiles, InspectionPlanFiles.File?>("county", h => h.RenderAsync(round, ReportFormat.Pdf));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf!.Content, 0, 4), StringComparison.Ordinal);
        var docx = await AsAsync<InspectionPlanFiles, InspectionPlanFiles.File?>("county", h => h.RenderAsync(round, ReportFormat.Docx));
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(docx!.Content, 0, 2));
        Assert.EndsWith(".docx", docx.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_township_official_cannot_plan_in_the_handler_nor_write_a_plan_in_the_data_layer()
    {
        var refused = await CreateRoundAsync("township", "乡镇越权制定方案", new DateOnly(2025, 7, 7));
        Assert.Equal(InspectionRoundCommands.RoleRefusal, refused.Outcome.Summary);
        var round = (await CreateRoundAsync("county", "2025年7月交叉检查", new DateOnly(2025, 7, 7))).Value;
        Assert.Equal(InspectionRoundCommands.RoleRefusal, (await AsAsync<DrawSample, DrawSample.Result>("township", h => h.HandleAsync(round))).Outcome.Summary);
        Assert.Equal(InspectionRoundCommands.RoleRefusal, (await AsAsync<ChangeInspectionRoundStatus, CommandResult>("township", h => h.IssueAsync(round))).Summary);

        await using var scope = await app.ScopeForAsync("township");
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var countyId = await db.Townships.Select(t => t.CountyId).FirstAsync();
            db.InspectionRounds.Add(new InspectionRound { CountyId = countyId, Title = "越权", Year = 2025, StartDate = new DateOnly(2025, 7, 1), EndDate = new DateOnly(2025, 7, 2) });
            await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            var item = await db.ChecklistItems.FirstAsync(i => i.InspectionRoundId == round);
            item.Text = "乡镇擅自修改";
            await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            var townships = await db.Townships.Select(t => t.Id).ToListAsync();
            db.InspectionPairs.Add(new InspectionPair { InspectionRoundId = round, CountyId = (await db.Townships.FirstAsync()).CountyId,
                InspectingTownshipId = townships[0], InspectedTownshipId = townships[0] });
            await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());
        }

        await using var system = app.SystemDb();
        Assert.Equal(0, await system.InspectionRounds.CountAsync(r => r.Title == "越权" || r.Title == "乡镇越权制定方案"));
        Assert.Equal(0, await system.InspectionPairs.CountAsync(p => p.InspectionRoundId == round));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class InspectionPlanningTestsOnSqlite(SqliteAppFixture app) : InspectionPlanningTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class InspectionPlanningTestsOnPostgreSql(PostgreSqlAppFixture app) : InspectionPlanningTests(app);
