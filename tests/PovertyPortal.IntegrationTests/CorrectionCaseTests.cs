using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Correction;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// Community-correction casework through its handlers, as the two correction roles use it: a case from the entrustment
/// to the release, the rules the handlers refuse by, the correction scope both ways (a 司法所 sees its township only,
/// poverty-alleviation users see nothing of it and correction users nothing of the register), and a minor's identity.
/// </summary>
public abstract class CorrectionCaseTests(PortalAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static DateOnly Today => PortalYears.Today(TimeProvider.System);
    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    private async Task<TResult> AsAsync<THandler, TResult>(string userName, Func<THandler, Task<TResult>> act) where THandler : notnull
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await act(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private static void Succeeded(CommandResult result) => Assert.True(result.Succeeded, result.Summary);

    private static string NewId(Gender gender, DateOnly birth) =>
        ResidentId.Create("421129", birth, Random.Shared.Next(1, 999), gender).Value;

    private Task<GetCorrectionCase.CaseFile?> CaseAsync(string user, int id) =>
        AsAsync<GetCorrectionCase, GetCorrectionCase.CaseFile?>(user, h => h.HandleAsync(id, Cancel));

    /// <summary>A case opened from the documents, reported and announced with a valid group, its term as given.</summary>
    private async Task<int> AnnouncedCaseAsync(CorrectionCounty c, DateOnly start, DateOnly end, Gender gender = Gender.Male, DateOnly? birth = null,
        string name = "秦守业")
    {
        var born = birth ?? new DateOnly(1985, 3, 4);
        var opened = await AsAsync<SaveCorrectionSubject, CommandResult<int>>(c.Bureau, h => h.HandleAsync(new()
        {
            OpenedBy = SaveCorrectionSubject.Opening.Documents, TownshipId = c.TownshipA, Name = name, Gender = gender, BirthDate = Day(born),
            ResidentId = NewId(gender, born), Type = CorrectionType.Probation, DocumentsReceivedOn = Day(start.AddDays(-3)),
            EffectiveOn = Day(start.AddDays(-5)), CorrectionStart = Day(start), CorrectionEnd = Day(end),
        }, Cancel));
        Succeeded(opened.Outcome);
        var file = (await CaseAsync(c.Bureau, opened.Value))!;
        var receipt = SaveReceipt.Command.From(file.Subject);
        receipt.HasJudgment = receipt.HasExecutionNotice = receipt.HasGuaranteeLetter = true;
        receipt.ReportedOn = Day(start);
        Succeeded(await AsAsync<SaveReceipt, CommandResult>(c.Bureau, h => h.HandleAsync(receipt, Cancel)));
        file = (await CaseAsync(c.OfficeA, opened.Value))!;
        var announcement = SaveAnnouncement.Command.From(file.Subject);
        announcement.Members =
        [
            new() { Name = "司法所长", Role = GroupMemberRole.Leader, IsJudicialOfficeStaff = true, Gender = Gender.Female, KnowsYouthWork = true },
            new() { Name = "村干部", Role = GroupMemberRole.Helper },
            new() { Name = "社工", Role = GroupMemberRole.SocialWorker },
        ];
        announcement.IdentityChecked = announcement.ContentRead = announcement.GuaranteeRead = announcement.ResponsibilitySigned = announcement.TalkHeld = true;
        announcement.AnnouncedOn = Day(start.AddDays(2));
        Succeeded(await AsAsync<SaveAnnouncement, CommandResult>(c.OfficeA, h => h.HandleAsync(announcement, Cancel)));
        return opened.Value;
    }

    [Fact]
    public async Task A_case_goes_from_the_entrustment_to_the_release_through_the_county_and_the_office()
    {
        var c = await CorrectionCounty.CreateAsync(app, "429721", "cc");
        var end = Today.AddDays(-1);
        var start = end.AddMonths(-8);
        var born = new DateOnly(1979, 6, 1);
        var opened = await AsAsync<SaveCorrectionSubject, CommandResult<int>>(c.Bureau, h => h.HandleAsync(new()
        {
            TownshipId = c.TownshipA, Name = "郝明远", Gender = Gender.Male, BirthDate = Day(born), ResidentId = NewId(Gender.Male, born),
            Phone = "13907131234", Type = CorrectionType.Probation, EntrustedOn = Day(start.AddDays(-40)), EntrustingOrgan = EntrustingOrgan.Court,
            EntrustingOrganName = "青石县人民法院", AssessmentTeam = "甲、乙",
        }, Cancel));
        Succeeded(opened.Outcome);
        var id = opened.Value;

        // The office cannot conclude the county's assessment; the county must fill art. 8's findings first.
        var assessment = SaveAssessment.Command.From((await CaseAsync(c.Bureau, id))!.Subject);
        assessment.Step = SaveAssessment.AssessmentStep.Conclude;
        assessment.Conclusion = AssessmentConclusion.Suitable;
        assessment.RepliedOn = Day(start.AddDays(-35));
        Assert.False((await AsAsync<SaveAssessment, CommandResult>(c.OfficeA, h => h.HandleAsync(assessment, Cancel))).Succeeded);
        var refused = await AsAsync<SaveAssessment, CommandResult>(c.Bureau, h => h.HandleAsync(assessment, Cancel));
        Assert.Contains("第八条", refused.Summary);
        assessment.ResidenceFinding = assessment.FamilyFinding = assessment.ConductFinding = assessment.OffenceImpactFinding = assessment.CommunityAndVictimOpinion = "已核实";
        Succeeded(await AsAsync<SaveAssessment, CommandResult>(c.Bureau, h => h.HandleAsync(assessment, Cancel)));

        var receipt = SaveReceipt.Command.From((await CaseAsync(c.Bureau, id))!.Subject);
        (receipt.DocumentsReceivedOn, receipt.EffectiveOn, receipt.CorrectionStart, receipt.CorrectionEnd) = (Day(start.AddDays(-3)), Day(start.AddDays(-5)), Day(start), Day(end));
        receipt.HasJudgment = receipt.HasExecutionNotice = true;
        Succeeded(await AsAsync<SaveReceipt, CommandResult>(c.Bureau, h => h.HandleAsync(receipt, Cancel)));
        var file = (await CaseAsync(c.Bureau, id))!;
        Assert.Equal(CaseStage.Receiving, file.Subject.Stage);
        Assert.Equal(["接受社区矫正保证书"], file.Subject.MissingDocuments());

        receipt = SaveReceipt.Command.From(file.Subject);
        receipt.HasGuaranteeLetter = true;
        receipt.ReportedOn = Day(start);
        Succeeded(await AsAsync<SaveReceipt, CommandResult>(c.Bureau, h => h.HandleAsync(receipt, Cancel)));

        // A group of two is refused (art. 18); three with a 司法所 leader passes, and the announcement moves the case on.
        var announcement = SaveAnnouncement.Command.From((await CaseAsync(c.OfficeA, id))!.Subject);
        announcement.Members = [new() { Name = "所长", Role = GroupMemberRole.Leader, IsJudicialOfficeStaff = true }, new() { Name = "村干部", Role = GroupMemberRole.Helper }];
        announcement.IdentityChecked = announcement.ContentRead = announcement.GuaranteeRead = announcement.ResponsibilitySigned = announcement.TalkHeld = true;
        announcement.AnnouncedOn = Day(start.AddDays(3));
        var small = await AsAsync<SaveAnnouncement, CommandResult>(c.OfficeA, h => h.HandleAsync(announcement, Cancel));
        Assert.Contains("不少于3人", small.Summary);
        announcement.Members.Add(new() { Name = "志愿者", Role = GroupMemberRole.Volunteer });
        announcement.PlanMadeOn = Day(start.AddDays(3));
        announcement.Plan = "每月走访，参加集中教育。";
        Succeeded(await AsAsync<SaveAnnouncement, CommandResult>(c.OfficeA, h => h.HandleAsync(announcement, Cancel)));

        Succeeded(await AsAsync<AddSupervisionRecord, CommandResult>(c.OfficeA, h => h.HandleAsync(new()
        {
            SubjectId = id, Kind = SupervisionRecordKind.Education, Date = Day(start.AddDays(40)), Hours = 4.5m, Content = "法治教育",
        }, Cancel)));
        var warned = await AsAsync<IssueWarning, CommandResult<int>>(c.Bureau, h => h.HandleAsync(new()
        {
            SubjectId = id, Version = file.Subject.Version, IssuedOn = Day(start.AddDays(60)), Ground = WarningGround.EducationOrService,
            Facts = "连续两月未参加教育学习", Evidence = "签到记录", DecisionNumber = "〔2026〕矫警字第721号",
        }, Cancel));
        Assert.False(warned.Succeeded); // the version of the form is older than the announcement's save
        Assert.Equal(CorrectionCases.Conflict, warned.Outcome.Summary);
        file = (await CaseAsync(c.Bureau, id))!;
        warned = await AsAsync<IssueWarning, CommandResult<int>>(c.Bureau, h => h.HandleAsync(new()
        {
            SubjectId = id, Version = file.Subject.Version, IssuedOn = Day(start.AddDays(60)), Ground = WarningGround.EducationOrService,
            Facts = "连续两月未参加教育学习", Evidence = "签到记录", DecisionNumber = "〔2026〕矫警字第721号",
        }, Cancel));
        Succeeded(warned.Outcome);

        // The end: release refused until the summary and the appraisal are in; the office may not release.
        Task<CommandResult> Close(string user, CloseCorrectionCase.Act act, DateOnly date, string? text = null) =>
            AsAsync<CloseCorrectionCase, CommandResult>(user, async h =>
                await h.HandleAsync(new() { SubjectId = id, Version = (await CaseAsync(user, id))!.Subject.Version, Act = act, Date = Day(date), Text = text }, Cancel));
        Assert.Contains("个人总结", (await Close(c.Bureau, CloseCorrectionCase.Act.Release, Today, "解矫字第1号")).Summary);
        Assert.Contains("十五日", (await Close(c.OfficeA, CloseCorrectionCase.Act.Summary, end.AddDays(-20))).Summary);
        Succeeded(await Close(c.OfficeA, CloseCorrectionCase.Act.Summary, end.AddDays(-10)));
        Succeeded(await Close(c.OfficeA, CloseCorrectionCase.Act.Appraisal, end.AddDays(-5), "遵纪守法，表现良好，建议纳入安置帮教。"));
        Assert.False((await Close(c.OfficeA, CloseCorrectionCase.Act.Release, Today, "解矫字第1号")).Succeeded);
        Succeeded(await Close(c.Bureau, CloseCorrectionCase.Act.Release, Today, "解矫字第1号"));

        file = (await CaseAsync(c.Bureau, id))!;
        Assert.Equal(CaseStage.Released, file.Subject.Stage);
        Assert.Equal(1, file.Subject.WarningCount);
        Assert.Equal(4.5m, file.Records.Single(r => r.Kind == SupervisionRecordKind.Education).Hours);
        Assert.Equal(3, file.Subject.GroupMembers.Count);
        Assert.Empty(file.Tasks);
        // The ID and phone leave the handler masked; the audited read gives them whole.
        Assert.Null(file.Subject.ResidentId);
        Assert.Contains("****", file.MaskedPhone);
        var identity = await AsAsync<RevealCorrectionIdentity, RevealCorrectionIdentity.Identity?>(c.Bureau, h => h.HandleAsync(id, Cancel));
        Assert.Equal("13907131234", identity!.Phone);
        await using var db = app.SystemDb();
        var audit = await db.AuditLog.Where(a => a.RecordType == nameof(CorrectionSubject) && a.RecordId == id.ToString()).Select(a => a.Detail).ToListAsync(Cancel);
        Assert.Contains("宣告", audit);
        Assert.Contains("解除社区矫正", audit);
        Assert.All(audit, d => Assert.DoesNotContain("郝明远", d ?? ""));
    }

    [Fact]
    public async Task Leave_is_refused_by_the_articles_limits_and_a_long_trip_goes_from_the_office_to_the_county()
    {
        var c = await CorrectionCounty.CreateAsync(app, "429722", "cc");
        var recent = await AnnouncedCaseAsync(c, Today.AddDays(-20), Today.AddMonths(10), name: "新入矫");
        var settled = await AnnouncedCaseAsync(c, Today.AddMonths(-5), Today.AddMonths(10), name: "老入矫");
        Task<CommandResult<int>> Ask(string user, int subject, int from, int days, bool abroad = false, string? exception = null) =>
            AsAsync<SaveLeaveRequest, CommandResult<int>>(user, h => h.HandleAsync(new()
            {
                SubjectId = subject, From = Day(Today.AddDays(from)), To = Day(Today.AddDays(from + days - 1)), Destination = "武汉市",
                Reason = "就医", Abroad = abroad, ExceptionReason = exception,
            }, Cancel));

        Assert.Contains("三个月", (await Ask(c.OfficeA, recent, 1, 3)).Outcome.Summary);
        Assert.Contains("出国", (await Ask(c.OfficeA, settled, 1, 3, abroad: true)).Outcome.Summary);
        Assert.Contains("一个月", (await Ask(c.OfficeA, settled, 1, 40)).Outcome.Summary);

        var longTrip = await Ask(c.OfficeA, settled, 2, 10);
        Succeeded(longTrip.Outcome);
        var leave = (await CaseAsync(c.OfficeA, settled))!.Leave.Single();
        Succeeded(await AsAsync<DecideLeaveRequest, CommandResult>(c.OfficeA, h => h.HandleAsync(new()
            { LeaveId = leave.Id, Version = leave.Version, Decision = DecideLeaveRequest.Decision.Approve, Opinion = "同意，报县局" }, Cancel)));
        leave = (await CaseAsync(c.OfficeA, settled))!.Leave.Single();
        Assert.Equal(LeaveStatus.AwaitingCounty, leave.Status);
        Assert.Equal(CorrectionCases.CountyOnly, (await AsAsync<DecideLeaveRequest, CommandResult>(c.OfficeA, h => h.HandleAsync(new()
            { LeaveId = leave.Id, Version = leave.Version, Decision = DecideLeaveRequest.Decision.Approve }, Cancel))).Summary);
        Succeeded(await AsAsync<DecideLeaveRequest, CommandResult>(c.Bureau, h => h.HandleAsync(new()
            { LeaveId = leave.Id, Version = leave.Version, Decision = DecideLeaveRequest.Decision.Approve }, Cancel)));

        // The county may approve a short trip before the office has: its decision is recorded as the county's.
        Succeeded((await Ask(c.OfficeA, settled, 60, 3)).Outcome);
        var shortTrip = (await CaseAsync(c.Bureau, settled))!.Leave.Single(l => l.Status == LeaveStatus.AwaitingOffice);
        Succeeded(await AsAsync<DecideLeaveRequest, CommandResult>(c.Bureau, h => h.HandleAsync(new()
            { LeaveId = shortTrip.Id, Version = shortTrip.Version, Decision = DecideLeaveRequest.Decision.Approve }, Cancel)));
        shortTrip = (await CaseAsync(c.Bureau, settled))!.Leave.Single(l => l.Id == shortTrip.Id);
        Assert.Equal((LeaveStatus.Approved, (string?)null), (shortTrip.Status, shortTrip.OfficeOpinion));
        Assert.NotNull(shortTrip.CountyDecidedOn);

        // With an exception reason the first three months are the county's to decide, not refused.
        var excepted = await Ask(c.OfficeA, recent, 1, 3, exception: "母亲病危");
        Succeeded(excepted.Outcome);
        var tasks = await AsAsync<ListCorrectionTasks, ListCorrectionTasks.Result>(c.Bureau, h => h.HandleAsync(new(), Cancel));
        Assert.Contains(tasks.Rows, t => t.SubjectId == recent && t.Title.StartsWith("外出申请待审批", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_side_sees_only_its_own_a_judicial_office_its_township_and_nobody_reads_a_minors_identity_but_their_staff()
    {
        var c = await CorrectionCounty.CreateAsync(app, "429723", "cc");
        var adult = await AnnouncedCaseAsync(c, Today.AddMonths(-4), Today.AddMonths(6), name: "成年甲");
        var minor = await AnnouncedCaseAsync(c, Today.AddMonths(-4), Today.AddMonths(6), Gender.Female, Today.AddYears(-16), name: "少年乙");

        // The other township's office, and the poverty-alleviation accounts of the demo county, get nothing.
        Assert.Null(await CaseAsync(c.OfficeB, adult));
        Assert.Empty((await AsAsync<ListCorrectionSubjects, ListCorrectionSubjects.Result>(c.OfficeB, h => h.HandleAsync(new(), Cancel))).Rows);
        Assert.Empty((await AsAsync<ListCorrectionTasks, ListCorrectionTasks.Result>(c.OfficeB, h => h.HandleAsync(new(), Cancel))).Rows);
        foreach (var povertyUser in new[] { "county", "township", "admin" })
        {
            Assert.Null(await CaseAsync(povertyUser, adult));
            Assert.Empty((await AsAsync<ListCorrectionSubjects, ListCorrectionSubjects.Result>(povertyUser, h => h.HandleAsync(new(), Cancel))).Rows);
        }
        var write = await AsAsync<AddSupervisionRecord, CommandResult>(c.OfficeB, h => h.HandleAsync(new()
            { SubjectId = adult, Kind = SupervisionRecordKind.Visit, Date = Day(Today), Content = "走访" }, Cancel));
        Assert.Equal(CorrectionCases.NotFound, write.Summary);

        // In the data layer itself, both ways.
        await using (var scope = await app.ScopeForAsync("township"))
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Cancel))
        {
            Assert.Equal(0, await db.CorrectionSubjects.CountAsync(Cancel));
            Assert.Equal(0, await db.SupervisionRecords.CountAsync(Cancel));
            Assert.True(await db.Households.AnyAsync(Cancel));
        }
        await using (var scope = await app.ScopeForAsync(c.OfficeA))
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Cancel))
        {
            Assert.Equal(2, await db.CorrectionSubjects.CountAsync(Cancel));
            Assert.False(await db.Households.AnyAsync(Cancel));
            Assert.False(await db.Members.AnyAsync(Cancel));
            var subject = await db.CorrectionSubjects.FirstAsync(s => s.Id == adult, Cancel);
            subject.TownshipId = c.TownshipB;
            await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync(Cancel));
        }

        // Art. 50: the county bureau sees the minor as a placeholder until it keeps the case; the township's office sees them.
        var otherOfficer = await CorrectionCounty.UserAsync(app, "cc429723x", Domain.Users.PortalRoles.JusticeBureau, c.CountyId, null);
        var asOther = (await CaseAsync(otherOfficer, minor))!;
        Assert.False(asOther.CanSeeIdentity);
        Assert.DoesNotContain("少年乙", asOther.DisplayName);
        Assert.Equal(CorrectionPrivacy.HiddenId, asOther.MaskedResidentId);
        Assert.Null(await AsAsync<RevealCorrectionIdentity, RevealCorrectionIdentity.Identity?>(otherOfficer, h => h.HandleAsync(minor, Cancel)));
        var search = await AsAsync<ListCorrectionSubjects, ListCorrectionSubjects.Result>(otherOfficer, h => h.HandleAsync(new(Search: "少年"), Cancel));
        Assert.Empty(search.Rows);
        var listed = await AsAsync<ListCorrectionSubjects, ListCorrectionSubjects.Result>(otherOfficer, h => h.HandleAsync(new(), Cancel));
        Assert.Contains(listed.Rows, r => r.Id == minor && r.IsMinor && !r.Name.Contains("少年", StringComparison.Ordinal));
        Assert.Equal("少年乙", (await CaseAsync(c.OfficeA, minor))!.DisplayName);
        Assert.Equal("少年乙", (await CaseAsync(c.Bureau, minor))!.DisplayName); // the bureau account opened the case: its officer
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class CorrectionCaseTestsOnSqlite(SqliteAppFixture app) : CorrectionCaseTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class CorrectionCaseTestsOnPostgreSql(PostgreSqlAppFixture app) : CorrectionCaseTests(app);
