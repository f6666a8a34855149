using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Features.Rectification;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// An inspecting group's work through its handlers (issue 17): the group's sample scope in the data layer (the sample's
/// households and nothing else of the inspected township), answers item by item with their findings, photos, visits
/// by phone, 立行立改 and the way of a finding into the ledger.
/// </summary>
public abstract class InspectionWorkTests(PortalAppFixture app)
{
    // A PNG's first bytes are all the attachment store's sniffing needs.
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private sealed record Round(int RoundId, int PairId, int InspectedTownship, int Village, IReadOnlyList<int> Sampled, int NotSampled,
        int CheckItem, int PhotoItem, int VillageItem, int TownshipItem);

    /// <summary>
    /// An issued round in which township2's official (组长) inspects the leader's township (石桥镇); the sample is three
    /// registered households of the leader's village. Each test has its own round.
    /// </summary>
    private async Task<Round> IssuedRoundAsync(InspectionRoundStatus status = InspectionRoundStatus.Issued)
    {
        await using var db = app.SystemDb();
        var leader = await db.Users.Where(u => u.UserName == "leader").Select(u => new { u.CountyId, u.TownshipId, u.VillageId }).SingleAsync();
        var inspector = await db.Users.Where(u => u.UserName == "township2").Select(u => new { u.Id, u.TownshipId }).SingleAsync();
        var households = await db.Households.Where(h => h.VillageId == leader.VillageId && h.Status == HouseholdStatus.Exited)
            .OrderBy(h => h.Id).Select(h => h.Id).Take(4).ToListAsync();
        var round = new InspectionRound { CountyId = leader.CountyId!.Value, Title = $"测试督导{Guid.NewGuid():N}"[..12], Year = 2026, Status = status,
            StartDate = new DateOnly(2026, 12, 1), EndDate = new DateOnly(2026, 12, 20), SampleSeed = 42 };
        var pair = new InspectionPair { CountyId = round.CountyId, InspectingTownshipId = inspector.TownshipId!.Value, InspectedTownshipId = leader.TownshipId!.Value };
        pair.Group.Add(new InspectionGroupMember { Role = GroupRole.Leader, UserId = inspector.Id, Name = "检查组长" });
        round.Pairs.Add(pair);
        ChecklistItem Item(ChecklistArea area, int order, string text, CheckedPer per, AnswerType type) =>
            new() { CountyId = round.CountyId, Area = area, Order = order, Text = text, Per = per, AnswerType = type };
        var check = Item(ChecklistArea.ConsolidatingGains, 1, "住房安全有保障", CheckedPer.Household, AnswerType.Compliance);
        var photo = Item(ChecklistArea.ConsolidatingGains, 2, "住房现状照片", CheckedPer.Household, AnswerType.Photo);
        var villageItem = Item(ChecklistArea.VillageTeamWork, 1, "驻村工作队在岗人数", CheckedPer.Village, AnswerType.Number);
        var townshipItem = Item(ChecklistArea.FundManagement, 1, "扶贫资金公告公示情况", CheckedPer.Township, AnswerType.Text);
        round.Checklist.AddRange([check, photo, villageItem, townshipItem]);
        db.InspectionRounds.Add(round);
        await db.SaveChangesAsync();
        foreach (var id in households.Take(3))
        {
            db.SampledHouseholds.Add(new SampledHousehold
            {
                InspectionRoundId = round.Id, InspectionPairId = pair.Id, CountyId = round.CountyId, TownshipId = pair.InspectedTownshipId,
                VillageId = leader.VillageId!.Value, HouseholdId = id, Category = SampleCategory.Registered, Origin = SampleOrigin.Drawn, Reason = "随机抽取",
            });
        }
        await db.SaveChangesAsync();
        return new Round(round.Id, pair.Id, pair.InspectedTownshipId, leader.VillageId!.Value, households.Take(3).ToList(), households[3],
            check.Id, photo.Id, villageItem.Id, townshipItem.Id);
    }

