using PovertyPortal.Domain.Correction;
using static PovertyPortal.Tests.Correction.Cases;

namespace PovertyPortal.Tests.Correction;

public sealed class CorrectionDeadlinesTests
{
    private static readonly DateOnly Announced = new(2026, 3, 10);
    private static readonly DateOnly End = new(2027, 3, 9);

    private static IReadOnlyList<CorrectionTask> Tasks(CorrectionSubject s, DateOnly today, CaseActivity? activity = null) =>
        CorrectionDeadlines.For(s, activity ?? CaseActivity.None, Calendar2026, today);

    private static CorrectionTask Task(IReadOnlyList<CorrectionTask> tasks, string titlePart) =>
        Assert.Single(tasks, t => t.Title.Contains(titlePart));

    private static void NoTask(IReadOnlyList<CorrectionTask> tasks, string titlePart) =>
        Assert.DoesNotContain(tasks, t => t.Title.Contains(titlePart));

    private static CaseActivity Hours(decimal educationThis, decimal serviceThis, decimal educationLast, decimal serviceLast) =>
        new(educationThis, serviceThis, educationLast, serviceLast, [], [], []);

    /// <summary>Hours met, and the open leave, moves and proposals given.</summary>
    private static CaseActivity Open(LeaveRequest[]? leave = null, ResidenceChange[]? moves = null, CorrectionProposal[]? proposals = null) =>
        new(8, 8, 8, 8, leave ?? [], moves ?? [], proposals ?? []);

    private static LeaveRequest Leave(LeaveStatus status, DateOnly from, DateOnly to) =>
        new() { SubjectId = 7, From = from, To = to, Destination = "太原市", Reason = "就医", Status = status };

    // --- urgency -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(1, TaskUrgency.Overdue)]
    [InlineData(0, TaskUrgency.DueSoon)]   // the due day itself is still in time
    [InlineData(-7, TaskUrgency.DueSoon)]
    [InlineData(-8, TaskUrgency.Later)]
    public void A_task_is_due_soon_in_the_week_before_its_day_and_overdue_the_day_after(int daysAfterDue, TaskUrgency expected)
    {
        var due = new DateOnly(2026, 6, 30);
        Assert.Equal(expected, new CorrectionTask(7, "任务", due, TaskOwner.County, "第十一条").UrgencyOn(due.AddDays(daysAfterDue)));
    }

    // --- 调查评估 (art. 7) ------------------------------------------------------------------------------------------

    [Fact]
    public void The_assessment_is_due_in_five_working_days_and_ten_once_extended()
    {
        var s = Entrusted(new(2026, 9, 24)); // Thursday before 中秋 and 国庆
        // 9.25–9.27 off; 9.28 (1), 9.29 (2), 9.30 (3); 10.1–10.7 off; 10.8 (4), 10.9 (5).
        var task = Task(Tasks(s, new(2026, 9, 24)), "调查评估");
        Assert.Equal((new DateOnly(2026, 10, 9), TaskOwner.County, "第七条"), (task.DueOn, task.Owner, task.Article));
        Assert.Equal(7, task.SubjectId);

        Ok(s.ExtendAssessment("被调查人长期在外务工"));
        // Five more: 10.10 Saturday 调休 (6), 10.12 (7), 10.13 (8), 10.14 (9), 10.15 (10).
        task = Task(Tasks(s, new(2026, 10, 9)), "已延期");
        Assert.Equal(new DateOnly(2026, 10, 15), task.DueOn);
        Assert.Equal(new DateOnly(2026, 10, 15), s.AssessmentDueOn(Calendar2026));
    }

    [Fact]
    public void The_assessment_task_ends_with_the_opinion()
    {
        var s = Entrusted(new(2026, 9, 24)).WithFindings();
        Ok(s.ConcludeAssessment(AssessmentConclusion.Suitable, new(2026, 10, 8)));
        Assert.Empty(Tasks(s, new(2026, 10, 8)));
    }

    // --- 接收 (arts. 11, 13) ---------------------------------------------------------------------------------------

