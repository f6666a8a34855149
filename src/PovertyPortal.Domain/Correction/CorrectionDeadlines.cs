namespace PovertyPortal.Domain.Correction;

/// <summary>Who must act on a task: the county justice bureau or the township's 司法所.</summary>
public enum TaskOwner
{
    County,
    JudicialOffice,
}

public enum TaskUrgency
{
    Overdue,
    DueSoon,
    Later,
}

/// <summary>One deadline of one case, as of today. Never stored: the list is computed from the case at query time.</summary>
public sealed record CorrectionTask(int SubjectId, string Title, DateOnly DueOn, TaskOwner Owner, string Article, int SoonDays = CorrectionDeadlines.DueSoonDays)
{
    public TaskUrgency UrgencyOn(DateOnly today) =>
        DueOn < today ? TaskUrgency.Overdue : DueOn <= today.AddDays(SoonDays) ? TaskUrgency.DueSoon : TaskUrgency.Later;
}

/// <summary>What the task list needs beyond the case row: this and last month's hours, and the open leave, moves and proposals.</summary>
public sealed record CaseActivity(
    decimal EducationThisMonth, decimal ServiceThisMonth, decimal EducationLastMonth, decimal ServiceLastMonth,
    IReadOnlyList<LeaveRequest> OpenLeave, IReadOnlyList<ResidenceChange> OpenMoves, IReadOnlyList<CorrectionProposal> OpenProposals)
{
    public static CaseActivity None { get; } = new(0, 0, 0, 0, [], [], []);
}

/// <summary>Every deadline of the implementing rules, computed for one case on one day.</summary>
public static class CorrectionDeadlines
{
    public const int DueSoonDays = 7;

    /// <summary>How often a subject reports, by 监管等级 (art. 21 leaves the rhythm to the levels; decision 0029).</summary>
    public static DateOnly NextReport(SupervisionLevel level, DateOnly last) => level switch
    {
        SupervisionLevel.Strict => last.AddDays(7),
        SupervisionLevel.Normal => last.AddDays(15),
        _ => last.AddMonths(1),
    };

    public static IReadOnlyList<CorrectionTask> For(CorrectionSubject s, CaseActivity activity, WorkingCalendar calendar, DateOnly today)
    {
        var tasks = new List<CorrectionTask>();
        void Add(string title, DateOnly? due, TaskOwner owner, string article)
        {
            // The end of term opens its tasks fifteen days ahead (art. 45); the rest, even when due on the last day, a week ahead.
            var soon = article is "第四十五条" or "第四十六条" ? CorrectionSubject.EndSummaryDaysBefore : DueSoonDays;
            if (due is { } d) tasks.Add(new CorrectionTask(s.Id, title, d, owner, article, soon));
        }

        switch (s.Stage)
        {
            case CaseStage.Assessing when s.AssessmentConclusion is null:
                Add(s.AssessmentExtended ? "完成调查评估（已延期）" : "完成调查评估并反馈委托机关", s.AssessmentDueOn(calendar), TaskOwner.County, "第七条");
                break;
            case CaseStage.Receiving:
            case CaseStage.AwaitingAnnouncement:
            case CaseStage.UnderCorrection:
                AddReceipt(s, calendar, Add);
                break;
        }

        if (s.Stage == CaseStage.Receiving && s.ReportDueOn is { } reportDue)
        {
            Add("矫正对象报到", reportDue, TaskOwner.County, "第十三条");
            if (reportDue < today && s.SearchStartedOn is null) Add("逾期未报到：通报决定机关并组织查找", reportDue.AddDays(1), TaskOwner.County, "第十三条");
        }
        if (s.Stage == CaseStage.AwaitingAnnouncement) Add("组织宣告并确定矫正小组", s.AnnouncementDueOn, TaskOwner.JudicialOffice, "第十六条");

        if (s.Stage == CaseStage.UnderCorrection) AddSupervision(s, activity, today, Add);

        foreach (var leave in activity.OpenLeave)
        {
            if (leave.Status == LeaveStatus.AwaitingOffice) Add($"外出申请待审批（{leave.From:M月d日}起{leave.Days}天）", leave.From, TaskOwner.JudicialOffice, "第二十五条");
            if (leave.Status == LeaveStatus.AwaitingCounty) Add($"外出申请待县级审批（{leave.From:M月d日}起{leave.Days}天）", leave.From, TaskOwner.County, "第二十五条");
            // 返回居住地时，应当立即向司法所报告: due on the return day, overdue the day after, as LeaveRequest.IsOverdue says.
            if (leave.Status == LeaveStatus.Approved && leave.ReturnedOn is null) Add("外出期满返回报告", leave.To, TaskOwner.JudicialOffice, "第二十五条");
        }
        foreach (var move in activity.OpenMoves)
        {
            if (move.Status == ResidenceChangeStatus.AwaitingCounty)
                Add(move.NewCountyConsentOn is null ? "变更居住地：征求新居住地意见" : "变更居住地待县级决定", move.MoveOn, TaskOwner.County, "第二十七条");
            if (move.Status == ResidenceChangeStatus.Approved && move.DecidedOn is { } decided)
            {
                if (move.FilesTransferredOn is null)
                    Add("移交法律文书和矫正档案", calendar.AddWorkingDays(decided, ResidenceChange.TransferWorkingDays), TaskOwner.County, "第二十七条");
                if (move.ReportedAtNewPlaceOn is null)
                    Add("确认到新居住地报到", decided.AddDays(ResidenceChange.ReportAtNewPlaceDays), TaskOwner.County, "第二十七条");
            }
        }
        foreach (var proposal in activity.OpenProposals)
        {
            Add($"跟进{proposal.Kind.Label(s.Type)}的{(proposal.Kind == ProposalKind.Revocation ? "裁定" : "决定")}", proposal.DecisionDueOn, TaskOwner.County,
                proposal.Kind == ProposalKind.Revocation ? "第四十一条" : "第四十二条");
        }
        if (s.Stage == CaseStage.UnderCorrection
            && DisciplineRules.ProposalDue(s.Type, s.WarningCount, s.AbscondedSince, today, activity.OpenProposals.Count > 0) is { } why)
        {
            Add(why, today, TaskOwner.County, DisciplineRules.ProposalFor(s.Type) == ProposalKind.Revocation ? "第四十一条" : "第四十二条");
        }
        return tasks;
    }

