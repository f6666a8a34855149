using static PovertyPortal.Documents.PerformanceReport.PerformanceReportComposer;

namespace PovertyPortal.Documents.PerformanceReport;

/// <summary>
/// Contradictions in the report's figures, listed on the generation page before the official downloads (the
/// report never hides them; 范文第1篇 itself counts 118 exits against 112 registered households).
/// </summary>
public static class PerformanceReportChecks
{
    public static IReadOnlyList<string> Find(PerformanceReportData data)
    {
        var problems = new List<string>();
        if (data.Registry is { } r)
        {
            var exitH = r.ExitsPerYear.Sum(e => e.Households);
            var exitP = r.ExitsPerYear.Sum(e => e.People);
            if (exitH > r.Households)
                problems.Add($"历年脱贫户数合计{N(exitH)}户，多于建档立卡贫困户{N(r.Households)}户。");
            if (exitP > r.People)
                problems.Add($"历年脱贫人数合计{N(exitP)}人，多于建档立卡贫困人口{N(r.People)}人。");
            // A returned household is counted among the exits of its year and again in the stock.
            var stockH = r.RemainingHouseholds - r.ReturnedHouseholds;
            var stockP = r.RemainingPeople - r.ReturnedPeople;
            if (exitH <= r.Households && exitH + stockH != r.Households)
                problems.Add($"历年脱贫{N(exitH)}户加存量{N(stockH)}户为{N(exitH + stockH)}户，与建档立卡{N(r.Households)}户不符。");
            if (exitP <= r.People && exitP + stockP != r.People)
                problems.Add($"历年脱贫{N(exitP)}人加存量{N(stockP)}人为{N(exitP + stockP)}人，与建档立卡{N(r.People)}人不符。");
            if (r.Categories.Count > 0 && (r.Categories.Sum(c => c.Households) != r.Households || r.Categories.Sum(c => c.People) != r.People))
                problems.Add($"各类贫困户合计{N(r.Categories.Sum(c => c.Households))}户{N(r.Categories.Sum(c => c.People))}人，与建档立卡{N(r.Households)}户{N(r.People)}人不符。");
            if (r.Causes.Sum(c => c.Households) > r.Households)
                problems.Add($"各致贫原因户数合计{N(r.Causes.Sum(c => c.Households))}户，多于建档立卡贫困户{N(r.Households)}户。");
            if (r.RelocatedHouseholds > r.Households)
                problems.Add($"易地搬迁{N(r.RelocatedHouseholds)}户，多于建档立卡贫困户{N(r.Households)}户。");
            foreach (var late in r.ExitsPerYear.Where(e => e.Year > data.Year))
                problems.Add($"{late.Year}年的脱贫数据晚于报告年度{data.Year}年。");
            if (data.Profile is { } p)
            {
                if (p.HouseholdCount > 0 && r.Households > p.HouseholdCount)
                    problems.Add($"建档立卡贫困户{N(r.Households)}户，多于村基本情况中的全村{N(p.HouseholdCount)}户。");
                if (p.Population > 0 && r.People > p.Population)
                    problems.Add($"建档立卡贫困人口{N(r.People)}人，多于村基本情况中的全村{N(p.Population)}人。");
            }
            foreach (var g in data.PolicyGroups.Where(g => g.Households > r.Households && r.Households > 0))
                problems.Add($"“{g.Name}”覆盖{N(g.Households)}户，多于建档立卡贫困户{N(r.Households)}户（如包括非贫困户，请在文字中说明）。");
        }
        if (data.Profile is { } profile && profile.HouseholdCount > 0 && profile.Population < profile.HouseholdCount)
            problems.Add($"村基本情况中全村人口{N(profile.Population)}人，少于户数{N(profile.HouseholdCount)}户。");

        var teams = data.Teams.OrderBy(t => t.StartDate).ToList();
        foreach (var t in teams.Where(t => t.EndDate < t.StartDate))
            problems.Add($"工作队“{t.DispatchingUnit}”的结束日期早于开始日期。");
        for (var i = 1; i < teams.Count; i++)
        {
            if (teams[i - 1].EndDate is not { } end || end >= teams[i].StartDate)
                problems.Add($"工作队“{teams[i - 1].DispatchingUnit}”与“{teams[i].DispatchingUnit}”的驻村时间重叠。");
        }
        foreach (var t in teams.Where(t => t.Compliance is { } c && c.WeeksCompliant > c.WeeksDue))
            problems.Add($"工作队“{t.DispatchingUnit}”落实“五天四夜”的周数多于应驻村周数。");
        foreach (var (g, b) in data.PolicyGroups.SelectMany(g => g.Programs.Select(b => (g, b))).Where(x => x.b.People < x.b.Households))
            problems.Add($"“{g.Name}”中“{b.Name}”的人数{N(b.People)}人少于户数{N(b.Households)}户。");
        if (data.Profile is { } pr && data.CollectiveIncome.Count > 0)
        {
            // The profile's figure is typed once a year; the income ledger is summed by source. They should agree.
            var stable = data.CollectiveIncome.Where(c => c.IsStableOperating).Sum(c => c.Amount);
            if (pr.CollectiveIncome != stable)
                problems.Add($"村基本情况中村级集体经济稳定经营性收入{Yuan(pr.CollectiveIncome)}，与集体经济收入台账的{Yuan(stable)}不符。");
        }
        foreach (var g in data.PolicyGroups.Where(g => g.People < g.Households))
            problems.Add($"“{g.Name}”的人数{N(g.People)}人少于户数{N(g.Households)}户。");
        return problems;
    }
}
