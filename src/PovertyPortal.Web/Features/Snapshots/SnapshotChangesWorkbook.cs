using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Snapshots;
using PovertyPortal.Web.Features.Dashboard;

namespace PovertyPortal.Web.Features.Snapshots;

/// <summary>The year-over-year changes as the exported table (.xlsx): one row per household, then the counts per reason.</summary>
public static class SnapshotChangesWorkbook
{
    public static DashboardTable Table(GetSnapshotChanges.Result result)
    {
        var rows = result.Changes.Select(c => (IReadOnlyList<object?>)
        [
            c.TownshipName, c.VillageName, c.HouseholdNumber, c.HeadName, c.Kind.Label(),
            c.FromStanding, c.ToStanding, c.FromCategory?.Label(), c.ToCategory?.Label(), c.FromSize, c.ToSize,
            c.FromIncome, c.ToIncome, c.Reason.Label(), c.GivenByUser ? "人工说明" : "系统判定", c.Note,
        ]).ToList();
        rows.Add([]);
        foreach (var (reason, count) in result.PerReason.OrderByDescending(r => r.Value)) rows.Add(["合计", reason.Label(), null, null, null, null, null, null, null, null, null, null, null, count]);
        return new DashboardTable($"{result.From.Year}年末快照至{result.ToLabel}的年度变化",
            ["乡镇", "村", "户编号", "户主", "变化项", "原状态", "现状态", "原类别", "现类别", "原家庭人口", "现家庭人口", "原人均纯收入（元）", "现人均纯收入（元）", "原因", "原因来源", "说明"],
            rows);
    }
}
