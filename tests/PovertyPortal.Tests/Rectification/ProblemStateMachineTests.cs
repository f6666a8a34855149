using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Users;
using static PovertyPortal.Tests.Rectification.Problems;

namespace PovertyPortal.Tests.Rectification;

public sealed class ProblemStateMachineTests
{
    /// <summary>Every state × every action, acted by a county supervisor on a problem a township official reported fixed: the state rules alone decide.</summary>
    public static TheoryData<ProblemStatus, ProblemAction, ProblemStatus?> StateTable()
    {
        var allowed = new Dictionary<(ProblemStatus, ProblemAction), ProblemStatus>
        {
            [(ProblemStatus.Pending, ProblemAction.Start)] = ProblemStatus.InProgress,
            [(ProblemStatus.Pending, ProblemAction.ExtendDeadline)] = ProblemStatus.Pending,
            [(ProblemStatus.InProgress, ProblemAction.MarkFixed)] = ProblemStatus.Fixed,
            [(ProblemStatus.InProgress, ProblemAction.ExtendDeadline)] = ProblemStatus.InProgress,
            [(ProblemStatus.Fixed, ProblemAction.Reject)] = ProblemStatus.InProgress,
            [(ProblemStatus.Fixed, ProblemAction.Close)] = ProblemStatus.Closed,
            [(ProblemStatus.Closed, ProblemAction.Reopen)] = ProblemStatus.InProgress,
            [(ProblemStatus.Closed, ProblemAction.Recheck)] = ProblemStatus.Closed,
        };
        var data = new TheoryData<ProblemStatus, ProblemAction, ProblemStatus?>();
        foreach (var status in Enum.GetValues<ProblemStatus>())
        {
            foreach (var action in Enum.GetValues<ProblemAction>())
                data.Add(status, action, allowed.TryGetValue((status, action), out var to) ? to : null);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(StateTable))]
    public void Each_action_in_each_state_moves_the_problem_or_is_refused_in_Chinese(ProblemStatus from, ProblemAction action, ProblemStatus? to)
    {
        var problem = In(from);
        var steps = problem.Steps.Count;

        var why = problem.WhyNot(action, County);
        var result = Perform(problem, action, County);

        if (to is { } expected)
        {
            Assert.Null(why);
            Assert.True(result.Succeeded, result.Refusal);
            Assert.Equal(expected, problem.Status);
            var step = problem.Steps[^1];
            Assert.Equal(steps + 1, problem.Steps.Count);
            Assert.Equal((action, from, expected, County.UserId, County.Role), (step.Action, step.FromStatus, step.ToStatus, step.ByUserId, step.ByRole));
        }
        else
        {
            Assert.NotNull(why);
            Assert.Equal(why, result.Refusal);
            Assert.Matches("\\p{IsCJKUnifiedIdeographs}", why);
            Assert.Equal(from, problem.Status);
            Assert.Equal(steps, problem.Steps.Count);
        }
    }