    private static void AddReceipt(CorrectionSubject s, WorkingCalendar calendar, Action<string, DateOnly?, TaskOwner, string> add)
    {
        if (s.DocumentsReceivedOn is not { } received) return;
        if (s.ReceiptReturnedOn is null) add("送达回执", calendar.AddWorkingDays(received, CorrectionSubject.ReceiptWorkingDays), TaskOwner.County, "第十一条");
        if (s.ForwardedToOfficeOn is null) add("法律文书复印件送达司法所", calendar.AddWorkingDays(received, CorrectionSubject.ForwardWorkingDays), TaskOwner.County, "第十一条");
        if (s.MissingDocuments().Count > 0 && s.MissingDocumentsNotifiedOn is null)
            add($"通知送达机关补正：缺{string.Join("、", s.MissingDocuments())}", received, TaskOwner.County, "第十一条");
    }

    private static void AddSupervision(CorrectionSubject s, CaseActivity a, DateOnly today, Action<string, DateOnly?, TaskOwner, string> add)
    {
        var since = s.AnnouncedOn ?? s.ReportedOn ?? today;
        add($"定期报告（{s.SupervisionLevel.Label()}）", NextReport(s.SupervisionLevel, s.LastReportOn ?? since), TaskOwner.JudicialOffice, "第二十一条");
        if (s.IsMedicalParole)
        {
            add("保外就医：每月身体情况报告", (s.LastHealthReportOn ?? since).AddMonths(1), TaskOwner.JudicialOffice, "第二十一条");
            add("保外就医：每三个月病情复查报告", (s.LastMedicalReviewOn ?? since).AddMonths(3), TaskOwner.JudicialOffice, "第二十一条");
        }
        if (s.PlanMadeOn is null) add("制定矫正方案", s.AnnouncedOn, TaskOwner.JudicialOffice, "第十九条");
        else add("矫正方案评估调整", s.PlanReviewDueOn, TaskOwner.JudicialOffice, "第十九条");

        var month = new DateOnly(today.Year, today.Month, 1);
        var end = s.CorrectionEnd ?? DateOnly.MaxValue;
        if (MonthlyActivity.IsOwed(month, s.AnnouncedOn, end))
        {
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var education = MonthlyActivity.Shortfall(MonthlyActivity.MinimumEducationHours, a.EducationThisMonth);
            var service = MonthlyActivity.Shortfall(MonthlyActivity.MinimumServiceHours, a.ServiceThisMonth);
            if (education > 0) add($"本月教育学习尚差{education:0.#}小时", monthEnd, TaskOwner.JudicialOffice, "第二十八条");
            if (service > 0) add($"本月社区服务尚差{service:0.#}小时", monthEnd, TaskOwner.JudicialOffice, "第三十条");
        }
        var lastMonth = month.AddMonths(-1);
        if (MonthlyActivity.IsOwed(lastMonth, s.AnnouncedOn, end))
        {
            var education = MonthlyActivity.Shortfall(MonthlyActivity.MinimumEducationHours, a.EducationLastMonth);
            var service = MonthlyActivity.Shortfall(MonthlyActivity.MinimumServiceHours, a.ServiceLastMonth);
            if (education > 0) add($"{lastMonth:M月}教育学习少{education:0.#}小时：核实原因、教育或处理", month.AddDays(-1), TaskOwner.JudicialOffice, "第二十八条");
            if (service > 0) add($"{lastMonth:M月}社区服务少{service:0.#}小时：核实原因、教育或处理", month.AddDays(-1), TaskOwner.JudicialOffice, "第三十条");
        }

        if (s.CorrectionEnd is { } correctionEnd)
        {
            if (s.SummaryOn is null) add("期满前个人总结", correctionEnd, TaskOwner.JudicialOffice, "第四十五条");
            if (s.AppraisalOn is null) add("司法所书面鉴定和安置帮教建议", correctionEnd, TaskOwner.JudicialOffice, "第四十五条");
            add("解除社区矫正宣告，发放证明书", correctionEnd, TaskOwner.County, "第四十六条");
        }
    }
}
