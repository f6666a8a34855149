using PovertyPortal.Domain.Rectification;
using static PovertyPortal.Tests.Rectification.Problems;

namespace PovertyPortal.Tests.Rectification;

public sealed class ProblemAlertsTests
{
    private static Problem WithId(Problem problem, int id)
    {
        problem.Id = id;
        return problem;
    }

    [Fact]
    public void The_responsible_person_is_told_of_overdue_and_due_soon_problems_and_nobody_else_is()
    {
        var today = new DateOnly(2026, 6, 1);
        var overdue = WithId(New(new DateOnly(2026, 5, 30)), 1);
        var dueToday = WithId(New(today), 2);
        var dueInThree = WithId(New(today.AddDays(3)), 3);
        var dueInFour = WithId(New(today.AddDays(4)), 4);
        Problem[] problems = [dueInFour, dueInThree, dueToday, overdue];

        var alerts = ProblemAlerts.For(Leader, problems, today);
        Assert.Equal(
            [(AlertKind.Overdue, 1, "整改已逾期：已逾期2天"), (AlertKind.DueSoon, 2, "整改即将到期：今天到期"), (AlertKind.DueSoon, 3, "整改即将到期：还剩3天")],
            alerts.Select(a => (a.Kind, a.ProblemId, a.Message)));
        Assert.Empty(ProblemAlerts.For(Member, problems, today));
    }

    [Fact]
    public void A_problem_reported_fixed_awaits_the_check_of_those_above_the_reporter_only()
    {
        var problem = WithId(In(ProblemStatus.Fixed, Member), 7);
        var alert = Assert.Single(ProblemAlerts.For(Township, [problem], Today));
        Assert.Equal((AlertKind.AwaitingCheck, "王队员已报送整改完成，待核验"), (alert.Kind, alert.Message));
        Assert.Single(ProblemAlerts.For(Leader, [problem], Today));
        Assert.Empty(ProblemAlerts.For(Member, [problem], Today));
    }

    [Fact]
    public void A_fixed_problem_past_its_deadline_no_longer_alerts_the_responsible_person()
    {
        var problem = In(ProblemStatus.Fixed, Leader);
        Assert.Empty(ProblemAlerts.For(Leader, [problem], problem.Deadline.AddDays(5)));
    }

    [Fact]
    public void The_recheck_alert_comes_on_its_day_to_those_who_may_recheck_and_goes_once_done()
    {
        var problem = WithId(In(ProblemStatus.Closed, Township), 9);
        var due = problem.RecheckDueOn!.Value;
        Assert.Empty(ProblemAlerts.For(County, [problem], due.AddDays(-1)));
        var alert = Assert.Single(ProblemAlerts.For(County, [problem], due));
        Assert.Equal((AlertKind.RecheckDue, 9, due, "2026年5月10日销号，回头看定于2026年6月9日"), (alert.Kind, alert.ProblemId, alert.Date, alert.Message));
        Assert.Empty(ProblemAlerts.For(Township, [problem], due));

        Ok(problem.Recheck(County, passed: true, "稳定", Clock()));
        Assert.Empty(ProblemAlerts.For(County, [problem], due));
    }

    [Fact]
    public void Alerts_come_overdue_first_then_due_soon_then_checks_then_rechecks()
    {
        var today = Today.AddDays(Problem.DefaultRecheckAfterDays);
        var recheck = WithId(In(ProblemStatus.Closed, Leader), 1);
        var check = WithId(In(ProblemStatus.Fixed, Member), 2);
        var dueSoon = WithId(New(today.AddDays(1)), 3);
        var overdue = WithId(New(today.AddDays(-1)), 4);
        var asLeader = ProblemAlerts.For(Leader, [recheck, check, dueSoon, overdue], today);
        Assert.Equal([AlertKind.Overdue, AlertKind.DueSoon, AlertKind.AwaitingCheck], asLeader.Select(a => a.Kind));
        var asTownship = ProblemAlerts.For(Township, [recheck, check, dueSoon, overdue], today);
        Assert.Equal([(AlertKind.AwaitingCheck, 2), (AlertKind.RecheckDue, 1)], asTownship.Select(a => (a.Kind, a.ProblemId)));
    }
}
