using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Inspections;

namespace PovertyPortal.Tests.Inspections;

/// <summary>The plan handlers' validators: the same rules the forms show field by field, asked again by the handlers.</summary>
public sealed class PlanValidatorTests
{
    private static SaveInspectionRound.Command Round() => new()
    {
        Title = "2025年交叉检查", Year = 2025, StartDate = new DateTime(2025, 5, 6), EndDate = new DateTime(2025, 5, 16),
    };

    [Fact]
    public void A_round_with_its_fields_in_order_passes_and_each_broken_field_gets_its_own_message()
    {
        Assert.True(new SaveInspectionRound.Validator().Validate(Round()).IsValid);

        var broken = Round();
        broken.Title = new string('题', 201);
        broken.EndDate = new DateTime(2025, 5, 1);
        broken.RegisteredQuota = -1;
        var errors = new SaveInspectionRound.Validator().Validate(broken).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Equal("标题不能超过200个字", errors[nameof(SaveInspectionRound.Command.Title)]);
        Assert.Equal("结束日期不能早于开始日期", errors[nameof(SaveInspectionRound.Command.EndDate)]);
        Assert.Equal("每村抽取户数应在0至500之间", errors[nameof(SaveInspectionRound.Command.RegisteredQuota)]);
    }

    [Fact]
    public void A_checklist_is_checked_line_by_line_then_as_a_whole()
    {
        ChecklistLine Line(string text, CheckedPer per = CheckedPer.Household) => new() { Area = ChecklistArea.AnnualTasks, Text = text, Per = per };

        Assert.Null(ChecklistLine.Check([Line("收入达标"), Line("年度任务推进", CheckedPer.Township)]));
        Assert.Equal("第2项：请填写检查内容", ChecklistLine.Check([Line("收入达标"), Line("  ")]));
        Assert.Equal("检查清单不能为空", ChecklistLine.Check([]));
        Assert.Equal("检查清单至少应有一项按户检查的内容", ChecklistLine.Check([Line("项目公示", CheckedPer.Township)]));
    }

    [Fact]
    public void Lines_are_numbered_within_their_area_in_list_order_and_applied_onto_saved_items_by_id()
    {
        var saved = new Dictionary<int, ChecklistItem>
        {
            [1] = new() { Id = 1, Area = ChecklistArea.AnnualTasks, Order = 1, Text = "甲" },
            [2] = new() { Id = 2, Area = ChecklistArea.AnnualTasks, Order = 2, Text = "乙" },
            [3] = new() { Id = 3, Area = ChecklistArea.FundManagement, Order = 1, Text = "丙" },
        };
        var added = new List<ChecklistItem>();
        var lines = new List<ChecklistLine>
        {
            new() { Id = 2, Area = ChecklistArea.AnnualTasks, Text = " 乙（改） " },
            new() { Area = ChecklistArea.AnnualTasks, Text = "新" },
            new() { Id = 1, Area = ChecklistArea.AnnualTasks, Text = "甲" },
        };

        var removed = ChecklistLine.Apply(lines, saved, () =>
        {
            var item = new ChecklistItem { Text = "" };
            added.Add(item);
            return item;
        });

        Assert.Equal([3], removed.Select(i => i.Id));
        Assert.Equal((1, "乙（改）"), (saved[2].Order, saved[2].Text));
        Assert.Equal((2, "新"), (Assert.Single(added).Order, added[0].Text));
        Assert.Equal(3, saved[1].Order);
    }

    [Fact]
    public void An_addition_or_swap_needs_a_village_a_household_and_a_reason()
    {
        var errors = new AdjustSample.Validator().Validate(new AdjustSample.Command { PairId = 1, ReplacesHouseholdId = 5, Reason = " " })
            .Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Equal("请选择村", errors[nameof(AdjustSample.Command.VillageId)]);
        Assert.Equal("请选择农户", errors[nameof(AdjustSample.Command.HouseholdId)]);
        Assert.Equal("替换抽样户须填写理由", errors[nameof(AdjustSample.Command.Reason)]);
        Assert.Equal("增补抽样户须填写理由", new AdjustSample.Validator().Validate(new AdjustSample.Command { VillageId = 1, HouseholdId = 2 }).Errors.Single().ErrorMessage);
    }

    [Fact]
    public void A_group_person_is_an_account_or_a_named_outsider_with_a_plausible_phone()
    {
        var validator = new SaveInspectionGroup.PersonValidator();
        Assert.True(validator.Validate(new SaveInspectionGroup.Person { UserId = "u1" }).IsValid);
        Assert.Equal("请填写姓名", validator.Validate(new SaveInspectionGroup.Person()).Errors.Single().ErrorMessage);
        Assert.True(validator.Validate(new SaveInspectionGroup.Person { Name = "赵副组长", Phone = "0710-3456789" }).IsValid);
        Assert.Equal("请填写正确的联系电话", validator.Validate(new SaveInspectionGroup.Person { Name = "赵副组长", Phone = "电话" }).Errors.Single().ErrorMessage);
        Assert.Equal("检查组至少应有一人", new SaveInspectionGroup.Validator().Validate(new SaveInspectionGroup.Command()).Errors.Single().ErrorMessage);
    }
}
