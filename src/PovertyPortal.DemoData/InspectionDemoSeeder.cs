using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;

namespace PovertyPortal.DemoData;

/// <summary>
/// A cross-inspection round under way in the demo county, made by the domain's own rules: the county's checklist
/// template, a round issued two days ago with the rotation the portal proposes, groups led by the demo township
/// officials (so that they find it under 我的检查任务) and the county supervisor, the sample drawn with a fixed seed, and
/// the first group's first work: three households done, one village's and two township items answered, one 不达标
/// fixed on the spot and one sent to the ledger. Deterministic apart from the dates, which follow the day the demo is
/// loaded. Idempotent: nothing happens once the county has a round.
/// </summary>
public static class InspectionDemoSeeder
{
    /// <summary>The seed the demo's sample is drawn with: the date of the second sample text's inspection.</summary>
    public const long DemoSeed = 20200611;

    /// <summary>A demo account of a group: id, display name and the township it belongs to (null for county staff).</summary>
    public sealed record GroupAccount(string UserId, string Name, int? TownshipId);

    public static async Task SeedAsync(PortalDbContext db, int countyId, IReadOnlyList<GroupAccount> accounts, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await db.InspectionRounds.AnyAsync(r => r.CountyId == countyId, cancellationToken)) return;
        var today = PortalYears.Today(clock);
        var townships = await db.Townships.Where(t => t.CountyId == countyId && !t.IsRetired).OrderBy(t => t.AdminCode)
            .Select(t => new TownshipRef(t.Id, t.Name)).ToListAsync(cancellationToken);
        if (townships.Count < 2) return;

        var template = await db.ChecklistTemplateItems.Where(i => i.CountyId == countyId).ToListAsync(cancellationToken);
        if (template.Count == 0)
        {
            template = Checklists.DefaultTemplate(countyId);
            db.ChecklistTemplateItems.AddRange(template);
        }