    private async Task<T> AsAsync<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await work(scope.ServiceProvider);
    }

    private Task<Web.Features.Common.CommandResult> AnswerAsync(string userName, Round round, int item, int? household, Compliance? compliance = null,
        string? note = null, decimal? number = null, string? text = null, int? village = null) =>
        AsAsync(userName, s => s.GetRequiredService<SaveInspectionAnswer>().HandleAsync(new SaveInspectionAnswer.Command
        {
            PairId = round.PairId, ItemId = item, HouseholdId = household, VillageId = village, Compliance = compliance, Note = note, Number = number, Text = text,
        }));

    [Fact]
    public async Task The_group_reads_its_sample_and_nothing_else_of_the_township_it_inspects_in_the_data_layer()
    {
        var round = await IssuedRoundAsync();
        var sample = await AsAsync("township2", s => s.GetRequiredService<GetInspectionSample>().HandleAsync(round.PairId));
        Assert.NotNull(sample);
        Assert.Equal(round.Sampled.Order(), sample.Villages.SelectMany(v => v.Households).Select(h => h.HouseholdId).Order());
        Assert.Equal(new SampleProgress(0, 3), sample.Progress);

        // A sampled household's facts come masked; one of the same village outside the sample is not there at all.
        var items = await AsAsync("township2", s => s.GetRequiredService<GetInspectionItems>().HandleAsync(round.PairId, InspectionPlace.Household(round.Sampled[0])));
        Assert.NotNull(items?.Household);
        Assert.All(items.Household.Members, m => Assert.Matches(@"^\d{6}\*+\d{2,4}[\dX]?$|\*", m.ResidentIdMasked));
        Assert.DoesNotContain(items.Household.Members, m => m.ResidentIdMasked.Length == 18 && !m.ResidentIdMasked.Contains('*'));
        Assert.Equal([round.CheckItem, round.PhotoItem], items.Items.Select(i => i.Item.Id));
        Assert.Null(await AsAsync("township2", s => s.GetRequiredService<GetInspectionItems>().HandleAsync(round.PairId, InspectionPlace.Household(round.NotSampled))));
        Assert.Equal("该户不在本组的抽样名单中", (await AnswerAsync("township2", round, round.CheckItem, round.NotSampled, Compliance.Met)).Summary);

        // The scope itself: a context of the pair sees the three households and their members, none of the township's
        // other rows, and may not write the register.
        await using (var scope = await app.ScopeForAsync("township2"))
        {
            var opened = await scope.ServiceProvider.GetRequiredService<InspectionAccess>().OpenAsync(round.PairId);
            Assert.NotNull(opened);
            await using var db = opened.Value.Db;
            Assert.Equal(round.Sampled.Order(), await db.Households.Select(h => h.Id).OrderBy(id => id).ToListAsync());
            Assert.All(await db.Members.Select(m => m.HouseholdId).Distinct().ToListAsync(), id => Assert.Contains(id, round.Sampled));
            Assert.Equal(0, await db.Problems.CountAsync());
            Assert.Equal(0, await db.WorkLogs.CountAsync());
            Assert.Equal(0, await db.IncomeRecords.CountAsync());
            var household = await db.Households.FirstAsync();
            household.Address = "检查组改写";
            var refused = await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());
            Assert.Equal("检查组只能记录本组抽样范围内的检查情况", refused.Message);
        }

        // Outside the group nobody gets in by the pair's id: the inspected township's official, the county, a team leader.
        foreach (var user in new[] { "township", "county", "leader" })
        {
            Assert.Null(await AsAsync(user, s => s.GetRequiredService<GetInspectionSample>().HandleAsync(round.PairId)));
            Assert.Equal(InspectionWork.NotInGroup, (await AnswerAsync(user, round, round.CheckItem, round.Sampled[0], Compliance.Met)).Summary);
        }
    }

    [Fact]
    public async Task A_draft_round_is_not_open_to_the_group_and_a_finished_one_is_read_only()
    {
        var draft = await IssuedRoundAsync(InspectionRoundStatus.Draft);
        Assert.Null(await AsAsync("township2", s => s.GetRequiredService<GetInspectionSample>().HandleAsync(draft.PairId)));
        var finished = await IssuedRoundAsync(InspectionRoundStatus.Finished);
        var sample = await AsAsync("township2", s => s.GetRequiredService<GetInspectionSample>().HandleAsync(finished.PairId));
        Assert.False(sample!.CanWrite);
        Assert.Equal(InspectionWork.NotOpen, (await AnswerAsync("township2", finished, finished.CheckItem, finished.Sampled[0], Compliance.Met)).Summary);
    }

    [Fact]
    public async Task Answers_are_saved_item_by_item_a_not_met_raises_a_finding_and_a_household_with_every_item_is_done()
    {
        var round = await IssuedRoundAsync();
        var household = round.Sampled[0];
        Assert.Equal("不达标须说明发现的问题", (await AnswerAsync("township2", round, round.CheckItem, household, Compliance.NotMet)).Summary);
        Assert.Equal("请选择达标、不达标或不适用", (await AnswerAsync("township2", round, round.CheckItem, household)).Summary);
        Assert.Equal("该项目按户检查", (await AnswerAsync("township2", round, round.CheckItem, null, Compliance.Met, village: round.Village)).Summary);
        Assert.True((await AnswerAsync("township2", round, round.CheckItem, household, Compliance.NotMet, "厨房墙体开裂")).Succeeded);

        await using (var db = app.SystemDb())
        {
            var finding = await db.InspectionFindings.SingleAsync(f => f.InspectionPairId == round.PairId);
            Assert.Equal(("厨房墙体开裂", FindingDisposition.Open, household), (finding.Description, finding.Disposition, finding.HouseholdId));
            var sampled = await db.SampledHouseholds.SingleAsync(s => s.InspectionPairId == round.PairId && s.HouseholdId == household);
            Assert.Equal(VisitMode.InPerson, sampled.VisitMode);
            Assert.Null(sampled.CompletedAt);
        }
        // Changed back to 达标 while the finding is open: the finding goes.
        Assert.True((await AnswerAsync("township2", round, round.CheckItem, household, Compliance.Met)).Succeeded);
        await using (var db = app.SystemDb()) Assert.False(await db.InspectionFindings.AnyAsync(f => f.InspectionPairId == round.PairId));

        // A photo item is answered by its photo; with it every household item is answered and the household is done.
        Assert.Equal("请上传至少一张照片", (await AnswerAsync("township2", round, round.PhotoItem, household)).Summary);
        using (var png = new MemoryStream(Png))
        {
            var added = await AsAsync("township2", s => s.GetRequiredService<AddInspectionPhoto>()
                .ToAnswerAsync(round.PairId, round.PhotoItem, InspectionPlace.Household(household), "住房.png", png));
            Assert.True(added.Succeeded, added.Summary);
        }
        // A photo of another item needs its answer first; a file that is not a picture or PDF is refused and leaves nothing.
        using (var png = new MemoryStream(Png))
        {
            var early = await AsAsync("township2", s => s.GetRequiredService<AddInspectionPhoto>()
                .ToAnswerAsync(round.PairId, round.CheckItem, InspectionPlace.Household(round.Sampled[1]), "a.png", png));
            Assert.Equal("请先保存本项检查结果，再上传照片", early.Summary);
        }
        using (var exe = new MemoryStream(Encoding.ASCII.GetBytes("MZ not a picture")))
        {
            var refused = await AsAsync("township2", s => s.GetRequiredService<AddInspectionPhoto>()
                .ToAnswerAsync(round.PairId, round.PhotoItem, InspectionPlace.Household(round.Sampled[1]), "a.exe", exe));
            Assert.False(refused.Succeeded);
        }

        // The village and township items, each at its own level.
        Assert.Equal("该村不在被检查乡镇内", (await AnswerAsync("township2", round, round.VillageItem, null, number: 3, village: -1)).Summary);
        Assert.True((await AnswerAsync("township2", round, round.VillageItem, null, number: 3, village: round.Village)).Succeeded);
        Assert.True((await AnswerAsync("township2", round, round.TownshipItem, null, text: "资金公告按季度公示")).Succeeded);

        var sample = await AsAsync("township2", s => s.GetRequiredService<GetInspectionSample>().HandleAsync(round.PairId));
        Assert.Equal(new SampleProgress(1, 3), sample!.Progress);
        Assert.Equal(1, sample.Villages.Single(v => v.VillageId == round.Village).ItemsAnswered);
        Assert.Equal(1, sample.TownshipItemsAnswered);

        await using (var db = app.SystemDb())
        {
            Assert.False(await db.InspectionAnswers.AnyAsync(a => a.InspectionPairId == round.PairId && a.HouseholdId == round.Sampled[1]));
            var photoAnswer = await db.InspectionAnswers.SingleAsync(a => a.InspectionPairId == round.PairId && a.ChecklistItemId == round.PhotoItem);
            var attachment = await db.Attachments.SingleAsync(a => a.OwnerType == AttachmentOwner.InspectionAnswer && a.OwnerId == photoAnswer.Id);
            Assert.Equal((round.InspectedTownship, (int?)round.Village), (attachment.TownshipId, attachment.VillageId));
            Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.InspectionAnswerSaved && a.UserName == "township2" && a.Detail == "达标"));
            Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.InspectionPhotoAdded && a.UserName == "township2"));
        }
    }

    [Fact]
    public async Task Nobody_at_home_a_phone_visit_needs_no_photo_and_the_phone_is_revealed_with_an_audit_entry()
    {
        var round = await IssuedRoundAsync();
        var household = round.Sampled[2];
        Assert.True((await AsAsync("township2", s => s.GetRequiredService<SetVisitMode>().HandleAsync(round.PairId, household, VisitMode.Phone))).Succeeded);
        Assert.False((await AsAsync("township2", s => s.GetRequiredService<SetVisitMode>().HandleAsync(round.PairId, round.NotSampled, VisitMode.Phone))).Succeeded);
        Assert.True((await AnswerAsync("township2", round, round.CheckItem, household, Compliance.Met, "电话核实住房已加固")).Succeeded);

        await using (var db = app.SystemDb())
        {
            var sampled = await db.SampledHouseholds.SingleAsync(s => s.InspectionPairId == round.PairId && s.HouseholdId == household);
            Assert.Equal(VisitMode.Phone, sampled.VisitMode);
            Assert.NotNull(sampled.CompletedAt);
        }
        var phone = await AsAsync("township2", s => s.GetRequiredService<RevealSampledPhone>().HandleAsync(round.PairId, household));
        Assert.True(phone.Succeeded);
        var outside = await AsAsync("township2", s => s.GetRequiredService<RevealSampledPhone>().HandleAsync(round.PairId, round.NotSampled));
        Assert.False(outside.Succeeded);
        await using (var db = app.SystemDb())
        {
            var id = household.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entry = await db.AuditLog.Where(a => a.Action == AuditActions.RevealPhone && a.UserName == "township2" && a.RecordId == id).SingleAsync();
            if (phone.Value is { Length: > 0 } number) Assert.DoesNotContain(number, entry.Detail ?? "");
        }
    }

    [Fact]
    public async Task A_finding_is_fixed_on_the_spot_or_sent_to_the_ledger_where_the_inspected_township_sees_it()
    {
        var round = await IssuedRoundAsync();
        Assert.True((await AnswerAsync("township2", round, round.CheckItem, round.Sampled[0], Compliance.NotMet, "门窗破损")).Succeeded);
        Assert.True((await AnswerAsync("township2", round, round.CheckItem, round.Sampled[1], Compliance.NotMet, "饮水设施损坏")).Succeeded);
        int FindingOf(PortalDbContext db, int household) =>
            db.InspectionFindings.Single(f => f.InspectionPairId == round.PairId && f.HouseholdId == household).Id;
        int fixedId, sentId;
        await using (var db = app.SystemDb()) (fixedId, sentId) = (FindingOf(db, round.Sampled[0]), FindingOf(db, round.Sampled[1]));

        var actions = (Func<ActOnFinding, Task<Web.Features.Common.CommandResult>> act) => AsAsync("township2", s => act(s.GetRequiredService<ActOnFinding>()));
        Assert.Equal("立行立改须填写整改情况作为佐证", (await actions(a => a.FixOnTheSpotAsync(round.PairId, fixedId, " ", null, null))).Summary);
        using (var png = new MemoryStream(Png))
        {
            var fixedNow = await AsAsync("township2", s => s.GetRequiredService<ActOnFinding>().FixOnTheSpotAsync(round.PairId, fixedId, "当场更换门锁", "门锁.png", png));
            Assert.True(fixedNow.Succeeded, fixedNow.Summary);
        }
        // A finding dealt with holds its answer at 不达标.
        Assert.Equal("该项发现的问题已立行立改，不能再改为达标", (await AnswerAsync("township2", round, round.CheckItem, round.Sampled[0], Compliance.Met)).Summary);

        var ledger = new ActOnFinding.LedgerCommand { PairId = round.PairId, FindingId = sentId };
        var missing = await AsAsync("township2", s => s.GetRequiredService<ActOnFinding>().SendToLedgerAsync(ledger));
        Assert.Equal("请填写整改责任单位", missing.Outcome["ResponsibleUnit"]);
        ledger.ResponsibleUnit = "石桥镇水利站";
        ledger.ResponsiblePerson = "王站长";
        ledger.Deadline = DateTime.Today.AddDays(-3);
        Assert.Equal("整改时限不能早于今天", (await AsAsync("township2", s => s.GetRequiredService<ActOnFinding>().SendToLedgerAsync(ledger))).Outcome.Summary);
        ledger.Deadline = DateTime.Today.AddDays(15);
        var sent = await AsAsync("township2", s => s.GetRequiredService<ActOnFinding>().SendToLedgerAsync(ledger));
        Assert.True(sent.Succeeded, sent.Outcome.Summary);
        Assert.False((await AsAsync("township2", s => s.GetRequiredService<ActOnFinding>().SendToLedgerAsync(ledger))).Succeeded);

        // The inspected township sees the new problem in its ledger; the inspecting official, in their own scope, does not.
        var seen = await AsAsync("township", s => s.GetRequiredService<GetProblem>().HandleAsync(sent.Value));
        Assert.NotNull(seen);
        Assert.Equal((ProblemSource.CrossInspection, "饮水设施损坏", ChecklistArea.ConsolidatingGains),
            (seen.Problem.Source, seen.Problem.Description, seen.Problem.Area));
        Assert.Null(await AsAsync("township2", s => s.GetRequiredService<GetProblem>().HandleAsync(sent.Value)));

        await using var check = app.SystemDb();
        var findings = await check.InspectionFindings.Where(f => f.InspectionPairId == round.PairId).ToDictionaryAsync(f => f.Id);
        Assert.Equal((FindingDisposition.FixedOnTheSpot, "当场更换门锁"), (findings[fixedId].Disposition, findings[fixedId].Evidence));
        Assert.Equal((FindingDisposition.SentToLedger, (int?)sent.Value), (findings[sentId].Disposition, findings[sentId].ProblemId));
        Assert.True(await check.Attachments.AnyAsync(a => a.OwnerType == AttachmentOwner.InspectionFinding && a.OwnerId == fixedId));
        Assert.True(await check.AuditLog.AnyAsync(a => a.Action == AuditActions.InspectionFindingToLedger && a.RecordId == sent.Value.ToString()));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class InspectionWorkTestsOnSqlite(SqliteAppFixture app) : InspectionWorkTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class InspectionWorkTestsOnPostgreSql(PostgreSqlAppFixture app) : InspectionWorkTests(app);