    [Fact]
    public void Receipt_in_three_working_days_and_copies_to_the_office_in_two_across_National_Day()
    {
        var s = Received(new(2026, 9, 30), new(2026, 9, 28), new(2026, 9, 28), new(2027, 9, 27));
        var tasks = Tasks(s, new(2026, 9, 30));
        var receipt = Task(tasks, "送达回执");
        var copies = Task(tasks, "复印件送达司法所");
        Assert.Equal(new DateOnly(2026, 10, 10), receipt.DueOn); // 10.8, 10.9, 10.10 (调休)
        Assert.Equal(new DateOnly(2026, 10, 9), copies.DueOn);   // 10.8, 10.9
        Assert.All([receipt, copies], t => Assert.Equal(("第十一条", TaskOwner.County), (t.Article, t.Owner)));

        s.ReceiptReturnedOn = new(2026, 10, 8);
        s.ForwardedToOfficeOn = new(2026, 10, 8);
        tasks = Tasks(s, new(2026, 10, 8));
        NoTask(tasks, "送达回执");
        NoTask(tasks, "复印件");
    }

    [Fact]
    public void Missing_documents_are_to_be_asked_for_at_once()
    {
        var s = Received(new(2026, 9, 30), new(2026, 9, 28), new(2026, 9, 28), new(2027, 9, 27), CorrectionType.Parole);
        s.HasJudgment = s.HasExecutionNotice = s.HasGuaranteeLetter = true;
        var task = Task(Tasks(s, new(2026, 9, 30)), "补正");
        Assert.Contains("假释证明书", task.Title);
        Assert.Equal(new DateOnly(2026, 9, 30), task.DueOn);

        s.MissingDocumentsNotifiedOn = new(2026, 9, 30);
        NoTask(Tasks(s, new(2026, 9, 30)), "补正");
    }

    [Fact]
    public void The_subject_reports_within_ten_days_of_the_judgment_and_is_searched_for_after()
    {
        var effective = new DateOnly(2026, 1, 5);
        var s = Received(new(2026, 1, 7), effective, effective, new(2027, 1, 4));
        // 自生效之日起十日内: the day itself not counted, so January 15th is the last day.
        var onLastDay = Tasks(s, new(2026, 1, 15));
        var report = Task(onLastDay, "报到");
        Assert.Equal((new DateOnly(2026, 1, 15), "第十三条"), (report.DueOn, report.Article));
        Assert.Equal(TaskUrgency.DueSoon, report.UrgencyOn(new(2026, 1, 15)));
        NoTask(onLastDay, "查找");

        var dayAfter = Tasks(s, new(2026, 1, 16));
        Assert.Equal(TaskUrgency.Overdue, Task(dayAfter, "矫正对象报到").UrgencyOn(new(2026, 1, 16)));
        var search = Task(dayAfter, "查找");
        Assert.Equal(TaskOwner.County, search.Owner);
        Assert.NotEqual(TaskUrgency.Later, search.UrgencyOn(new(2026, 1, 16)));

        s.SearchStartedOn = new(2026, 1, 16);
        NoTask(Tasks(s, new(2026, 1, 17)), "查找");

        Ok(s.RecordReport(new(2026, 1, 20)));
        NoTask(Tasks(s, new(2026, 1, 20)), "矫正对象报到");
    }

    [Fact]
    public void The_ten_days_to_report_are_calendar_days_holidays_included()
    {
        var s = Received(new(2026, 9, 30), new(2026, 9, 30), new(2026, 9, 30), new(2027, 9, 29));
        Assert.Equal(new DateOnly(2026, 10, 10), Task(Tasks(s, new(2026, 10, 1)), "矫正对象报到").DueOn);
    }

    [Fact]
    public void The_announcement_is_due_seven_days_after_the_report()
    {
        var s = Reported(new(2026, 3, 5), new(2026, 3, 2), new(2026, 3, 2), End);
        var task = Task(Tasks(s, new(2026, 3, 5)), "宣告");
        Assert.Equal((new DateOnly(2026, 3, 12), TaskOwner.JudicialOffice, "第十六条"), (task.DueOn, task.Owner, task.Article));
        NoTask(Tasks(s, new(2026, 3, 5)), "矫正对象报到");
    }

