using System.Globalization;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.DemoData;

/// <summary>The township whose 司法所 runs a generated case: its ids, name, villages (for addresses) and, if known, the staff member who leads its groups.</summary>
public sealed record CorrectionTownship(int CountyId, int TownshipId, string Name, IReadOnlyList<string> Villages, string? OfficeStaffName = null);

/// <summary>What one generated case is to be: where it stands today and what happened on the way.</summary>
public sealed record CorrectionCaseSpec
{
    public required CorrectionTownship Township { get; init; }
    public required CaseStage Stage { get; init; }
    public CorrectionType Type { get; init; } = CorrectionType.Probation;
    public bool MedicalParole { get; init; }
    public Gender Gender { get; init; } = Gender.Male;
    public int AgeAtEffective { get; init; } = 35;

    /// <summary>判决生效之日 (or the day of leaving prison); for a case still in assessment, the day of the entrustment.</summary>
    public required DateOnly EffectiveOn { get; init; }
    public int TermMonths { get; init; } = 12;

    /// <summary>Whether a court asked for an assessment before the judgment (always true for the two assessment stages).</summary>
    public bool Assessed { get; init; }
    public bool AssessmentExtended { get; init; }

    /// <summary>Days from the judgment's effect to the report (≤ 10 for those who came in time).</summary>
    public int ReportAfterDays { get; init; } = 3;
    public int AnnounceAfterDays { get; init; } = 2;
    public SupervisionLevel Level { get; init; } = SupervisionLevel.Normal;
    public int Warnings { get; init; }

    /// <summary>A revocation or reimprisonment proposal after the last warning, still awaiting the court or organ.</summary>
    public bool ProposalPending { get; init; }

    /// <summary>Percent of months in which the education or service sessions fell short of eight hours.</summary>
    public int ShortMonthPercent { get; init; } = 5;

    /// <summary>Past trips of up to a week, approved by the 司法所 and returned from.</summary>
    public int PastTrips { get; init; }
    public DateOnly? TerminatedOn { get; init; }
    public TerminationReason TerminationReason { get; init; } = TerminationReason.Death;
    public string? CaseOfficerUserId { get; init; }
}

/// <summary>A generated case: the subject (with its group) and its rows that need the subject's id, given by <see cref="Attach"/> once the subject is saved.</summary>
public sealed class CorrectionCase(CorrectionSubject subject)
{
    public CorrectionSubject Subject { get; } = subject;
    public List<SupervisionRecord> Records { get; } = [];
    public List<Warning> Warnings { get; } = [];
    public List<CorrectionProposal> Proposals { get; } = [];
    public List<LeaveRequest> Leave { get; } = [];
    public List<ResidenceChange> Moves { get; } = [];

    public int RowCount => 1 + Subject.GroupMembers.Count + Records.Count + Warnings.Count + Proposals.Count + Leave.Count + Moves.Count;

    /// <summary>Gives the saved subject's id (and its county and township) to every row of the case.</summary>
    public void Attach()
    {
        var (id, county, township) = (Subject.Id, Subject.CountyId, Subject.TownshipId);
        foreach (var r in Records) (r.SubjectId, r.CountyId, r.TownshipId) = (id, county, township);
        foreach (var w in Warnings) (w.SubjectId, w.CountyId, w.TownshipId) = (id, county, township);
        foreach (var p in Proposals) (p.SubjectId, p.CountyId, p.TownshipId) = (id, county, township);
        foreach (var l in Leave) (l.SubjectId, l.CountyId, l.TownshipId) = (id, county, township);
        foreach (var m in Moves) (m.SubjectId, m.CountyId, m.TownshipId) = (id, county, township);
    }
}