    /// <summary>Every role of the one who reported the problem fixed × every role of the one who checks it.</summary>
    public static TheoryData<string, string, bool> CheckerTable()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var fixer in new[] { PortalRoles.CountySupervisor, PortalRoles.TownshipOfficial, PortalRoles.WorkTeamLeader, PortalRoles.WorkTeamMember })
        {
            foreach (var checker in PortalRoles.PovertyAlleviation)
                data.Add(fixer, checker, PortalRoles.Rank(checker) < PortalRoles.Rank(fixer));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CheckerTable))]
    public void Only_a_role_above_the_one_that_reported_it_fixed_may_reject_close_reopen_or_recheck(string fixerRole, string checkerRole, bool allowed)
    {
        var fixer = ByRole(fixerRole);
        var checker = ByRole(checkerRole);
        foreach (var (state, action) in new[]
                 {
                     (ProblemStatus.Fixed, ProblemAction.Reject), (ProblemStatus.Fixed, ProblemAction.Close),
                     (ProblemStatus.Closed, ProblemAction.Reopen), (ProblemStatus.Closed, ProblemAction.Recheck),
                 })
        {
            var problem = In(state, fixer);
            var result = Perform(problem, action, checker);
            Assert.Equal(allowed, result.Succeeded);
            if (!allowed)
            {
                Assert.Equal(state, problem.Status);
                Assert.Contains(fixerRole == checkerRole ? "不能核验本人报送的整改" : "以上的角色核验", result.Refusal);
            }
        }
    }

    [Fact]
    public void Nobody_checks_their_own_report_even_after_their_role_was_raised()
    {
        var problem = In(ProblemStatus.Fixed, Leader);
        var promoted = Leader with { Role = PortalRoles.CountySupervisor };
        Assert.Equal("不能核验本人报送的整改", problem.Close(promoted, "属实", 30, Clock()).Refusal);
        Assert.Equal(ProblemStatus.Fixed, problem.Status);
    }

    [Fact]
    public void The_system_administrator_cannot_report_a_problem_fixed_since_no_role_is_above_to_check_it()
    {
        var problem = In(ProblemStatus.InProgress);
        var result = problem.MarkFixed(Admin, null, Clock());
        Assert.Contains("系统管理员", result.Refusal);
        Assert.Equal(ProblemStatus.InProgress, problem.Status);
    }

    [Theory]
    [InlineData(PortalRoles.SystemAdmin, true)]
    [InlineData(PortalRoles.CountySupervisor, true)]
    [InlineData(PortalRoles.TownshipOfficial, true)]
    [InlineData(PortalRoles.WorkTeamLeader, false)]
    [InlineData(PortalRoles.WorkTeamMember, false)]
    public void Deadlines_are_extended_by_the_officials_who_set_them(string role, bool allowed)
    {
        var problem = In(ProblemStatus.InProgress);
        var result = problem.ExtendDeadline(ByRole(role), problem.Deadline.AddDays(10), "雨季施工受阻", Clock());
        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public void An_account_without_a_known_role_may_do_nothing()
    {
        var nobody = new ProblemActor("u-x", "某人", "Visitor");
        foreach (var status in Enum.GetValues<ProblemStatus>())
        {
            foreach (var action in Enum.GetValues<ProblemAction>())
                Assert.Equal("没有处理整改问题的权限", In(status).WhyNot(action, nobody));
        }
    }

    [Fact]
    public void Each_step_asks_for_what_it_records()
    {
        var clock = Clock();
        Assert.Equal("请填写整改措施", In(ProblemStatus.Pending).Start(Member, "  ", clock).Refusal);
        var started = New();
        Ok(started.Start(Member, "补齐资料", clock));
        Assert.Equal("请先上传整改佐证材料", started.MarkFixed(Member, null, clock).Refusal);
        Assert.Equal("请填写驳回理由", In(ProblemStatus.Fixed).Reject(County, "", clock).Refusal);
        Assert.Equal("请填写核验意见", In(ProblemStatus.Fixed).Close(County, null, 30, clock).Refusal);
        Assert.Equal("请填写重新打开的理由", In(ProblemStatus.Closed).Reopen(County, " ", clock).Refusal);
        Assert.Equal("请填写回头看发现的问题", In(ProblemStatus.Closed).Recheck(County, passed: false, null, clock).Refusal);
        Assert.Equal("请填写延期理由", In(ProblemStatus.Pending).ExtendDeadline(County, Today.AddDays(40), "", clock).Refusal);
        Assert.Equal("请填写佐证说明或上传文件", started.AddEvidence(Member, " ", null, clock).Refusal);
        Assert.StartsWith("问题已销号", In(ProblemStatus.Closed).AddEvidence(Member, "照片", 7, clock).Refusal);
    }

    [Fact]
    public void A_rejected_problem_is_fixed_again_and_then_closed()
    {
        var clock = Clock();
        var problem = In(ProblemStatus.Fixed, Member);
        Ok(problem.Reject(Leader, "鉴定表未签字", clock));
        Assert.Null(problem.FixedOn);
        Ok(problem.AddEvidence(Member, "已补签字", null, clock));
        Ok(problem.MarkFixed(Member, null, clock));
        Ok(problem.Close(Leader, "已签字，属实", 30, clock));
        Assert.Equal(
            [ProblemAction.Start, ProblemAction.MarkFixed, ProblemAction.Reject, ProblemAction.MarkFixed, ProblemAction.Close],
            problem.Steps.Select(s => s.Action));
        Assert.Equal("鉴定表未签字", problem.Steps[2].Note);
        Assert.Equal((Leader.UserId, "已签字，属实", Today), (problem.ClosedByUserId, problem.CheckNote, problem.ClosedOn));
    }

    [Fact]
    public void Closing_schedules_the_recheck_which_passed_keeps_the_problem_closed_and_is_done_once()
    {
        var clock = Clock();
        var problem = In(ProblemStatus.Fixed);
        Ok(problem.Close(County, "属实", recheckAfterDays: 45, clock));
        Assert.Equal(Today.AddDays(45), problem.RecheckDueOn);

        Ok(problem.Recheck(County, passed: true, "整改成效稳定", clock));
        Assert.Equal((ProblemStatus.Closed, Today, "整改成效稳定"), (problem.Status, problem.RecheckedOn, problem.RecheckNote));
        Assert.Equal("该问题已于2026年5月10日回头看", problem.Recheck(County, passed: true, "再看", clock).Refusal);
    }

    [Fact]
    public void A_failed_recheck_reopens_the_problem_and_the_next_report_is_checked_against_its_own_reporter()
    {
        var clock = Clock();
        var problem = In(ProblemStatus.Closed, Township);
        Ok(problem.Recheck(County, passed: false, "房屋又出现裂缝", clock));
        Assert.Equal(ProblemStatus.InProgress, problem.Status);
        Assert.Equal(1, problem.ReopenCount);
        Assert.Null(problem.FixedByRole);
        Assert.Null(problem.RecheckDueOn);
        Assert.Equal((ProblemAction.Recheck, ProblemStatus.Closed, ProblemStatus.InProgress, "房屋又出现裂缝"),
            (problem.Steps[^1].Action, problem.Steps[^1].FromStatus, problem.Steps[^1].ToStatus, problem.Steps[^1].Note));

        // This time a team member reports it fixed, so the township official may close it.
        Ok(problem.MarkFixed(Member, null, clock));
        Ok(problem.Close(Township, "已加固", 30, clock));
        Assert.Equal(ProblemStatus.Closed, problem.Status);
    }

    [Fact]
    public void Reopening_by_hand_counts_and_clears_the_close()
    {
        var problem = In(ProblemStatus.Closed);
        Ok(problem.Reopen(County, "群众反映问题仍存在", Clock()));
        Assert.Equal((ProblemStatus.InProgress, 1), (problem.Status, problem.ReopenCount));
        Assert.Null(problem.ClosedOn);
        Assert.Null(problem.CheckNote);
    }

    [Fact]
    public void Extensions_keep_the_original_deadline_and_each_previous_one_with_its_reason()
    {
        var clock = Clock();
        var problem = New(deadline: new DateOnly(2026, 5, 30));
        Ok(problem.ExtendDeadline(Township, new DateOnly(2026, 6, 15), "等待鉴定机构出具报告", clock));
        Ok(problem.Start(Member, "联系鉴定", clock));
        Ok(problem.ExtendDeadline(County, new DateOnly(2026, 6, 30), "雨季施工受阻", clock));

        Assert.Equal(new DateOnly(2026, 5, 30), problem.OriginalDeadline);
        Assert.Equal(new DateOnly(2026, 6, 30), problem.Deadline);
        Assert.Equal(
            [(new DateOnly(2026, 5, 30), new DateOnly(2026, 6, 15), "等待鉴定机构出具报告", "李乡长"),
             (new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 30), "雨季施工受阻", "何督导")],
            problem.Extensions.Select(e => (e.PreviousDeadline, e.NewDeadline, e.Reason, e.ByName)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_extension_must_move_the_deadline_later(int days)
    {
        var problem = New();
        var result = problem.ExtendDeadline(County, problem.Deadline.AddDays(days), "理由", Clock());
        Assert.Equal("新的整改时限须晚于现时限2026年5月30日", result.Refusal);
        Assert.Empty(problem.Extensions);
    }

    [Fact]
    public void A_new_problem_needs_a_description_a_responsible_side_and_a_deadline_not_in_the_past()
    {
        var good = new ProblemAssignment("栗子湾村", "张队长", null, Today);
        Assert.Empty(Problem.ValidateNew("问题", 3, 4, good, Today));
        Assert.Equal(
            ["请填写问题描述", "农户的问题须选择所在村", "整改时限不能早于今天"],
            Problem.ValidateNew(" ", null, 4, good with { Deadline = Today.AddDays(-1) }, Today));
        Assert.Equal(["请填写整改责任单位"], Problem.ValidateNew("问题", null, null, good with { ResponsibleUnit = "" }, Today));
        Assert.Equal(["请填写整改责任人"], Problem.ValidateNew("问题", null, null, good with { ResponsiblePerson = null }, Today));

        var raised = Problem.Raise(ProblemSource.Manual, 1, 2, null, null, " 资金拨付滞后 ", good, Today);
        Assert.Equal((ProblemStatus.Pending, "资金拨付滞后", Today, Today), (raised.Status, raised.Description, raised.OriginalDeadline, raised.RaisedOn));
    }

    private static RuleResult Perform(Problem problem, ProblemAction action, ProblemActor actor)
    {
        var clock = Clock();
        return action switch
        {
            ProblemAction.Start => problem.Start(actor, "补齐资料", clock),
            ProblemAction.MarkFixed => problem.MarkFixed(actor, "已完成", clock),
            ProblemAction.Reject => problem.Reject(actor, "佐证不足", clock),
            ProblemAction.Close => problem.Close(actor, "属实", 30, clock),
            ProblemAction.Reopen => problem.Reopen(actor, "问题复现", clock),
            ProblemAction.Recheck => problem.Recheck(actor, passed: true, "成效稳定", clock),
            ProblemAction.ExtendDeadline => problem.ExtendDeadline(actor, problem.Deadline.AddDays(10), "客观原因", clock),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
