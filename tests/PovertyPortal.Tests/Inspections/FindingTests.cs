using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;

namespace PovertyPortal.Tests.Inspections;

public sealed class FindingTests
{
    private static readonly DateOnly Today = new(2026, 6, 11);

    private static ChecklistItem Item(CheckedPer per = CheckedPer.Household, AnswerType type = AnswerType.Compliance) => new()
    {
        Id = 30, InspectionRoundId = 5, CountyId = 1, Area = ChecklistArea.ConsolidatingGains, Order = 3, Text = "住房安全有保障",
        Per = per, AnswerType = type,
    };

    private static InspectionAnswer Answer(Compliance? value, string? note = null) => new()
    {
        Id = 70, InspectionRoundId = 5, InspectionPairId = 51, ChecklistItemId = 30, CountyId = 1, TownshipId = 10,
        VillageId = 100, HouseholdId = 1000, Compliance = value, Note = note,
    };

    [Theory]
    [InlineData(CheckedPer.Household, 100, 1000, null)]
    [InlineData(CheckedPer.Household, 100, null, "按户检查的项目须对应抽样户")]
    [InlineData(CheckedPer.Village, 100, null, null)]
    [InlineData(CheckedPer.Village, 100, 1000, "按村检查的项目须对应被检查村")]
    [InlineData(CheckedPer.Village, null, null, "按村检查的项目须对应被检查村")]
    [InlineData(CheckedPer.Township, null, null, null)]
    [InlineData(CheckedPer.Township, 100, null, "按乡镇检查的项目不对应村或户")]
    public void An_answer_is_about_what_its_item_is_checked_per(CheckedPer per, int? village, int? household, string? refusal)
    {
        var answer = Answer(Compliance.Met);
        answer.VillageId = village;
        answer.HouseholdId = household;
        Assert.Equal(refusal, answer.Check(Item(per), photoCount: 0).Refusal);
    }

    [Fact]
    public void An_answer_carries_the_value_its_type_asks_for()
    {
        Assert.Equal("请选择达标、不达标或不适用", Answer(null).Check(Item(), 0).Refusal);
        Assert.Equal("不达标须说明发现的问题", Answer(Compliance.NotMet).Check(Item(), 0).Refusal);
        Assert.True(Answer(Compliance.NotMet, "墙体开裂").Check(Item(), 0).Succeeded);
        Assert.True(Answer(Compliance.NotApplicable).Check(Item(), 0).Succeeded);

        var number = Answer(null);
        Assert.Equal("请填写数值", number.Check(Item(type: AnswerType.Number), 0).Refusal);
        number.Number = -1;
        Assert.Equal("数值不能为负数", number.Check(Item(type: AnswerType.Number), 0).Refusal);
        number.Number = 5230.5m;
        Assert.True(number.Check(Item(type: AnswerType.Number), 0).Succeeded);

        Assert.Equal("请填写检查情况", Answer(null).Check(Item(type: AnswerType.Text), 0).Refusal);
        Assert.Equal("请上传至少一张照片", Answer(null).Check(Item(type: AnswerType.Photo), 0).Refusal);
        Assert.True(Answer(null).Check(Item(type: AnswerType.Photo), 2).Succeeded);
    }

    [Fact]
    public void A_not_met_answer_raises_a_finding_with_its_place_and_note()
    {
        var result = InspectionFindings.Reconcile(Answer(Compliance.NotMet, " 墙体开裂未鉴定 "), Item(), null);
        var finding = Assert.IsType<InspectionFinding>(result.ToAdd);
        Assert.Null(result.Refusal);
        Assert.Equal((5, 51, 70, 30, ChecklistArea.ConsolidatingGains, "住房安全有保障"),
            (finding.InspectionRoundId, finding.InspectionPairId, finding.InspectionAnswerId, finding.ChecklistItemId, finding.Area, finding.ItemText));
        Assert.Equal((1, 10, (int?)100, (int?)1000, "墙体开裂未鉴定", FindingDisposition.Open),
            (finding.CountyId, finding.TownshipId, finding.VillageId, finding.HouseholdId, finding.Description, finding.Disposition));
    }

    [Theory]
    [InlineData(Compliance.Met)]
    [InlineData(Compliance.NotApplicable)]
    public void An_answer_that_is_met_or_not_applicable_raises_nothing_and_withdraws_an_open_finding(Compliance value)
    {
        Assert.Equal(new FindingReconciliation(null, null, null), InspectionFindings.Reconcile(Answer(value), Item(), null));
        var open = InspectionFindings.Reconcile(Answer(Compliance.NotMet, "墙体开裂"), Item(), null).ToAdd!;
        Assert.Same(open, InspectionFindings.Reconcile(Answer(value), Item(), open).ToRemove);
    }