/// <summary>
/// Community-correction cases made the way staff make them: through <see cref="CorrectionSubject"/>'s own steps
/// (assessment, receipt, report, announcement, release or termination) with a group that meets art. 18, then the
/// supervision history from the announcement to today — reports at the level's rhythm, monthly visits, education and
/// service sessions, plan reviews every three months, a 保外就医 subject's health reports and reviews — with warnings,
/// proposals and trips as asked. Shared by the demo county (<see cref="CorrectionDemoSeeder"/>) and the benchmark's
/// county of 5,000 subjects, so that both read like casework and every date agrees with the rules. A step the domain
/// refuses throws: a generator that writes an impossible case is a bug, not data. Deterministic for a given
/// <see cref="Random"/>.
/// </summary>
public sealed class CorrectionCaseBuilder
{
    private static readonly (string Crime, CorrectionType[] Types)[] Crimes =
    [
        ("危险驾驶罪", [CorrectionType.Probation, CorrectionType.Control]), ("盗窃罪", [CorrectionType.Probation, CorrectionType.Parole]),
        ("交通肇事罪", [CorrectionType.Probation]), ("故意伤害罪", [CorrectionType.Probation, CorrectionType.Parole]),
        ("诈骗罪", [CorrectionType.Probation, CorrectionType.Parole, CorrectionType.TemporaryOutOfPrison]),
        ("寻衅滋事罪", [CorrectionType.Probation, CorrectionType.Control]), ("滥伐林木罪", [CorrectionType.Probation]),
        ("帮助信息网络犯罪活动罪", [CorrectionType.Probation]), ("开设赌场罪", [CorrectionType.Probation, CorrectionType.Parole]),
        ("失火罪", [CorrectionType.Probation]), ("非法狩猎罪", [CorrectionType.Probation, CorrectionType.Control]),
        ("拒不支付劳动报酬罪", [CorrectionType.Probation]), ("贩卖毒品罪", [CorrectionType.Parole, CorrectionType.TemporaryOutOfPrison]),
        ("职务侵占罪", [CorrectionType.Probation, CorrectionType.Parole, CorrectionType.TemporaryOutOfPrison]),
    ];

    private static readonly string[] EducationTopics =
        ["宪法和法律常识", "社区矫正法规学习", "认罪悔罪教育", "心理健康讲座", "道德教育", "禁毒和防诈骗宣传", "就业技能培训", "交通安全教育"];

    private static readonly string[] ServiceTasks =
        ["村道清扫保洁", "敬老院帮扶", "河道垃圾清理", "防疫和防汛值守", "图书室整理", "文明创建宣传", "植树护林", "协助村委会普法宣传"];

    private static readonly string[] Destinations = ["湖北省武汉市", "湖北省宜昌市", "湖南省长沙市", "广东省东莞市", "浙江省义乌市", "江西省九江市"];

    private static readonly string[] TripReasons = ["探望住院的父亲", "参加亲属婚礼", "务工结算工资", "陪同子女就医", "办理房产过户手续", "参加职业技能考试"];

    private readonly Random random;
    private readonly NameGenerator names;
    private readonly ResidentIdAllocator ids;
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    private readonly WorkingCalendar calendar;
    private readonly string countyAbbreviation;
    private readonly string court;
    private readonly Dictionary<(int Year, string Kind), int> documentNumbers = [];

    /// <param name="random">The source of every choice: one seed, one set of cases.</param>
    /// <param name="today">The day the cases are as of; every date is before it, or after it for what is still due.</param>
    /// <param name="areaCode">The county's 6-digit area code for the subjects' ID numbers.</param>
    /// <param name="countyName">The county, for its court and the numbers of its documents (青石县 → 青石县人民法院, 〔2026〕青矫警字第1号).</param>
    public CorrectionCaseBuilder(Random random, DateOnly today, WorkingCalendar calendar, string areaCode, string countyName, IReadOnlyList<SurnameWeight> surnames)
    {
        this.random = random;
        Today = today;
        this.calendar = calendar;
        names = new NameGenerator(random, surnames, surnames);
        // One block for the whole county: no village owns these people.
        ids = new ResidentIdAllocator(areaCode, 0, 1);
        countyAbbreviation = countyName[..1];
        court = $"{countyName}人民法院";
    }

    public DateOnly Today { get; }

    public CorrectionCase Build(CorrectionCaseSpec spec)
    {
        var built = Walk(spec);
        built.Subject.RefreshMinority(Today);
        return built;
    }

