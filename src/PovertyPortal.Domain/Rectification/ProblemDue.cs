using System.Linq.Expressions;

namespace PovertyPortal.Domain.Rectification;

/// <summary>
/// Overdue and due-soon, computed from a day the caller gives (today in Beijing, <c>PortalYears.Today</c>) and never
/// stored: a stored flag would be wrong the morning after. Only a problem still to be fixed (待整改, 整改中) is held to
/// its deadline; one reported fixed waits on the checker, not on the responsible side. The deadline day itself is
/// the last day to fix: due, not overdue.
/// </summary>
public static class ProblemDue
{
    /// <summary>Due today or within this many days counts as due soon.</summary>
    public const int DueSoonDays = 3;

    /// <summary>Days from <paramref name="today"/> to the deadline: 0 on the deadline day, negative once overdue.</summary>
    public static int DaysLeft(DateOnly deadline, DateOnly today) => deadline.DayNumber - today.DayNumber;

    public static DueStanding Standing(Problem problem, DateOnly today) => Standing(problem.Status, problem.Deadline, today);

    public static DueStanding Standing(ProblemStatus status, DateOnly deadline, DateOnly today) =>
        status is not (ProblemStatus.Pending or ProblemStatus.InProgress) ? DueStanding.NotApplicable
        : DaysLeft(deadline, today) < 0 ? DueStanding.Overdue
        : DaysLeft(deadline, today) <= DueSoonDays ? DueStanding.DueSoon
        : DueStanding.OnTrack;

    /// <summary>"今天到期", "还剩2天", "已逾期5天": the deadline as the lists say it.</summary>
    public static string Describe(Problem problem, DateOnly today)
    {
        var days = DaysLeft(problem.Deadline, today);
        return Standing(problem, today) switch
        {
            DueStanding.NotApplicable => problem.Status.Label(),
            DueStanding.Overdue => $"已逾期{-days}天",
            _ when days == 0 => "今天到期",
            _ => $"还剩{days}天",
        };
    }

    /// <summary>The same rule as <see cref="Standing(ProblemStatus, DateOnly, DateOnly)"/> for a query: overdue on <paramref name="today"/>.</summary>
    public static Expression<Func<Problem, bool>> IsOverdue(DateOnly today) =>
        p => (p.Status == ProblemStatus.Pending || p.Status == ProblemStatus.InProgress) && p.Deadline < today;

    /// <summary>The same rule for a query: due today or in the next <see cref="DueSoonDays"/> days.</summary>
    public static Expression<Func<Problem, bool>> IsDueSoon(DateOnly today)
    {
        var last = today.AddDays(DueSoonDays);
        return p => (p.Status == ProblemStatus.Pending || p.Status == ProblemStatus.InProgress) && p.Deadline >= today && p.Deadline <= last;
    }

    /// <summary>回头看 due: closed, its re-check date reached, not yet re-checked.</summary>
    public static bool IsRecheckDue(Problem problem, DateOnly today) =>
        problem.Status == ProblemStatus.Closed && problem.RecheckedOn is null && problem.RecheckDueOn is { } due && due <= today;
}

/// <summary>One thing a user must do next.</summary>
public sealed record ProblemAlert(AlertKind Kind, int ProblemId, string Description, DateOnly Date, string Message);

/// <summary>
/// The "what must I do next" list of the home page, over the problems the user can see (the data layer's scope has
/// already narrowed them):
/// <list type="bullet">
/// <item>the responsible person (by account) of an open problem: overdue, or due within <see cref="ProblemDue.DueSoonDays"/> days;</item>
/// <item>anyone who may check it (<see cref="Problem.WhyNot"/> of <see cref="ProblemAction.Close"/>): a problem reported fixed;</item>
/// <item>anyone who may re-check it: a closed problem whose 回头看 date has come.</item>
/// </list>
/// Overdue first (longest overdue first), then due soon (nearest first), then checks and re-checks (oldest first).
/// </summary>
public static class ProblemAlerts
{
    public static IReadOnlyList<ProblemAlert> For(ProblemActor user, IEnumerable<Problem> problems, DateOnly today)
    {
        var alerts = new List<ProblemAlert>();
        foreach (var p in problems)
        {
            if (p.ResponsibleUserId == user.UserId)
            {
                var standing = ProblemDue.Standing(p, today);
                if (standing is DueStanding.Overdue or DueStanding.DueSoon)
                {
                    var kind = standing == DueStanding.Overdue ? AlertKind.Overdue : AlertKind.DueSoon;
                    alerts.Add(new ProblemAlert(kind, p.Id, p.Description, p.Deadline, $"{kind.Label()}：{ProblemDue.Describe(p, today)}"));
                }
            }
            if (p.Status == ProblemStatus.Fixed && p.WhyNot(ProblemAction.Close, user) is null)
                alerts.Add(new ProblemAlert(AlertKind.AwaitingCheck, p.Id, p.Description, p.FixedOn ?? today,
                    $"{p.FixedByName}已报送整改完成，待核验"));
            if (ProblemDue.IsRecheckDue(p, today) && p.WhyNot(ProblemAction.Recheck, user) is null)
                alerts.Add(new ProblemAlert(AlertKind.RecheckDue, p.Id, p.Description, p.RecheckDueOn!.Value,
                    $"{p.ClosedOn:yyyy年M月d日}销号，回头看定于{p.RecheckDueOn:yyyy年M月d日}"));
        }
        return alerts.OrderBy(a => a.Kind).ThenBy(a => a.Date).ThenBy(a => a.ProblemId).ToList();
    }
}
