using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Tests.Inspections;

public sealed class ChecklistTests
{
    [Fact]
    public void The_default_template_covers_the_eight_areas_of_the_plan_numbered_from_one_in_each()
    {
        var template = Checklists.DefaultTemplate(countyId: 1);
        Assert.Equal(Enum.GetValues<ChecklistArea>(), template.Select(t => t.Area).Distinct().Order());
        foreach (var area in template.GroupBy(t => t.Area))
            Assert.Equal(Enumerable.Range(1, area.Count()), area.Select(t => t.Order));
        Assert.Contains(template, t => t.Per == CheckedPer.Household && t.AnswerType == AnswerType.Compliance);
        Assert.Contains(template, t => t.Per == CheckedPer.Village);
        Assert.Contains(template, t => t.Per == CheckedPer.Township);
        Assert.Contains(template, t => t.AnswerType == AnswerType.Photo);
        Assert.Contains(template, t => t.AnswerType == AnswerType.Number);
        Assert.Contains(template, t => t.AnswerType == AnswerType.Text);
        Assert.All(template, t => Assert.Equal(1, t.CountyId));
    }

    [Fact]
    public void A_round_copies_the_countys_items_that_are_not_retired_in_area_order_and_keeps_its_copy()
    {
        List<ChecklistTemplateItem> template =
        [
            new() { Id = 3, CountyId = 1, Area = ChecklistArea.RecordsMatch, Order = 1, Text = "账实相符", Per = CheckedPer.Household, AnswerType = AnswerType.Compliance },
            new() { Id = 1, CountyId = 1, Area = ChecklistArea.AnnualTasks, Order = 2, Text = "专项推进", Per = CheckedPer.Township, AnswerType = AnswerType.Compliance },
            new() { Id = 2, CountyId = 1, Area = ChecklistArea.AnnualTasks, Order = 1, Text = "收入达标", Per = CheckedPer.Household, AnswerType = AnswerType.Compliance, Guidance = "按12个月测算" },
            new() { Id = 4, CountyId = 1, Area = ChecklistArea.FundManagement, Order = 1, Text = "已停用", Per = CheckedPer.Township, AnswerType = AnswerType.Text, IsRetired = true },
            new() { Id = 5, CountyId = 2, Area = ChecklistArea.FundManagement, Order = 1, Text = "别县的", Per = CheckedPer.Township, AnswerType = AnswerType.Text },
        ];
        var copy = Checklists.CopyForRound(template, roundId: 8, countyId: 1);
        Assert.Equal([(2, "一.1"), (1, "一.2"), (3, "八.1")], copy.Select(i => (i.TemplateItemId!.Value, i.Number)));
        Assert.All(copy, i => Assert.Equal((8, 1), (i.InspectionRoundId, i.CountyId)));
        Assert.Equal("按12个月测算", copy[0].Guidance);

        template[2].Text = "模板改了";
        Assert.Equal("收入达标", copy[0].Text);
    }

    [Fact]
    public void An_edited_checklist_is_checked_for_text_numbers_and_a_household_item()
    {
        Assert.Equal(["检查清单不能为空"], Checklists.Validate([]));
        List<ChecklistItem> items =
        [
            new() { Area = ChecklistArea.AnnualTasks, Order = 1, Text = "专项推进", Per = CheckedPer.Township },
            new() { Area = ChecklistArea.AnnualTasks, Order = 1, Text = " ", Per = CheckedPer.Village },
        ];
        Assert.Equal(["年度任务推进第1项没有填写检查内容", "年度任务推进有2项序号都是1", "检查清单至少应有一项按户检查的内容"], Checklists.Validate(items));
        Assert.Empty(Checklists.Validate(Checklists.CopyForRound(Checklists.DefaultTemplate(1), 1, 1)));
    }

    [Fact]
    public void A_round_needs_a_title_a_year_of_the_portal_dates_in_order_and_a_quota()
    {
        var round = new InspectionRound { Title = "2026年交叉检查", Year = 2026, StartDate = new(2026, 6, 11), EndDate = new(2026, 6, 11) };
        Assert.Empty(round.Validate());
        Assert.Equal((20, 5), (round.Quota.Registered, round.Quota.Monitored));
        Assert.True(round.IsEditable);

        var bad = new InspectionRound { Title = " ", Year = 2010, StartDate = new(2026, 6, 12), EndDate = new(2026, 6, 11), RegisteredQuota = 0, MonitoredQuota = 0 };
        Assert.Equal(["请填写督导方案标题", "年度应在2014至2035年之间", "结束日期不能早于开始日期", "每村至少应抽取一户"], bad.Validate());
    }
}
