using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.WorkTeams;
using static PovertyPortal.Domain.WorkTeams.ResidencyCompliance;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

/// <summary>
/// 五天四夜 over the last four ended weeks, judged by ResidencyCompliance: only weeks wholly within a member's own dates
/// count. Days and nights are counted per member and week in the database on the stored week number, as the dashboard does.
/// </summary>
public sealed class DC31ResidencyBelowRule : DataCheckRule
{
    public const int WeeksJudged = 4;

    public override string Code => "DC31";
    public override string Title => "驻村队员近四周未达到五天四夜";
    public override string Explanation => "驻村工作队员每周在村不少于5天4夜：最近四个已结束的周中有未达到的周（只计在岗日期内的完整周）。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;
    public override DataCheckTarget Target => DataCheckTarget.WorkTeamMember;

    public override async Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken)
    {
        var lastWeek = WeekNumber(source.Today) - 1;
        var firstWeek = lastWeek - WeeksJudged + 1;
        var (firstMonday, lastSunday) = (MondayOfWeek(firstWeek), MondayOfWeek(lastWeek).AddDays(6));
        var members = await source.Db.WorkTeamMembers.AsNoTracking()
            .Where(m => m.StartDate <= lastSunday && (m.EndDate == null || m.EndDate >= firstMonday))
            .Join(source.Within(source.Db.WorkTeams), m => m.WorkTeamId, t => t.Id, (m, t) => new { m.Id, m.Name, m.StartDate, m.EndDate, t.TownshipId, t.VillageId })
            .ToListAsync(cancellationToken);
        if (members.Count == 0) return [];
        var kept = (await source.Within(source.Db.AttendanceDays)
                .Where(a => a.Week >= firstWeek && a.Week <= lastWeek)
                .GroupBy(a => new { a.WorkTeamMemberId, a.Week })
                .Where(g => g.Count() >= RequiredDays && g.Count(a => a.StayedNight) >= RequiredNights)
                .Select(g => new { g.Key.WorkTeamMemberId, g.Key.Week })
                .ToListAsync(cancellationToken))
            .Select(k => (k.WorkTeamMemberId, k.Week)).ToHashSet();
        var hits = new List<DataCheckHit>();
        foreach (var m in members)
        {
            var dates = new DatePeriod(m.StartDate, m.EndDate);
            var judged = Enumerable.Range(firstWeek, WeeksJudged)
                .Where(w => dates.Contains(MondayOfWeek(w)) && dates.Contains(MondayOfWeek(w).AddDays(6))).ToList();
            var missed = judged.Where(w => !kept.Contains((m.Id, w))).ToList();
            if (missed.Count == 0) continue;
            var weeks = string.Join("、", missed.Select(w => MondayOfWeek(w).ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture) + "起"));
            hits.Add(new DataCheckHit(DataCheckLabels.KeyOf(DataCheckTarget.WorkTeamMember, m.Id), m.TownshipId, m.VillageId, null, null,
                $"驻村队员 {m.Name}", $"最近{judged.Count}周中{missed.Count}周未达到五天四夜：{weeks}的一周"));
        }
        return hits;
    }
}