    private CorrectionCase Walk(CorrectionCaseSpec spec)
    {
        var s = NewSubject(spec);
        var c = new CorrectionCase(s);
        var effective = spec.EffectiveOn;
        if (spec.Stage is CaseStage.Assessing or CaseStage.NotSuitable || spec.Assessed)
        {
            // An assessment entrusted before the judgment; for a case still in assessment its entrustment is the given day.
            var entrusted = spec.Stage is CaseStage.Assessing or CaseStage.NotSuitable ? effective : effective.AddDays(-random.Next(25, 45));
            Assess(s, entrusted, spec);
            if (spec.Stage is CaseStage.Assessing or CaseStage.NotSuitable) return c;
        }

        var received = Min(calendar.AddWorkingDays(effective, random.Next(0, 2)), Max(effective, Today));
        var start = effective;
        var end = start.AddMonths(spec.TermMonths).AddDays(-1);
        Must(s.ReceiveDocuments(received, effective, start, end));
        s.HasJudgment = s.HasExecutionNotice = s.HasGuaranteeLetter = true;
        s.HasParoleCertificate = spec.Type == CorrectionType.Parole;
        s.RegisteredOn = received;
        // Receipt and forwarding done the next working day; documents that came in today still have both ahead.
        if (calendar.AddWorkingDays(received, 1) is var sent && sent < Today) s.ReceiptReturnedOn = s.ForwardedToOfficeOn = sent;
        if (spec.Stage == CaseStage.Receiving) return c;

        var reported = effective.AddDays(spec.ReportAfterDays);
        Must(s.RecordReport(reported));
        if (spec.Stage == CaseStage.AwaitingAnnouncement) return c;

        var announced = reported.AddDays(spec.AnnounceAfterDays);
        AddGroup(s, spec, announced);
        s.AnnouncementIdentityChecked = s.AnnouncementContentRead = s.AnnouncementGuaranteeRead = true;
        s.AnnouncementResponsibilitySigned = s.AnnouncementTalkHeld = true;
        Must(s.Announce(announced));
        s.PlanMadeOn = announced;
        s.Plan = Plan(s);
        s.PlanReviewDueOn = announced.AddMonths(CorrectionSubject.PlanReviewMonths);

        var until = spec.Stage switch
        {
            CaseStage.Released => end,
            CaseStage.Terminated => spec.TerminatedOn ?? throw new ArgumentException("终止的案件须给出终止日期", nameof(spec)),
            _ => Min(Today.AddDays(-1), end),
        };
        Supervise(c, spec, announced, until);
        Discipline(c, spec, announced, until);
        Trips(c, spec.PastTrips, start, until);

        if (spec.Stage == CaseStage.Released)
        {
            s.SummaryOn = end.AddDays(-random.Next(8, 14));
            s.AppraisalOn = end.AddDays(-random.Next(3, 7));
            s.Appraisal = "矫正期间遵守法律法规和监督管理规定，按时报告、参加教育学习和社区服务，认罪悔罪态度较好，建议解除后纳入安置帮教。";
            Must(s.Release(end, Number(end.Year, "矫解")));
        }
        else if (spec.Stage == CaseStage.Terminated)
        {
            Must(s.Terminate(until, spec.TerminationReason, spec.TerminationReason switch
            {
                TerminationReason.Death => "因病在家中死亡，村委会出具证明，已通知原裁判机关。",
                TerminationReason.Revoked => "人民法院裁定撤销缓刑（假释），已送交执行。",
                TerminationReason.Reimprisoned => "决定机关决定收监执行，已移交。",
                _ => "因新罪被判处有期徒刑，已送交执行。",
            }));
        }
        return c;
    }

