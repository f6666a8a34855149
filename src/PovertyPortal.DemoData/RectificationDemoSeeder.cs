using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.DemoData;

/// <summary>
/// A living ledger for a newcomer: problems of the demo county in each state of the state machine, made by the
/// domain's own methods at dates in the recent past (so the steps, the extension and the overdue read as real),
/// with the demo accounts as the people who act. Relative to the day the demo is first loaded. The descriptions are
/// the portal's own words. Idempotent: nothing happens once the county has a problem.
/// </summary>
public static class RectificationDemoSeeder
{
    /// <summary>The demo accounts who act on the problems: id, display name and role.</summary>
    public sealed record Actors(ProblemActor Leader, ProblemActor Township, ProblemActor County);

    public static async Task SeedAsync(PortalDbContext db, Village seedVillage, Township otherTownship, Actors actors, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await db.Problems.AnyAsync(p => p.CountyId == seedVillage.CountyId, cancellationToken)) return;
        var households = await db.Households.Where(h => h.VillageId == seedVillage.Id).OrderBy(h => h.HouseholdNumber)
            .Select(h => h.Id).Take(3).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        TimeProvider DaysAgo(int days) => new FixedClock(now.AddDays(-days));
        DateOnly Day(int offset) => PortalYears.Today(clock).AddDays(offset);
        var team = $"{seedVillage.Name}驻村工作队";
        int? Household(int index) => index < households.Count ? households[index] : null;

        Problem Raise(int daysAgo, int? villageId, int? householdId, ChecklistArea area, string description, string unit, ProblemActor responsible, int deadlineFromToday,
            ProblemSource source = ProblemSource.CrossInspection)
        {
            var raisedOn = PortalYears.Today(DaysAgo(daysAgo));
            var problem = Problem.Raise(source, seedVillage.CountyId, villageId is null ? otherTownship.Id : seedVillage.TownshipId, villageId, householdId,
                description, new ProblemAssignment(unit, responsible.Name, responsible.UserId, Day(deadlineFromToday)), raisedOn);
            problem.Area = area;
            problem.SourceReference = source == ProblemSource.CrossInspection ? "交叉检查（演示）" : null;
            db.Problems.Add(problem);
            return problem;
        }

        // 待整改: raised two days ago, due in ten days.
        Raise(2, seedVillage.Id, Household(0), ChecklistArea.RecordsMatch,
            "户信息与系统数据不一致：家庭人口登记4人，实际常住5人，新生儿未录入。", team, actors.Leader, 10);

        // 整改中, due in two days: the team leader's home page shows it as due soon.
        var dueSoon = Raise(12, seedVillage.Id, Household(1), ChecklistArea.ConsolidatingGains,
            "慢病签约服务未落实，户主高血压未纳入家庭医生签约。", team, actors.Leader, 2);
        dueSoon.Start(actors.Leader, "联系乡镇卫生院家庭医生团队入户签约，登记慢病卡。", DaysAgo(10));

        // 整改中 and overdue by five days.
        var overdue = Raise(40, seedVillage.Id, null, ChecklistArea.VillageTeamWork,
            "驻村工作日志记录不全，部分入户走访无记录。", team, actors.Leader, -5);
        overdue.Start(actors.Leader, "补齐近三个月工作日志，每周由队长审核。", DaysAgo(38));

        // 已整改（待核验）: reported fixed by the team leader, awaiting the township's (or the county's) check.
        var fixedProblem = Raise(30, seedVillage.Id, Household(2), ChecklistArea.ConsolidatingGains,
            "住房屋顶漏雨，存在安全隐患。", team, actors.Leader, 5);
        fixedProblem.Start(actors.Leader, "申请危房改造资金，维修屋顶。", DaysAgo(28));
        fixedProblem.AddEvidence(actors.Leader, "屋顶已更换瓦片并做防水处理，户主签字确认。", null, DaysAgo(3));
        fixedProblem.MarkFixed(actors.Leader, "维修完成", DaysAgo(3));

        // 已销号 35 days ago by the township official: its 回头看 (30 days after) has come due.
        var closed = Raise(60, seedVillage.Id, null, ChecklistArea.RiskMonitoring,
            "返贫监测对象识别不及时，一户因病支出骤增未纳入监测。", team, actors.Leader, -30);
        closed.Start(actors.Leader, "入户核实支出，按程序纳入监测并落实医疗救助。", DaysAgo(58));
        closed.AddEvidence(actors.Leader, "已纳入监测，医疗救助已到位。", null, DaysAgo(40));
        closed.MarkFixed(actors.Leader, null, DaysAgo(40));
        closed.Close(actors.Township, "经入户核实，已纳入监测并落实帮扶，同意销号。", Problem.DefaultRecheckAfterDays, DaysAgo(35));

        // A problem of the other township as a whole, its deadline extended once: the original date stays.
        var township = Raise(20, null, null, ChecklistArea.FundManagement,
            "扶贫项目资金拨付滞后，两个项目未按计划公示。", $"{otherTownship.Name}人民政府", actors.County, -1, ProblemSource.SelfCheck);
        township.ExtendDeadline(actors.County, Day(15), "项目验收推迟，待县财政局复核后拨付。", DaysAgo(2));

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A clock stopped at one moment: the steps of a demo problem dated as if they were taken then.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