    // --- supervision (arts. 19, 21) ------------------------------------------------------------------------------

    [Fact]
    public void A_stricter_level_reports_more_often_counted_from_the_last_report_or_the_announcement()
    {
        DateOnly Due(SupervisionLevel level, DateOnly? lastReport)
        {
            var s = UnderCorrection(Announced, End);
            s.SupervisionLevel = level;
            if (lastReport is { } d) s.Note(new SupervisionRecord { Kind = SupervisionRecordKind.Report, Date = d });
            var task = Task(Tasks(s, Announced), "定期报告");
            Assert.Equal((TaskOwner.JudicialOffice, "第二十一条"), (task.Owner, task.Article));
            Assert.Contains(level.Label(), task.Title);
            return task.DueOn;
        }

        var (strict, normal, lenient) = (Due(SupervisionLevel.Strict, null), Due(SupervisionLevel.Normal, null), Due(SupervisionLevel.Lenient, null));
        Assert.True(Announced < strict && strict < normal && normal < lenient, $"{strict} {normal} {lenient}");
        Assert.True(lenient <= Announced.AddMonths(1), "every level reports at least monthly");

        var later = Announced.AddDays(20);
        foreach (var level in Enum.GetValues<SupervisionLevel>())
        {
            Assert.Equal(Due(level, null).AddDays(20), Due(level, later));
        }
    }

    [Fact]
    public void An_older_report_recorded_late_does_not_move_the_next_report_back()
    {
        var s = UnderCorrection(Announced, End);
        s.Note(new SupervisionRecord { Kind = SupervisionRecordKind.Report, Date = new(2026, 4, 20) });
        var due = Task(Tasks(s, Announced), "定期报告").DueOn;
        s.Note(new SupervisionRecord { Kind = SupervisionRecordKind.Report, Date = new(2026, 4, 1) });
        Assert.Equal(due, Task(Tasks(s, Announced), "定期报告").DueOn);
    }

    [Fact]
    public void Medical_parole_reports_health_monthly_and_a_review_every_three_months()
    {
        var s = UnderCorrection(Announced, End, CorrectionType.TemporaryOutOfPrison);
        NoTask(Tasks(s, Announced), "保外就医");

        s.IsMedicalParole = true;
        var tasks = Tasks(s, Announced);
        Assert.Equal(new DateOnly(2026, 4, 10), Task(tasks, "身体情况").DueOn);
        Assert.Equal(new DateOnly(2026, 6, 10), Task(tasks, "病情复查").DueOn);

        s.Note(new SupervisionRecord { Kind = SupervisionRecordKind.HealthReport, Date = new(2026, 4, 8) });
        s.Note(new SupervisionRecord { Kind = SupervisionRecordKind.MedicalReview, Date = new(2026, 6, 1) });
        tasks = Tasks(s, new(2026, 6, 1));
        Assert.Equal(new DateOnly(2026, 5, 8), Task(tasks, "身体情况").DueOn);
        Assert.Equal(new DateOnly(2026, 9, 1), Task(tasks, "病情复查").DueOn);
    }

    [Fact]
    public void The_plan_is_made_at_the_announcement_and_reviewed_three_months_after_each_review()
    {
        var s = UnderCorrection(Announced, End);
        Assert.Equal(Announced, Task(Tasks(s, Announced), "制定矫正方案").DueOn);
        s.PlanMadeOn = Announced;
        s.Note(new SupervisionRecord { Kind = SupervisionRecordKind.PlanReview, Date = new(2026, 4, 15) });
        var tasks = Tasks(s, new(2026, 4, 15));
        NoTask(tasks, "制定矫正方案");
        Assert.Equal(new DateOnly(2026, 7, 15), Task(tasks, "评估调整").DueOn);
    }