    /// <summary>A trip out of the county as staff record it; <paramref name="status"/> decides which of the decisions are filled.</summary>
    public LeaveRequest Trip(CorrectionSubject s, DateOnly from, int days, LeaveStatus status, DateOnly? returnedOn = null, string? exceptionReason = null)
    {
        var to = from.AddDays(days - 1);
        var trip = new LeaveRequest
        {
            CountyId = s.CountyId, TownshipId = s.TownshipId, From = from, To = to, OriginalTo = to,
            Destination = Destinations[random.Next(Destinations.Length)], Reason = TripReasons[random.Next(TripReasons.Length)],
            ExceptionReason = exceptionReason, Status = status,
            Companion = s.IsMinorOn(Today) ? "父亲（监护人）" : null,
        };
        var applied = from.AddDays(-random.Next(3, 8));
        if (status != LeaveStatus.AwaitingOffice)
        {
            trip.OfficeOpinion = "情况属实，同意外出";
            trip.OfficeDecidedBy = "司法所";
            trip.OfficeDecidedOn = applied.AddDays(1);
        }
        if (trip.NeedsCounty && status is LeaveStatus.Approved or LeaveStatus.Returned)
        {
            trip.CountyDecidedBy = "县司法局";
            trip.CountyDecidedOn = applied.AddDays(2);
        }
        if (status == LeaveStatus.Returned) trip.ReturnedOn = returnedOn ?? to;
        return trip;
    }

    private CorrectionSubject NewSubject(CorrectionCaseSpec spec)
    {
        var township = spec.Township;
        var birth = spec.EffectiveOn.AddYears(-spec.AgeAtEffective).AddDays(-random.Next(1, 360));
        var (crime, _) = PickCrime(spec.Type);
        var village = township.Villages[random.Next(township.Villages.Count)];
        return new CorrectionSubject
        {
            CountyId = township.CountyId,
            TownshipId = township.TownshipId,
            // Without an assessment a case begins at the receipt of the documents (art. 10).
            Stage = spec.Assessed || spec.Stage is CaseStage.Assessing or CaseStage.NotSuitable ? CaseStage.Assessing : CaseStage.Receiving,
            Name = names.Name(names.VillageSurname(), spec.Gender, taken),
            Gender = spec.Gender,
            BirthDate = birth,
            ResidentId = ids.Next(birth, spec.Gender, random).Value,
            Phone = DemoRandom.Phone(random),
            Address = $"{township.Name}{village}{DemoAreas.GroupName(random.Next(1, 9))}{random.Next(1, 60)}号",
            Type = spec.Type,
            IsMedicalParole = spec.MedicalParole,
            Crime = crime,
            Sentence = Sentence(spec.Type, spec.TermMonths),
            DecisionOrganName = spec.Type switch
            {
                CorrectionType.Parole => "市中级人民法院",
                CorrectionType.TemporaryOutOfPrison => "湖北省监狱管理局",
                _ => court,
            },
            CaseNumber = string.Create(CultureInfo.InvariantCulture,
                $"（{spec.EffectiveOn.Year}）{countyAbbreviation}刑{(spec.Type == CorrectionType.Parole ? "更" : "初")}{random.Next(10, 400)}号"),
            // Warned subjects are watched closely (严管) for the whole history the generator writes.
            SupervisionLevel = spec.Warnings > 0 && spec.Stage == CaseStage.UnderCorrection ? SupervisionLevel.Strict : spec.Level,
            CaseOfficerUserId = spec.CaseOfficerUserId,
        };
    }

    private (string Crime, CorrectionType[] Types) PickCrime(CorrectionType type)
    {
        var fitting = Crimes.Where(c => c.Types.Contains(type)).ToList();
        return fitting[random.Next(fitting.Count)];
    }

    private static string Sentence(CorrectionType type, int months)
    {
        var term = Months(months);
        return type switch
        {
            CorrectionType.Control => $"管制{term}",
            CorrectionType.Probation => $"有期徒刑{Months(Math.Max(6, months / 2))}，缓刑{term}",
            CorrectionType.Parole => $"有期徒刑{Months(months + 36)}，假释考验期{term}",
            _ => $"有期徒刑{Months(months + 12)}，暂予监外执行",
        };
    }

