using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;
using static PovertyPortal.Tests.Rectification.Problems;

namespace PovertyPortal.Tests.Rectification;

public sealed class ProblemDueTests
{
    private static readonly DateOnly Deadline = new(2026, 6, 30);

    [Theory]
    [InlineData(-10, DueStanding.OnTrack, "还剩10天")]
    [InlineData(-4, DueStanding.OnTrack, "还剩4天")]
    [InlineData(-3, DueStanding.DueSoon, "还剩3天")]
    [InlineData(-1, DueStanding.DueSoon, "还剩1天")]
    [InlineData(0, DueStanding.DueSoon, "今天到期")]
    [InlineData(1, DueStanding.Overdue, "已逾期1天")]
    [InlineData(31, DueStanding.Overdue, "已逾期31天")]
    public void The_deadline_day_is_still_due_and_the_day_after_is_overdue(int daysAfterDeadline, DueStanding expected, string said)
    {
        var problem = New(Deadline);
        var today = Deadline.AddDays(daysAfterDeadline);
        Assert.Equal(expected, ProblemDue.Standing(problem, today));
        Assert.Equal(-daysAfterDeadline, ProblemDue.DaysLeft(problem.Deadline, today));
        Assert.Equal(said, ProblemDue.Describe(problem, today));
    }

    [Theory]
    [InlineData(ProblemStatus.Pending, DueStanding.Overdue)]
    [InlineData(ProblemStatus.InProgress, DueStanding.Overdue)]
    [InlineData(ProblemStatus.Fixed, DueStanding.NotApplicable)]
    [InlineData(ProblemStatus.Closed, DueStanding.NotApplicable)]
    public void Only_a_problem_still_to_be_fixed_is_held_to_its_deadline(ProblemStatus status, DueStanding expected) =>
        Assert.Equal(expected, ProblemDue.Standing(status, Deadline, Deadline.AddDays(5)));

    [Fact]
    public void An_extension_takes_an_overdue_problem_back_within_its_deadline_while_the_original_date_stays()
    {
        var problem = New(new DateOnly(2026, 5, 20));
        var today = new DateOnly(2026, 5, 22);
        Assert.Equal(DueStanding.Overdue, ProblemDue.Standing(problem, today));

        Ok(problem.ExtendDeadline(County, new DateOnly(2026, 6, 10), "需等待资金下达", Clock()));
        Assert.Equal(DueStanding.OnTrack, ProblemDue.Standing(problem, today));
        Assert.Equal(DueStanding.DueSoon, ProblemDue.Standing(problem, new DateOnly(2026, 6, 7)));
        Assert.Equal(DueStanding.Overdue, ProblemDue.Standing(problem, new DateOnly(2026, 6, 11)));
        Assert.Equal(new DateOnly(2026, 5, 20), problem.OriginalDeadline);
    }

    [Fact]
    public void Today_is_the_Beijing_date_so_a_problem_is_overdue_from_midnight_in_Beijing_not_in_UTC()
    {
        var problem = New(new DateOnly(2026, 6, 30));
        // 15:59 UTC on the deadline day is 23:59 in Beijing: still the deadline day.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal(DueStanding.DueSoon, ProblemDue.Standing(problem, PortalYears.Today(clock)));
        // 16:30 UTC, still June 30th in UTC, is half past midnight on July 1st in Beijing: overdue.
        clock.SetUtcNow(new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(DueStanding.Overdue, ProblemDue.Standing(problem, PortalYears.Today(clock)));
    }

    [Fact]
    public void Steps_are_dated_by_the_Beijing_day()
    {
        // 17:00 UTC on May 9th is 01:00 on May 10th in Beijing.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 9, 17, 0, 0, TimeSpan.Zero));
        var problem = In(ProblemStatus.Fixed, clock: clock);
        Ok(problem.Close(County, "属实", 30, clock));
        Assert.Equal((new DateOnly(2026, 5, 10), new DateOnly(2026, 6, 9)), (problem.ClosedOn!.Value, problem.RecheckDueOn!.Value));
    }

    [Fact]
    public void The_query_expressions_agree_with_the_standing_on_every_day_and_status()
    {
        var isOverdue = ProblemDue.IsOverdue(Deadline);
        var isDueSoon = ProblemDue.IsDueSoon(Deadline);
        for (var offset = -6; offset <= 6; offset++)
        {
            foreach (var status in Enum.GetValues<ProblemStatus>())
            {
                var problem = New(Deadline.AddDays(offset));
                problem.Status = status;
                var standing = ProblemDue.Standing(problem, Deadline);
                Assert.Equal(standing == DueStanding.Overdue, isOverdue.Compile()(problem));
                Assert.Equal(standing == DueStanding.DueSoon, isDueSoon.Compile()(problem));
            }
        }
    }

    [Fact]
    public void A_recheck_is_due_from_its_day_until_it_is_done()
    {
        var problem = In(ProblemStatus.Closed);
        var due = problem.RecheckDueOn!.Value;
        Assert.Equal(Today.AddDays(Problem.DefaultRecheckAfterDays), due);
        Assert.False(ProblemDue.IsRecheckDue(problem, due.AddDays(-1)));
        Assert.True(ProblemDue.IsRecheckDue(problem, due));
        Assert.True(ProblemDue.IsRecheckDue(problem, due.AddDays(20)));
        Ok(problem.Recheck(County, passed: true, "稳定", Clock()));
        Assert.False(ProblemDue.IsRecheckDue(problem, due));
    }
}