    // --- monthly hours (arts. 28, 30) -------------------------------------------------------------------------------

    [Fact]
    public void The_month_of_the_announcement_is_partial_and_owes_no_hours()
    {
        var s = UnderCorrection(Announced, End);
        var tasks = Tasks(s, new(2026, 3, 28));
        NoTask(tasks, "教育学习");
        NoTask(tasks, "社区服务");
        Assert.False(MonthlyActivity.IsOwed(new(2026, 3, 1), Announced, End));
        Assert.True(MonthlyActivity.IsOwed(new(2026, 4, 1), Announced, End));
    }

    [Fact]
    public void This_months_shortfall_is_due_at_the_months_end_and_met_hours_raise_nothing()
    {
        var s = UnderCorrection(Announced, End);
        var tasks = Tasks(s, new(2026, 4, 27), Hours(educationThis: 5, serviceThis: 8, 0, 0));
        var education = Task(tasks, "本月教育学习尚差3小时");
        Assert.Equal((new DateOnly(2026, 4, 30), TaskOwner.JudicialOffice, "第二十八条"), (education.DueOn, education.Owner, education.Article));
        Assert.Equal(TaskUrgency.DueSoon, education.UrgencyOn(new(2026, 4, 27)));
        NoTask(tasks, "本月社区服务");
        NoTask(tasks, "3月"); // March was partial
    }

    [Fact]
    public void Last_months_shortfall_is_overdue_and_asks_for_the_reason()
    {
        var s = UnderCorrection(Announced, End);
        var today = new DateOnly(2026, 5, 3);
        var tasks = Tasks(s, today, Hours(0, 0, educationLast: 5, serviceLast: 0));
        var education = Task(tasks, "4月教育学习少3小时");
        var service = Task(tasks, "4月社区服务少8小时");
        Assert.Equal(new DateOnly(2026, 4, 30), education.DueOn);
        Assert.Equal(TaskUrgency.Overdue, education.UrgencyOn(today));
        Assert.Equal("第三十条", service.Article);
        Assert.Equal(TaskUrgency.Later, Task(tasks, "本月教育学习尚差8小时").UrgencyOn(today));

        Assert.DoesNotContain(Tasks(s, today, Hours(0, 0, 8, 8.5m)), t => t.Title.StartsWith("4月"));
    }

    [Fact]
    public void A_subject_announced_on_the_first_owes_that_whole_month()
    {
        var announced = new DateOnly(2026, 4, 1);
        var s = UnderCorrection(announced, End);
        Assert.True(MonthlyActivity.IsOwed(new(2026, 4, 1), announced, End));
        Task(Tasks(s, new(2026, 4, 27)), "本月教育学习尚差8小时");
    }

    [Fact]
    public void The_last_month_is_owed_when_the_term_runs_to_its_last_day_and_not_when_it_ends_within_it()
    {
        Assert.True(MonthlyActivity.IsOwed(new(2027, 3, 1), Announced, new(2027, 3, 31)));
        Assert.False(MonthlyActivity.IsOwed(new(2027, 3, 1), Announced, new(2027, 3, 30)));
        Assert.False(MonthlyActivity.IsOwed(new(2027, 3, 1), Announced, End));
        Assert.True(MonthlyActivity.IsOwed(new(2027, 2, 1), Announced, End));
        Assert.False(MonthlyActivity.IsOwed(new(2027, 4, 1), Announced, new(2027, 3, 31)));
        Assert.False(MonthlyActivity.IsOwed(new(2026, 5, 1), announcedOn: null, End));

        var s = UnderCorrection(Announced, End); // ends 2027.3.9
        var tasks = Tasks(s, new(2027, 3, 5));
        NoTask(tasks, "本月");
        Task(tasks, "2月教育学习少8小时");
    }

    // --- end of term (arts. 45–46) -----------------------------------------------------------------------------------