    private static string Months(int months) =>
        (months / 12, months % 12) switch
        {
            (0, var m) => $"{Numeral(m)}个月",
            (var y, 0) => $"{Numeral(y)}年",
            (var y, var m) => $"{Numeral(y)}年{Numeral(m)}个月",
        };

    private static string Numeral(int n) => n switch
    {
        <= 10 => "零一二三四五六七八九十"[n].ToString(),
        < 20 => "十" + "零一二三四五六七八九"[n - 10],
        _ => "零一二三四五六七八九"[n / 10] + "十" + (n % 10 == 0 ? "" : "零一二三四五六七八九"[n % 10].ToString()),
    };

    private void Assess(CorrectionSubject s, DateOnly entrusted, CorrectionCaseSpec spec)
    {
        s.EntrustedOn = entrusted;
        s.EntrustingOrgan = EntrustingOrgan.Court;
        s.EntrustingOrganName = court;
        s.AssessmentTeam = $"{StaffName(spec.Township)}、{names.Name(names.VillageSurname(), Gender.Female, taken)}";
        if (spec.AssessmentExtended) Must(s.ExtendAssessment("被告人长期在外务工，需赴务工地核实其一贯表现"));
        s.ResidenceFinding = "在本县有固定住所，与家人共同居住。";
        s.FamilyFinding = "家庭关系和睦，家属愿意协助监督管理。";
        s.ConductFinding = spec.Stage == CaseStage.NotSuitable ? "平时表现较差，曾因赌博受过行政处罚。" : "平时表现较好，无违法记录。";
        s.OffenceImpactFinding = spec.Stage == CaseStage.NotSuitable ? "被害人未获赔偿，在村内影响较大。" : "已赔偿被害人损失，取得谅解。";
        s.CommunityAndVictimOpinion = spec.Stage == CaseStage.NotSuitable ? "村委会和被害人不同意在本村社区矫正。" : "村委会同意接收，被害人无异议。";
        if (spec.Stage == CaseStage.Assessing) return;
        var replied = calendar.AddWorkingDays(entrusted, random.Next(3, 6));
        Must(s.ConcludeAssessment(spec.Stage == CaseStage.NotSuitable ? AssessmentConclusion.Unsuitable : AssessmentConclusion.Suitable, replied));
    }

    private string StaffName(CorrectionTownship township) => township.OfficeStaffName ?? names.Name(names.VillageSurname(), Gender.Male, taken);

    private void AddGroup(CorrectionSubject s, CorrectionCaseSpec spec, DateOnly announced)
    {
        var township = spec.Township;
        var village = s.Address is { } address ? township.Villages.FirstOrDefault(address.Contains) ?? township.Villages[0] : township.Villages[0];
        CorrectionGroupMember Member(string name, GroupMemberRole role, Gender gender, string unit, bool office = false, bool youth = false) =>
            new() { CountyId = s.CountyId, TownshipId = s.TownshipId, Name = name, Role = role, Gender = gender, Unit = unit, IsJudicialOfficeStaff = office, KnowsYouthWork = youth };

        // A woman in the group of a woman (art. 18): the social worker is one.
        var workerGender = s.Gender == Gender.Female || random.Next(2) == 0 ? Gender.Female : Gender.Male;
        s.GroupMembers.Add(Member(StaffName(township), GroupMemberRole.Leader, Gender.Male, $"{township.Name}司法所", office: true));
        s.GroupMembers.Add(Member(names.Name(names.VillageSurname(), workerGender, taken), GroupMemberRole.SocialWorker, workerGender, "县社会工作服务站"));
        s.GroupMembers.Add(Member(names.Name(names.VillageSurname(), Gender.Male, taken), GroupMemberRole.Helper, Gender.Male, $"{village}村委会"));
        if (s.IsMinorOn(announced))
        {
            s.GroupMembers.Add(Member(names.Name(names.VillageSurname(), Gender.Female, taken), GroupMemberRole.Volunteer, Gender.Female, $"{township.Name}中学（团委）", youth: true));
        }
        if (random.Next(3) == 0)
        {
            s.GroupMembers.Add(Member(names.Name(s.Name[..1], Gender.Female, taken), GroupMemberRole.Helper, Gender.Female, "家属"));
        }
    }