    [Fact]
    public void An_open_finding_follows_the_answers_note_and_is_not_raised_twice()
    {
        var open = InspectionFindings.Reconcile(Answer(Compliance.NotMet, "墙体开裂"), Item(), null).ToAdd!;
        var again = InspectionFindings.Reconcile(Answer(Compliance.NotMet, "墙体开裂，屋顶漏雨"), Item(), open);
        Assert.Equal(new FindingReconciliation(null, null, null), again);
        Assert.Equal("墙体开裂，屋顶漏雨", open.Description);
    }

    [Fact]
    public void A_finding_fixed_on_the_spot_or_sent_to_the_ledger_holds_its_answer_at_not_met()
    {
        var fixedOnSpot = InspectionFindings.Reconcile(Answer(Compliance.NotMet, "未张贴明白卡"), Item(), null).ToAdd!;
        Assert.True(fixedOnSpot.FixOnTheSpot("已当场补贴明白卡并拍照", Today).Succeeded);
        Assert.Equal("该项发现的问题已立行立改，不能再改为达标",
            InspectionFindings.Reconcile(Answer(Compliance.Met), Item(), fixedOnSpot).Refusal);

        var sent = InspectionFindings.Reconcile(Answer(Compliance.NotMet, "墙体开裂"), Item(), null).ToAdd!;
        Assert.True(sent.SendToLedger(new ProblemAssignment("村委会", "张队长", null, Today.AddDays(30)), Today, out _).Succeeded);
        Assert.Equal("该项发现的问题已转入整改台账，不能再改为不适用",
            InspectionFindings.Reconcile(Answer(Compliance.NotApplicable), Item(), sent).Refusal);
        Assert.Null(InspectionFindings.Reconcile(Answer(Compliance.NotMet, "墙体开裂"), Item(), sent).Refusal);
    }

    [Fact]
    public void Fixing_on_the_spot_needs_evidence_and_an_open_finding()
    {
        var finding = InspectionFindings.Reconcile(Answer(Compliance.NotMet, "未张贴明白卡"), Item(), null).ToAdd!;
        Assert.Equal("立行立改须填写整改情况作为佐证", finding.FixOnTheSpot(" ", Today).Refusal);
        Assert.True(finding.FixOnTheSpot(" 已补贴 ", Today).Succeeded);
        Assert.Equal((FindingDisposition.FixedOnTheSpot, "已补贴", (DateOnly?)Today), (finding.Disposition, finding.Evidence, finding.FixedOn));
        Assert.Equal("该问题已立行立改", finding.FixOnTheSpot("再来", Today).Refusal);
        Assert.Equal("该问题已立行立改", finding.SendToLedger(new ProblemAssignment("村委会", "张队长", null, Today), Today, out _).Refusal);
    }

    [Fact]
    public void Sending_a_finding_to_the_ledger_raises_a_pending_problem_from_cross_inspection()
    {
        var finding = InspectionFindings.Reconcile(Answer(Compliance.NotMet, "墙体开裂未鉴定"), Item(), null).ToAdd!;
        finding.Id = 12;
        Assert.Equal("整改时限不能早于今天",
            finding.SendToLedger(new ProblemAssignment("村委会", "张队长", null, Today.AddDays(-1)), Today, out var none).Refusal);
        Assert.Null(none);
        Assert.Equal(FindingDisposition.Open, finding.Disposition);

        Assert.True(finding.SendToLedger(new ProblemAssignment("白果镇村镇建设办", "李主任", "u-li", Today.AddDays(30)), Today, out var problem).Succeeded);
        Assert.NotNull(problem);
        Assert.Same(problem, finding.Problem);
        Assert.Equal(FindingDisposition.SentToLedger, finding.Disposition);
        Assert.Equal((ProblemSource.CrossInspection, ProblemStatus.Pending, "墙体开裂未鉴定", "交叉检查发现问题12"),
            (problem.Source, problem.Status, problem.Description, problem.SourceReference));
        Assert.Equal(((ChecklistArea?)ChecklistArea.ConsolidatingGains, "住房安全有保障", 10, (int?)100, (int?)1000),
            (problem.Area, problem.ItemText, problem.TownshipId, problem.VillageId, problem.HouseholdId));
        Assert.Equal(("白果镇村镇建设办", "李主任", "u-li", Today.AddDays(30), Today.AddDays(30), Today),
            (problem.ResponsibleUnit, problem.ResponsiblePerson, problem.ResponsibleUserId, problem.OriginalDeadline, problem.Deadline, problem.RaisedOn));
    }
}