    [Fact]
    public void The_end_of_term_tasks_open_fifteen_days_ahead()
    {
        var s = UnderCorrection(Announced, End);
        var opening = End.AddDays(-15);
        var summary = Task(Tasks(s, opening), "个人总结");
        var appraisal = Task(Tasks(s, opening), "书面鉴定");
        var release = Task(Tasks(s, opening), "解除社区矫正宣告");
        Assert.All([summary, appraisal, release], t => Assert.Equal(End, t.DueOn));
        Assert.All([summary, appraisal, release], t => Assert.Equal(TaskUrgency.DueSoon, t.UrgencyOn(opening)));
        Assert.All([summary, appraisal, release], t => Assert.Equal(TaskUrgency.Later, t.UrgencyOn(opening.AddDays(-1))));
        Assert.Equal(TaskUrgency.Overdue, release.UrgencyOn(End.AddDays(1)));
        Assert.Equal((TaskOwner.JudicialOffice, "第四十五条"), (summary.Owner, summary.Article));
        Assert.Equal((TaskOwner.County, "第四十六条"), (release.Owner, release.Article));

        s.SummaryOn = End.AddDays(-10);
        var tasks = Tasks(s, End.AddDays(-10));
        NoTask(tasks, "个人总结");
        Task(tasks, "书面鉴定");
    }

    [Fact]
    public void Only_the_end_of_term_tasks_open_fifteen_days_ahead_when_others_fall_due_on_the_last_day()
    {
        var end = new DateOnly(2027, 3, 31);
        var s = UnderCorrection(Announced, end);
        var today = end.AddDays(-11);
        var tasks = Tasks(s, today);
        Assert.Equal(TaskUrgency.DueSoon, Task(tasks, "个人总结").UrgencyOn(today));
        var hours = Task(tasks, "本月教育学习尚差8小时");
        Assert.Equal(end, hours.DueOn);
        Assert.Equal(TaskUrgency.Later, hours.UrgencyOn(today));
        Assert.Equal(TaskUrgency.DueSoon, hours.UrgencyOn(end.AddDays(-7)));
    }

    [Fact]
    public void A_closed_case_has_no_tasks()
    {
        var s = UnderCorrection(Announced, End);
        s.SummaryOn = s.AppraisalOn = End.AddDays(-10);
        s.Appraisal = "表现良好";
        Ok(s.Release(End, "2027第001号"));
        Assert.Empty(Tasks(s, End.AddDays(1)));

        var notSuitable = Entrusted(new(2026, 9, 24)).WithFindings();
        Ok(notSuitable.ConcludeAssessment(AssessmentConclusion.Unsuitable, new(2026, 9, 28)));
        Assert.Empty(Tasks(notSuitable, new(2026, 10, 20)));
    }

    // --- leave and moves (arts. 25, 27) -------------------------------------------------------------------------------

    [Fact]
    public void A_leave_request_waits_on_the_office_or_the_county_before_the_departure()
    {
        var s = UnderCorrection(Announced, End);
        var office = Leave(LeaveStatus.AwaitingOffice, new(2026, 8, 3), new(2026, 8, 5));
        var county = Leave(LeaveStatus.AwaitingCounty, new(2026, 8, 10), new(2026, 8, 20));
        var tasks = Tasks(s, new(2026, 8, 1), Open(leave: [office, county]));
        var byOffice = Task(tasks, "外出申请待审批");
        var byCounty = Task(tasks, "外出申请待县级审批");
        Assert.Equal((office.From, TaskOwner.JudicialOffice), (byOffice.DueOn, byOffice.Owner));
        Assert.Equal((county.From, TaskOwner.County), (byCounty.DueOn, byCounty.Owner));
        Assert.All([byOffice, byCounty], t => Assert.Equal("第二十五条", t.Article));
    }

