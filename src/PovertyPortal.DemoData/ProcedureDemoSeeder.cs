using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.DemoData;

/// <summary>
/// Procedures of the seed village at each stage a newcomer should see (decision 0031): an exit proposed five weeks ago and
/// now overdue for its village review, a monitoring case reviewed and waiting for its notice, an exit in a running notice
/// with an objection to answer, and an exit whose notice has run, reviewed by the township and waiting for the county.
/// Made by the domain's own methods with the demo accounts as the people who act, dated from the day the demo is first
/// loaded; no household is changed (only an approval would). Idempotent: nothing happens once the county has a case.
/// </summary>
public static class ProcedureDemoSeeder
{
    public static async Task SeedAsync(PortalDbContext db, Village village, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.ProcedureCases.AnyAsync(c => c.CountyId == village.CountyId, cancellationToken)) return;
        // The seed village has exited nearly every household (its 2020 figures): the exits come from its township.
        var identified = await db.Households.Where(h => h.TownshipId == village.TownshipId && h.Status == HouseholdStatus.Identified)
            .OrderBy(h => h.VillageId == village.Id ? 1 : 0).ThenByDescending(h => h.HouseholdNumber).Take(3).ToListAsync(cancellationToken);
        var exited = await db.Households.Where(h => h.VillageId == village.Id && h.Status == HouseholdStatus.Exited && h.MonitoringType == null)
            .OrderByDescending(h => h.HouseholdNumber).FirstOrDefaultAsync(cancellationToken);
        if (identified.Count < 3 || exited is null) return;
        var rules = ProcedureRules.Defaults(village.CountyId);
        var today = PortalYears.Today(clock);
        DateOnly Day(int daysAgo) => today.AddDays(-daysAgo);

        ProcedureCase Propose(Household h, ProcedureKind kind, int clueDaysAgo, string reason, string evidence)
        {
            var c = new ProcedureCase
            {
                CountyId = h.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId, HouseholdId = h.Id, Kind = kind, Stage = ProcedureStage.Proposed,
                Source = ProcedureSource.VillageScreening, ClueOn = Day(clueDaysAgo), DueOn = rules.DueOn(kind, Day(clueDaysAgo)), Reason = reason,
                Evidence = evidence, ProposedYear = kind == ProcedureKind.Exit ? today.Year : null, ProposedBy = h.VillageId == village.Id ? "leader" : "township",
                ProposedAt = clock.GetUtcNow().AddDays(-clueDaysAgo),
            };
            db.ProcedureCases.Add(c);
            return c;
        }

        void Review(ProcedureCase c, int daysAgo) => Expect(c.RecordVillageReview(Day(daysAgo), 21, 18, 2, 1,
            "村两委成员5人、驻村工作队3人、党员和村民代表13人", c.VillageId == village.Id ? "leader" : "township"));

        PublicNotice Notice(int startedDaysAgo, ProcedureCase c)
        {
            var notice = new PublicNotice
            {
                CountyId = c.CountyId, TownshipId = c.TownshipId, VillageId = c.VillageId, Year = Day(startedDaysAgo).Year,
                Batch = db.PublicNotices.Local.Count(n => n.VillageId == c.VillageId) + 1,
                StartsOn = Day(startedDaysAgo), EndsOn = rules.NoticeEndsOn(Day(startedDaysAgo)),
                Contact = "村民委员会办公室；乡镇扶贫工作站", PostedBy = "township",
            };
            db.PublicNotices.Add(notice);
            Expect(c.PublishOn(notice));
            return notice;
        }

        // Proposed five weeks ago and never reviewed: past its 30 days.
        Propose(identified[0], ProcedureKind.Exit, 35, "家庭务工收入稳定，经测算人均纯收入超过标准，住房、饮水、教育和医疗均有保障。",
            "入户核实记录、收入测算表");

        // Reviewed, waiting for the village's next notice.
        var monitoring = Propose(exited, ProcedureKind.Monitoring, 14, "户主今年因病住院，自付医疗费用较高，家庭收入明显下降，存在返贫风险。",
            "医保报销单据、入户核实记录");
        monitoring.ProposedMonitoringType = MonitoringType.SuddenHardship;
        Review(monitoring, 10);

        // In a running notice, with an objection to answer.
        var running = Propose(identified[1], ProcedureKind.Exit, 12, "发展养殖产业，年出栏生猪30头，人均纯收入超过标准，“两不愁三保障”达标。",
            "产业奖补记录、收入测算表");
        Review(running, 6);
        var runningNotice = Notice(2, running);

        // The notice has run and the township has passed it: the county decides (the seed village's own household, last of the three).
        var reviewed = Propose(identified[2], ProcedureKind.Exit, 20, "子女外出务工收入稳定，享受产业奖补，人均纯收入超过标准。", "务工证明、收入测算表");
        Review(reviewed, 16);
        Notice(14, reviewed);
        await db.SaveChangesAsync(cancellationToken);
        // The township official reviews what the village team proposed; a case the official proposed waits for a colleague.
        if (reviewed.ProposedBy != "township") Expect(reviewed.ReviewAtTownship(ReviewDecision.Pass, Day(3), "经审核，评议和公示程序规范，公示期间无异议，同意退出。", "township",
            await db.PublicNotices.SingleAsync(n => n.Id == reviewed.PublicNoticeId, cancellationToken), 0));

        db.NoticeObjections.Add(new NoticeObjection
        {
            CountyId = running.CountyId, TownshipId = running.TownshipId, VillageId = running.VillageId, PublicNoticeId = runningNotice.Id,
            ProcedureCaseId = running.Id, ReceivedOn = Day(1), Objector = "匿名", Content = "反映该户养殖规模没有那么大，收入可能达不到标准。",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Expect(RuleResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("演示程序数据不符合规则：" + result.Refusal);
    }
}