    private static string Plan(CorrectionSubject s) =>
        $"{s.SupervisionLevel.Label()}；每月教育学习和社区服务各不少于八小时；" +
        (s.IsMedicalParole ? "每月报告身体情况，每三个月提交病情复查情况；" : "") +
        "重点做好认罪悔罪教育和家庭关系修复，帮助解决就业困难。";

    private void Supervise(CorrectionCase c, CorrectionCaseSpec spec, DateOnly announced, DateOnly until)
    {
        var s = c.Subject;
        void Add(SupervisionRecordKind kind, DateOnly date, string content, decimal hours = 0, bool byPhone = false)
        {
            if (date > until || date < announced) return;
            var record = new SupervisionRecord { CountyId = s.CountyId, TownshipId = s.TownshipId, Kind = kind, Date = date, Content = content, Hours = hours, ByPhone = byPhone };
            c.Records.Add(record);
            s.Note(record);
        }

        // Reports at the level's rhythm, a day early now and then.
        for (var due = CorrectionDeadlines.NextReport(s.SupervisionLevel, announced); due <= until; )
        {
            var on = random.Next(5) == 0 ? due.AddDays(-1) : due;
            Add(SupervisionRecordKind.Report, on, s.IsMedicalParole ? "电话报告，在家休养治疗" : "到司法所当面报告近期思想、工作和生活情况", byPhone: s.IsMedicalParole);
            due = CorrectionDeadlines.NextReport(s.SupervisionLevel, on);
        }
        for (var review = announced.AddMonths(CorrectionSubject.PlanReviewMonths); review <= until; review = review.AddMonths(CorrectionSubject.PlanReviewMonths))
        {
            Add(SupervisionRecordKind.PlanReview, review, "评估矫正效果，方案继续执行");
        }
        if (s.IsMedicalParole)
        {
            for (var month = 1; announced.AddMonths(month) <= until; month++)
            {
                Add(SupervisionRecordKind.HealthReport, announced.AddMonths(month).AddDays(-random.Next(0, 3)), "病情稳定，按医嘱服药", byPhone: true);
                if (month % 3 == 0)
                {
                    Add(SupervisionRecordKind.MedicalReview, announced.AddMonths(month).AddDays(-random.Next(0, 5)), "提交县人民医院复查诊断证明，仍符合保外就医条件");
                    Add(SupervisionRecordKind.HospitalContact, announced.AddMonths(month), "联系治疗医院核实病情");
                }
            }
        }

        // Monthly: a visit or field check, and the education and service sessions (two of four hours each, fewer in a short month).
        for (var month = new DateOnly(announced.Year, announced.Month, 1); month <= until; month = month.AddMonths(1))
        {
            var days = DateTime.DaysInMonth(month.Year, month.Month);
            Add(random.Next(2) == 0 ? SupervisionRecordKind.Visit : SupervisionRecordKind.FieldCheck, month.AddDays(random.Next(days)),
                "走访家庭和村委会，了解其日常表现和家庭情况");
            if (random.Next(4) == 0) Add(SupervisionRecordKind.InformationCheck, month.AddDays(random.Next(days)), "手机定位核查，未发现越界");
            var shortMonth = random.Next(100) < spec.ShortMonthPercent;
            var topic = EducationTopics[random.Next(EducationTopics.Length)];
            var task = ServiceTasks[random.Next(ServiceTasks.Length)];
            Add(SupervisionRecordKind.Education, month.AddDays(random.Next(2, 10)), $"集中教育：{topic}", 4);
            Add(SupervisionRecordKind.CommunityService, month.AddDays(random.Next(2, 12)), $"社区服务：{task}", 4);
            Add(SupervisionRecordKind.Education, month.AddDays(random.Next(14, 24)), $"个别教育：{topic}", shortMonth ? 2 : 4);
            if (!shortMonth || random.Next(2) == 0) Add(SupervisionRecordKind.CommunityService, month.AddDays(random.Next(14, 26)), $"社区服务：{task}", shortMonth ? 2 : 4);
        }
    }