    [Fact]
    public void The_return_report_falls_overdue_on_the_same_day_as_the_trip()
    {
        var s = UnderCorrection(Announced, End);
        var trip = Leave(LeaveStatus.Approved, new(2026, 8, 3), new(2026, 8, 5));
        var activity = Open(leave: [trip]);
        for (var today = trip.To.AddDays(-1); today <= trip.To.AddDays(2); today = today.AddDays(1))
        {
            var task = Task(Tasks(s, today, activity), "返回报告");
            // 返回居住地时，应当立即向司法所报告: the trip and its task agree on the first overdue day.
            Assert.Equal(trip.IsOverdue(today), task.UrgencyOn(today) == TaskUrgency.Overdue);
        }
        Assert.Equal(TaskUrgency.Overdue, Task(Tasks(s, trip.To.AddDays(1), activity), "返回报告").UrgencyOn(trip.To.AddDays(1)));
    }

    [Fact]
    public void A_move_waits_on_the_new_county_then_the_files_go_in_three_working_days()
    {
        var s = UnderCorrection(Announced, End);
        var move = new ResidenceChange
        {
            SubjectId = 7, AppliedOn = new(2026, 8, 10), MoveOn = new(2026, 9, 25), NewAddress = "榆次区某街道",
            NewCountyBureau = "榆次区司法局", Reason = "随子女迁居", OfficeOpinion = "同意", Status = ResidenceChangeStatus.AwaitingCounty,
        };
        var activity = Open(moves: [move]);
        var asking = Task(Tasks(s, new(2026, 8, 20), activity), "征求新居住地意见");
        Assert.Equal((move.MoveOn, TaskOwner.County, "第二十七条"), (asking.DueOn, asking.Owner, asking.Article));

        move.NewCountyConsentOn = new(2026, 9, 15);
        Task(Tasks(s, new(2026, 9, 15), activity), "待县级决定");

        Ok(move.Approve(new(2026, 9, 18), "县局钱科长")); // Friday
        var tasks = Tasks(s, new(2026, 9, 18), activity);
        // 9.19 Saturday off, 9.20 Sunday 调休 (1), 9.21 (2), 9.22 (3).
        Assert.Equal(new DateOnly(2026, 9, 22), Task(tasks, "移交法律文书和矫正档案").DueOn);
        Assert.Equal(new DateOnly(2026, 9, 25), Task(tasks, "新居住地报到").DueOn); // seven days
        move.FilesTransferredOn = new(2026, 9, 21);
        move.ReportedAtNewPlaceOn = new(2026, 9, 24);
        Assert.DoesNotContain(Tasks(s, new(2026, 9, 24), activity), t => t.Article == "第二十七条");
    }

    // --- discipline (arts. 41–42) -----------------------------------------------------------------------------------

    [Fact]
    public void Three_warnings_on_probation_raise_a_revocation_task_until_the_proposal_is_made()
    {
        var s = UnderCorrection(Announced, End);
        s.WarningCount = 2;
        var today = new DateOnly(2026, 8, 1);
        NoTask(Tasks(s, today), "应提出");

        s.WarningCount = 3;
        var due = Task(Tasks(s, today), "应提出撤销缓刑建议");
        Assert.Equal((today, TaskOwner.County, "第四十一条"), (due.DueOn, due.Owner, due.Article));

        var proposal = new CorrectionProposal
        {
            SubjectId = 7, Kind = ProposalKind.Revocation, ProposedOn = today, Ground = "受到三次警告仍不改正", Facts = "……",
            SubmittedTo = "某县人民法院", DocumentNumber = "〔2026〕矫撤字第1号",
            DecisionDueOn = CorrectionProposal.DueAfter(ProposalKind.Revocation, today),
        };
        var tasks = Tasks(s, today, Open(proposals: [proposal]));
        NoTask(tasks, "应提出");
        var follow = Task(tasks, "跟进撤销缓刑建议的裁定");
        Assert.Equal((new DateOnly(2026, 9, 1), "第四十一条"), (follow.DueOn, follow.Article));
    }

    [Fact]
    public void Two_warnings_out_of_prison_raise_a_reimprisonment_task()
    {
        var s = UnderCorrection(Announced, End, CorrectionType.TemporaryOutOfPrison);
        s.WarningCount = 2;
        var task = Task(Tasks(s, new(2026, 8, 1)), "收监执行建议");
        Assert.Equal("第四十二条", task.Article);
    }
}