        var round = new InspectionRound
        {
            CountyId = countyId, Title = $"{today.Year}年乡镇交叉检查", Year = today.Year,
            StartDate = today.AddDays(-2), EndDate = today.AddDays(5), Status = InspectionRoundStatus.Issued, SampleSeed = DemoSeed,
        };
        var rotation = InspectionPairing.Propose(townships, []);
        foreach (var pair in rotation.Pairs)
        {
            round.Pairs.Add(new InspectionPair
            {
                CountyId = countyId, InspectingTownshipId = pair.InspectingTownshipId, InspectedTownshipId = pair.InspectedTownshipId,
                Group = Group(pair, townships, accounts),
            });
        }
        db.InspectionRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);

        // The demo has no photos to show, and a household counts as done only with every household item answered: its
        // round leaves out the photo item, as a county may leave out any item of its template for a round.
        var checklist = Checklists.CopyForRound(template, round.Id, countyId).Where(i => i.AnswerType != AnswerType.Photo).ToList();
        db.ChecklistItems.AddRange(checklist);

        var inspected = round.Pairs.Select(p => p.InspectedTownshipId).ToList();
        var villages = await db.Villages.Where(v => inspected.Contains(v.TownshipId) && !v.IsRetired).OrderBy(v => v.AdminCode)
            .Select(v => new { v.Id, v.TownshipId }).ToListAsync(cancellationToken);
        var villageIds = villages.Select(v => v.Id).ToList();
        var register = await db.Households.Where(h => villageIds.Contains(h.VillageId))
            .Select(h => new { h.Id, h.VillageId, h.Status, h.MonitoringType, h.RiskEliminatedOn }).ToListAsync(cancellationToken);
        var candidates = register
            .Select(h => (h, Category: SampleCategories.Of(h.Status, h.MonitoringType, h.RiskEliminatedOn)))
            .Where(x => x.Category is not null)
            .Select(x => new DrawCandidate(x.h.Id, x.h.VillageId, x.Category!.Value));
        var draw = SampleDraw.Draw(DemoSeed, round.Quota, villageIds, candidates, new HashSet<int>());
        var sample = SampleDraw.ToRows(draw, round, villages.ToDictionary(v => v.Id, v => v.TownshipId));
        db.SampledHouseholds.AddRange(sample);
        await db.SaveChangesAsync(cancellationToken);

        await FirstWorkAsync(db, round, round.Pairs[0], checklist, sample, today, cancellationToken);
    }

    private static List<InspectionGroupMember> Group(TownshipPair pair, IReadOnlyList<TownshipRef> townships, IReadOnlyList<GroupAccount> accounts)
    {
        var inspecting = townships.First(t => t.Id == pair.InspectingTownshipId).Name;
        // The inspecting township's official leads; a group of a township without a demo official is led by the county.
        var leader = accounts.FirstOrDefault(a => a.TownshipId == pair.InspectingTownshipId)
            ?? accounts.FirstOrDefault(a => a.TownshipId is null);
        var group = new List<InspectionGroupMember>();
        if (leader is not null)
        {
            group.Add(new InspectionGroupMember
            {
                Role = GroupRole.Leader, UserId = leader.UserId, Name = leader.Name,
                Unit = leader.TownshipId is null ? "县乡村振兴局" : $"{inspecting}党委委员",
            });
        }
        group.Add(new InspectionGroupMember { Role = leader is null ? GroupRole.Leader : GroupRole.DeputyLeader, Name = "何正清", Unit = "县联乡领导" });
        group.Add(new InspectionGroupMember { Role = GroupRole.Member, Name = "孙丽", Unit = $"{inspecting}脱贫办" });
        return group;
    }

    /// <summary>
    /// The first group's first day: three households of its first village done (at home twice, by phone once), every
    /// household item answered; one 不达标 fixed on the spot, one sent to the ledger; that village's items and two of
    /// the township's answered.
    /// </summary>
    private static async Task FirstWorkAsync(PortalDbContext db, InspectionRound round, InspectionPair pair, List<ChecklistItem> checklist,
        List<SampledHousehold> sample, DateOnly today, CancellationToken cancellationToken)
    {
        var visited = sample.Where(s => s.InspectionPairId == pair.Id).Take(3).ToList();
        if (visited.Count == 0) return;
        var yesterday = today.AddDays(-1);
        var at = new DateTimeOffset(yesterday.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
        var answers = new List<(InspectionAnswer Answer, ChecklistItem Item)>();
        void Answer(ChecklistItem item, int? villageId, int? householdId, Compliance? compliance = Compliance.Met, decimal? number = null,
            string? text = null, string? note = null) =>
            answers.Add((new InspectionAnswer
            {
                InspectionRoundId = round.Id, InspectionPairId = pair.Id, ChecklistItemId = item.Id, CountyId = round.CountyId,
                TownshipId = pair.InspectedTownshipId, VillageId = villageId, HouseholdId = householdId,
                Compliance = item.AnswerType == AnswerType.Compliance ? compliance : null,
                Number = item.AnswerType == AnswerType.Number ? number : null,
                Text = item.AnswerType == AnswerType.Text ? text : null, Note = note,
            }, item));

        VisitMode[] modes = [VisitMode.InPerson, VisitMode.InPerson, VisitMode.Phone];
        for (var i = 0; i < visited.Count; i++)
        {
            var household = visited[i];
            household.VisitMode = modes[i];
            household.VisitedOn = yesterday;
            household.CompletedAt = at.AddHours(i);
            foreach (var item in checklist.Where(c => c.Per == CheckedPer.Household))
            {
                var (compliance, note) = (i, item.Text) switch
                {
                    (0, "住房安全有保障") => (Compliance.NotMet, "厨房后墙开裂，雨季有垮塌风险，尚未纳入危房改造。"),
                    (1, "家庭成员均参加基本医疗保险，慢病签约和报销政策落实") => (Compliance.NotMet, "户主患高血压，慢病卡未办理，门诊费用未按慢病报销。"),
                    (_, "搬迁户已实际入住安置房") or (_, "搬迁户后续产业、就业扶持已落实") or (_, "小额信贷户贷户用，按期还款") => (Compliance.NotApplicable, null),
                    _ => (Compliance.Met, (string?)null),
                };
                Answer(item, household.VillageId, household.HouseholdId, compliance, number: 9_200 + 650 * i, note: note);
            }
        }
        var village = visited[0].VillageId;
        foreach (var item in checklist.Where(c => c.Per == CheckedPer.Village))
            Answer(item, village, null, number: 68_000, text: "本村监测对象均已识别并落实帮扶措施，动态调整及时。");
        foreach (var item in checklist.Where(c => c.Per == CheckedPer.Township).Take(2))
            Answer(item, null, null);
        db.InspectionAnswers.AddRange(answers.Select(a => a.Answer));
        await db.SaveChangesAsync(cancellationToken);

        var findings = answers.Select(a => InspectionFindings.Reconcile(a.Answer, a.Item, null).ToAdd).OfType<InspectionFinding>().ToList();
        db.InspectionFindings.AddRange(findings);
        await db.SaveChangesAsync(cancellationToken);

        var health = findings.First(f => f.Area == ChecklistArea.ConsolidatingGains && f.ItemText.StartsWith("家庭成员", StringComparison.Ordinal));
        health.FixOnTheSpot("检查组当场联系村卫生室，为户主办理慢病卡并登记签约，已拍照留存。", yesterday);
        var housing = findings.First(f => f.ItemText == "住房安全有保障");
        var villageName = await db.Villages.Where(v => v.Id == housing.VillageId).Select(v => v.Name).FirstAsync(cancellationToken);
        housing.SendToLedger(new ProblemAssignment($"{villageName}驻村工作队", "驻村第一书记", null, today.AddDays(20)), yesterday, out var problem);
        if (problem is not null) db.Problems.Add(problem);
        await db.SaveChangesAsync(cancellationToken);
    }
}