    private void Discipline(CorrectionCase c, CorrectionCaseSpec spec, DateOnly announced, DateOnly until)
    {
        var s = c.Subject;
        var last = announced;
        for (var i = 0; i < spec.Warnings; i++)
        {
            var issued = until.AddDays(-25 * (spec.Warnings - i) - random.Next(0, 10));
            if (issued <= last) issued = last.AddDays(1);
            var ground = (i % 3) switch { 0 => WarningGround.EducationOrService, 1 => WarningGround.ReportingVisitsLeaveOrResidence, _ => WarningGround.LateReport };
            c.Warnings.Add(new Warning
            {
                CountyId = s.CountyId, TownshipId = s.TownshipId, IssuedOn = issued, Ground = ground,
                Facts = ground switch
                {
                    WarningGround.EducationOrService => $"{issued.AddMonths(-1):yyyy年M月}未按规定参加社区服务，经司法所教育仍不改正。",
                    WarningGround.ReportingVisitsLeaveOrResidence => "未经批准离开所居住的县三日，经电话通知后返回。",
                    _ => "未按规定时间到司法所报告，迟到五日。",
                },
                Evidence = "司法所谈话笔录、考勤记录、村委会证明",
                DecisionNumber = Number(issued.Year, "矫警"),
            });
            last = issued;
        }
        s.WarningCount = spec.Warnings;

        var revoked = spec.Stage == CaseStage.Terminated && spec.TerminationReason is TerminationReason.Revoked or TerminationReason.Reimprisoned;
        if ((spec.ProposalPending || revoked) && DisciplineRules.ProposalFor(s.Type) is { } kind)
        {
            var proposed = revoked ? until.AddDays(-20) : Min(last.AddDays(random.Next(3, 8)), Today.AddDays(-1));
            var proposal = new CorrectionProposal
            {
                CountyId = s.CountyId, TownshipId = s.TownshipId, Kind = kind, ProposedOn = proposed,
                Ground = kind == ProposalKind.Revocation ? "受到司法行政机关三次警告仍不改正" : "受到司法行政机关两次警告仍不改正",
                Facts = $"该对象在社区矫正期间受到{spec.Warnings}次警告，仍不遵守监督管理规定。",
                SubmittedTo = s.DecisionOrganName ?? court,
                DocumentNumber = Number(proposed.Year, kind == ProposalKind.Revocation ? "矫撤建" : "矫收建"),
                DecisionDueOn = CorrectionProposal.DueAfter(kind, proposed),
            };
            if (revoked)
            {
                proposal.DecidedOn = until;
                proposal.Outcome = ProposalOutcome.Granted;
            }
            c.Proposals.Add(proposal);
        }
    }

    private void Trips(CorrectionCase c, int count, DateOnly start, DateOnly until)
    {
        // None in the first three months (art. 25); a week at most, approved by the 司法所, back on the day.
        var first = start.AddMonths(LeaveRules.NoLeaveMonthsAfterStart);
        var span = until.DayNumber - first.DayNumber - 10;
        if (span <= 0) return;
        var slot = span / Math.Max(1, count);
        for (var i = 0; i < count && slot > 0; i++)
        {
            var from = first.AddDays(i * slot + random.Next(slot));
            c.Leave.Add(Trip(c.Subject, from, random.Next(2, LeaveRules.OfficeApprovesUpToDays + 1), LeaveStatus.Returned));
        }
    }

    /// <summary>〔2026〕青矫警字第3号: numbered per kind and year across the county.</summary>
    public string Number(int year, string kind)
    {
        var key = (year, kind);
        var next = documentNumbers.GetValueOrDefault(key) + 1;
        documentNumbers[key] = next;
        return string.Create(CultureInfo.InvariantCulture, $"〔{year}〕{countyAbbreviation}{kind}字第{next}号");
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static void Must(RuleResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"生成的矫正案件不合规则：{result.Refusal}");
    }
}
