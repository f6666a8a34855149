using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.DemoData;
using PovertyPortal.Documents.Correction;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Correction.Documents;
using PovertyPortal.Web.Features.Reports;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// The correction documents and the monthly statistics on a county of each test's own, with two townships, a justice
/// bureau account and a 司法所 account per township: the month's figures from rows written here, the correction scope
/// (another township's 司法所 and a poverty-alleviation user get nothing), art. 50 for a minor's case, bad input, and
/// the files as the endpoints serve them.
/// </summary>
public abstract partial class CorrectionDocumentTests(PortalAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>October 2025: a finished month whatever day the tests run.</summary>
    private static readonly DateOnly Start = new(2025, 10, 1);

    private Task<CorrectionCounty> CountyAsync(string code) => CorrectionCounty.CreateAsync(app, code, "cd");

    private static CorrectionSubject Subject(CorrectionCounty c, int township, CorrectionType type, DateOnly? announced, DateOnly end,
        Gender gender = Gender.Male, DateOnly? birth = null, Action<CorrectionSubject>? change = null)
    {
        var effective = announced?.AddDays(-12) ?? Start.AddDays(-5);
        var s = new CorrectionSubject
        {
            CountyId = c.CountyId, TownshipId = township, Name = "矫正对象" + Guid.NewGuid().ToString("N")[..4], Gender = gender,
            BirthDate = birth ?? new DateOnly(1985, 5, 5), Type = type, Crime = "盗窃罪", Sentence = "有期徒刑一年，缓刑二年",
            DecisionOrganName = c.CountyName + "人民法院", CaseNumber = "（2025）刑初字第1号", ResidentId = "110101198505050011",
            EffectiveOn = effective, DocumentsReceivedOn = effective.AddDays(1), HasJudgment = true, HasExecutionNotice = true, HasGuaranteeLetter = true,
            ReceiptReturnedOn = effective.AddDays(2), ForwardedToOfficeOn = effective.AddDays(3), RegisteredOn = effective.AddDays(3),
            CorrectionStart = effective, CorrectionEnd = end,
            Stage = announced is null ? CaseStage.Receiving : CaseStage.UnderCorrection,
            ReportedOn = announced?.AddDays(-2), AnnouncedOn = announced,
        };
        change?.Invoke(s);
        return s;
    }

    private static SupervisionRecord Hours(CorrectionSubject s, SupervisionRecordKind kind, decimal hours, int day) => new()
    {
        CountyId = s.CountyId, TownshipId = s.TownshipId, SubjectId = s.Id, Kind = kind, Hours = hours, Date = Start.AddDays(day - 1),
    };

    private static Warning WarningOf(CorrectionSubject s, DateOnly on, string number) => new()
    {
        CountyId = s.CountyId, TownshipId = s.TownshipId, SubjectId = s.Id, IssuedOn = on, Ground = WarningGround.EducationOrService,
        Facts = "当月未参加社区服务", Evidence = "签到记录", DecisionNumber = number,
    };

    private static LeaveRequest Leave(CorrectionSubject s, LeaveStatus status, DateOnly? office, DateOnly? county) => new()
    {
        CountyId = s.CountyId, TownshipId = s.TownshipId, SubjectId = s.Id, From = Start.AddDays(5), To = Start.AddDays(8),
        Destination = "省城", Reason = "就医", Status = status, OfficeDecidedOn = office, CountyDecidedOn = county,
    };

    /// <summary>
    /// October 2025 in township A: in correction at the end a 缓刑 man short of service hours (S1, warned twice, proposed,
    /// leave returned), a 假释 woman announced in the month (S2, owes nothing yet), a minor 管制 subject with his hours (S3),
    /// a 缓刑 woman whose term ends on 31 October (S7, owes October and has no hours); released in the month a 暂予监外执行 subject (S4),
    /// terminated a 缓刑 one (S5); not counted: one announced in November (S6) and one never announced (S8).
    /// Township B: a 假释 man with no hours (S9), warned once, a long leave approved by the county in the month.
    /// </summary>
    private async Task<(CorrectionSubject S1, CorrectionSubject S3, CorrectionSubject S4, Warning Warning, CorrectionProposal Proposal)> ArrangeMonthAsync(CorrectionCounty c)
    {
        await using var db = app.SystemDb();
        var s1 = Subject(c, c.TownshipA, CorrectionType.Probation, new(2025, 5, 10), new(2027, 5, 1));
        var s2 = Subject(c, c.TownshipA, CorrectionType.Parole, new(2025, 10, 5), new(2027, 1, 1), Gender.Female);
        var s3 = Subject(c, c.TownshipA, CorrectionType.Control, new(2025, 2, 1), new(2026, 12, 31), birth: new(2009, 6, 1));
        var s4 = Subject(c, c.TownshipA, CorrectionType.TemporaryOutOfPrison, new(2024, 1, 1), new(2025, 10, 20), change: s =>
        {
            (s.Stage, s.ReleasedOn, s.CertificateNumber, s.SummaryOn, s.AppraisalOn, s.Appraisal) =
                (CaseStage.Released, new(2025, 10, 20), "矫解〔2025〕8号", new(2025, 10, 6), new(2025, 10, 8), "表现良好");
        });
        var s5 = Subject(c, c.TownshipA, CorrectionType.Probation, new(2024, 6, 1), new(2026, 6, 1), change: s =>
            (s.Stage, s.TerminatedOn, s.TerminationReason) = (CaseStage.Terminated, new(2025, 10, 15), TerminationReason.Revoked));
        var s6 = Subject(c, c.TownshipA, CorrectionType.Probation, new(2025, 11, 3), new(2027, 11, 1));
        var s7 = Subject(c, c.TownshipA, CorrectionType.Probation, new(2025, 3, 1), new(2025, 10, 31), Gender.Female);
        var s8 = Subject(c, c.TownshipA, CorrectionType.Probation, null, new(2027, 1, 1));
        var s9 = Subject(c, c.TownshipB, CorrectionType.Parole, new(2025, 1, 1), new(2026, 6, 30));
        db.CorrectionSubjects.AddRange(s1, s2, s3, s4, s5, s6, s7, s8, s9);
        await db.SaveChangesAsync(Cancel);

        db.SupervisionRecords.AddRange(
            Hours(s1, SupervisionRecordKind.Education, 4, 3), Hours(s1, SupervisionRecordKind.Education, 4, 17),
            Hours(s1, SupervisionRecordKind.CommunityService, 4, 10), Hours(s1, SupervisionRecordKind.CommunityService, 6, 40),
            Hours(s3, SupervisionRecordKind.Education, 10, 8), Hours(s3, SupervisionRecordKind.CommunityService, 9, 22),
            Hours(s3, SupervisionRecordKind.Report, 0, 2));
        var warning = WarningOf(s1, new(2025, 10, 9), "矫警〔2025〕2号");
        db.CorrectionWarnings.AddRange(WarningOf(s1, new(2025, 9, 12), "矫警〔2025〕1号"), warning,
            WarningOf(s1, new(2025, 10, 28), "矫警〔2025〕3号"), WarningOf(s9, new(2025, 10, 2), "矫警〔2025〕4号"));
        var proposal = new CorrectionProposal
        {
            CountyId = c.CountyId, TownshipId = c.TownshipA, SubjectId = s1.Id, Kind = ProposalKind.Revocation, ProposedOn = new(2025, 10, 30),
            Ground = "受到司法行政机关三次警告仍不改正的", Facts = "三次警告后仍不参加社区服务", SubmittedTo = c.CountyName + "人民法院",
            DocumentNumber = "矫建〔2025〕1号", DecisionDueOn = CorrectionProposal.DueAfter(ProposalKind.Revocation, new(2025, 10, 30)),
        };
        db.CorrectionProposals.Add(proposal);
        db.LeaveRequests.AddRange(
            Leave(s1, LeaveStatus.Returned, new(2025, 10, 2), null),
            Leave(s3, LeaveStatus.AwaitingCounty, new(2025, 10, 3), null),
            Leave(s1, LeaveStatus.Refused, new(2025, 10, 4), null),
            Leave(s9, LeaveStatus.Approved, new(2025, 9, 28), new(2025, 10, 25)));
        await db.SaveChangesAsync(Cancel);
        return (s1, s3, s4, warning, proposal);
    }

    private async Task<TResult> AsAsync<THandler, TResult>(string userName, Func<THandler, Task<TResult>> act) where THandler : notnull
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await act(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private Task<DocumentLookup<CorrectionStatisticsData>> StatisticsAsync(string userName, int year, int month, int? township = null) =>
        AsAsync<GetCorrectionStatistics, DocumentLookup<CorrectionStatisticsData>>(userName, h => h.HandleAsync(new(year, month, township), Cancel));

    [Fact]
    public async Task The_months_figures_per_township_and_for_the_county()
    {
        var c = await CountyAsync("429711");
        await ArrangeMonthAsync(c);

        var county = (await StatisticsAsync(c.Bureau, 2025, 10)).Data!;
        Assert.Equal(c.CountyName, county.AreaName);
        Assert.Equal([c.CountyName + "甲镇", c.CountyName + "乙镇"], county.Rows.Select(r => r.Township));
        var a = county.Rows[0];
        Assert.Equal((1, 2, 1, 0, 4), (a.Control, a.Probation, a.Parole, a.TemporaryOutOfPrison, a.InCorrection));
        Assert.Equal((1, 2), (a.Minors, a.Women));
        Assert.Equal((1, 1, 1), (a.New, a.Released, a.Terminated));
        Assert.Equal((2, 1, 1), (a.Warnings, a.Proposals, a.LeaveApproved));
        // S7's term runs to 31 October, so October is a whole month it owes (MonthlyActivity.IsOwed) and it has no hours.
        Assert.Equal((1, 2), (a.EducationShort, a.ServiceShort));
        var b = county.Rows[1];
        Assert.Equal((1, 1, 0, 0), (b.Parole, b.InCorrection, b.Minors, b.Women));
        Assert.Equal((1, 1, 1, 1), (b.Warnings, b.LeaveApproved, b.EducationShort, b.ServiceShort));
        Assert.Equal((5, 3, 1, 2, 3), (county.Total.InCorrection, county.Total.Warnings, county.Total.Minors, county.Total.LeaveApproved, county.Total.ServiceShort));
        Assert.Null(county.AsOf);

        // A month earlier: S2 not yet announced, S4 and S5 still in, September's warning only.
        var september = (await StatisticsAsync(c.Bureau, 2025, 9)).Data!;
        Assert.Equal((5, 0, 1, 0), (september.Rows[0].InCorrection, september.Rows[0].New, september.Rows[0].Warnings, september.Rows[0].LeaveApproved));
        Assert.Equal(1, september.Rows[1].InCorrection);

        // The township's own sheet: one row, the same figures, signed by its 司法所.
        var own = (await StatisticsAsync(c.OfficeA, 2025, 10)).Data!;
        Assert.Equal(a, Assert.Single(own.Rows));
        Assert.Equal(c.CountyName + "甲镇司法所", own.IssuedBy);
        var picked = (await StatisticsAsync(c.Bureau, 2025, 10, c.TownshipB)).Data!;
        Assert.Equal(b, Assert.Single(picked.Rows));
    }

    [Fact]
    public async Task Another_townships_office_a_poverty_user_and_bad_input_get_nothing_but_a_reason()
    {
        var c = await CountyAsync("429712");
        var (s1, _, s4, warning, proposal) = await ArrangeMonthAsync(c);

        var otherOffice = (await StatisticsAsync(c.OfficeB, 2025, 10)).Data!;
        // Township B's office sees its own subject and warning, none of township A's.
        var row = Assert.Single(otherOffice.Rows);
        Assert.Equal((1, 1, 0), (row.InCorrection, row.Warnings, row.Proposals));
        var outside = await StatisticsAsync(c.OfficeB, 2025, 10, c.TownshipA);
        Assert.Null(outside.Data);
        Assert.Equal(403, outside.Status);
        Assert.Contains("不在您的管辖范围内", outside.Refusal);
        Assert.Equal(400, (await StatisticsAsync(c.Bureau, 2025, 13)).Status);
        Assert.Contains("月份应为1至12", (await StatisticsAsync(c.Bureau, 2025, 13)).Refusal);
        Assert.Equal(400, (await StatisticsAsync(c.Bureau, DateTime.UtcNow.Year + 1, 1)).Status);

        // The poverty-alleviation county supervisor of the demo county: no statistics, no documents.
        var poverty = await StatisticsAsync("county", 2025, 10);
        Assert.Equal((403, DocumentRefusal.NotCorrectionRole.Message), (poverty.Status, poverty.Refusal));
        Assert.Equal(403, (await AsAsync<GetRegistrationForm, DocumentLookup<RegistrationFormData>>("county", h => h.HandleAsync(s1.Id, Cancel))).Status);

        // Township B's office: township A's case, warning, proposal and certificate are not there for it.
        Assert.Equal(404, (await AsAsync<GetRegistrationForm, DocumentLookup<RegistrationFormData>>(c.OfficeB, h => h.HandleAsync(s1.Id, Cancel))).Status);
        Assert.Equal(404, (await AsAsync<GetWarningDecision, DocumentLookup<WarningDecisionData>>(c.OfficeB, h => h.HandleAsync(warning.Id, Cancel))).Status);
        Assert.Equal(404, (await AsAsync<GetProposalDocument, DocumentLookup<ProposalDocumentData>>(c.OfficeB, h => h.HandleAsync(proposal.Id, Cancel))).Status);
        Assert.Equal(404, (await AsAsync<GetReleaseCertificate, DocumentLookup<ReleaseCertificateData>>(c.OfficeB, h => h.HandleAsync(s4.Id, Cancel))).Status);

        // The bureau of another county: this county's warning does not exist for it.
        var other = await CountyAsync("429713");
        Assert.Equal(GetWarningDecision.NotFound.Message,
            (await AsAsync<GetWarningDecision, DocumentLookup<WarningDecisionData>>(other.Bureau, h => h.HandleAsync(warning.Id, Cancel))).Refusal);
        var otherCounty = (await StatisticsAsync(other.Bureau, 2025, 10)).Data!;
        Assert.Equal(0, otherCounty.Total.InCorrection + otherCounty.Total.Warnings);
        Assert.Equal(404, (await StatisticsAsync(other.Bureau, 2025, 10, c.TownshipA)).Status);
    }

    [Fact]
    public async Task The_documents_carry_the_cases_figures_and_a_minors_are_for_their_own_staff_only()
    {
        var c = await CountyAsync("429714");
        var (s1, s3, s4, warning, proposal) = await ArrangeMonthAsync(c);

        var registration = (await AsAsync<GetRegistrationForm, DocumentLookup<RegistrationFormData>>(c.OfficeA, h => h.HandleAsync(s1.Id, Cancel))).Data!;
        Assert.Equal(s1.Name, registration.Person.Name);
        Assert.Equal("110101********0011", registration.Person.ResidentId);
        Assert.All(registration.Documents, d => Assert.True(d.Received));
        Assert.Equal(s1.EffectiveOn!.Value.AddDays(10), registration.ReportDueOn);
        Assert.Equal(c.CountyName + "甲镇司法所", registration.Offices.JudicialOffice);

        // The second warning of S1 by date: September's came first.
        var decision = (await AsAsync<GetWarningDecision, DocumentLookup<WarningDecisionData>>(c.Bureau, h => h.HandleAsync(warning.Id, Cancel))).Data!;
        Assert.Equal(2, decision.Ordinal);
        Assert.Equal(c.CountyName + "司法局", decision.Offices.Bureau);

        var letter = (await AsAsync<GetProposalDocument, DocumentLookup<ProposalDocumentData>>(c.Bureau, h => h.HandleAsync(proposal.Id, Cancel))).Data!;
        Assert.Equal(["矫警〔2025〕1号", "矫警〔2025〕2号", "矫警〔2025〕3号"], letter.Warnings.Select(w => w.DecisionNumber));
        Assert.Equal("撤销缓刑建议书", ProposalDocumentComposer.TitleOf(letter));

        var certificate = (await AsAsync<GetReleaseCertificate, DocumentLookup<ReleaseCertificateData>>(c.Bureau, h => h.HandleAsync(s4.Id, Cancel))).Data!;
        Assert.Equal("矫解〔2025〕8号", certificate.CertificateNumber);
        Assert.Equal(GetReleaseCertificate.NotReleased.Message,
            (await AsAsync<GetReleaseCertificate, DocumentLookup<ReleaseCertificateData>>(c.Bureau, h => h.HandleAsync(s1.Id, Cancel))).Refusal);

        // S3 is a minor: his 司法所 reads his form; the bureau only once it keeps his case.
        Assert.NotNull((await AsAsync<GetRegistrationForm, DocumentLookup<RegistrationFormData>>(c.OfficeA, h => h.HandleAsync(s3.Id, Cancel))).Data);
        var refused = await AsAsync<GetRegistrationForm, DocumentLookup<RegistrationFormData>>(c.Bureau, h => h.HandleAsync(s3.Id, Cancel));
        Assert.Equal((403, DocumentRefusal.MinorProtected.Message), (refused.Status, refused.Refusal));
        await using (var db = app.SystemDb())
        {
            var bureauId = await db.Users.Where(u => u.UserName == c.Bureau).Select(u => u.Id).SingleAsync(Cancel);
            await db.CorrectionSubjects.Where(s => s.Id == s3.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.CaseOfficerUserId, bureauId), Cancel);
        }
        var minor = (await AsAsync<GetRegistrationForm, DocumentLookup<RegistrationFormData>>(c.Bureau, h => h.HandleAsync(s3.Id, Cancel))).Data!;
        Assert.True(minor.Person.IsMinor);
    }

    [Fact]
    public async Task The_endpoints_serve_a_pdf_and_a_word_file_and_audit_them_and_answer_refusals_in_chinese()
    {
        var c = await CountyAsync("429715");
        var (s1, s3, _, warning, _) = await ArrangeMonthAsync(c);
        using var office = await SignedInClientAsync(c.OfficeA);

        using (var pdf = await office.GetAsync(CorrectionDocumentEndpoints.WarningUrl(warning.Id, ReportFormat.Pdf), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            var bytes = await pdf.Content.ReadAsByteArrayAsync(Cancel);
            using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
            var text = string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
            Assert.Contains("警告决定书", text);
            Assert.Contains("矫警〔2025〕2号", text);
        }
        using (var docx = await office.GetAsync(CorrectionDocumentEndpoints.StatisticsUrl(2025, 10, null, ReportFormat.Docx), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Cancel)), false);
            var body = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("社区矫正月度统计表（2025年10月）", body);
            Assert.Contains("在矫社区矫正人员4人", body);
            Assert.DoesNotContain(s1.Name, body);
        }
        using (var registration = await office.GetAsync(CorrectionDocumentEndpoints.RegistrationUrl(s3.Id, ReportFormat.Docx), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, registration.StatusCode);
            Assert.EndsWith(".docx", registration.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        }
        using (var month13 = await office.GetAsync("/correction/statistics/2025/13?format=pdf", Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, month13.StatusCode);
            Assert.Contains("月份应为1至12", await month13.Content.ReadAsStringAsync(Cancel));
        }
        using (var badFormat = await office.GetAsync($"/correction/documents/release/{s1.Id}?format=xls", Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
            Assert.Contains("pdf 或 docx", await badFormat.Content.ReadAsStringAsync(Cancel));
        }

        // The bureau's accounts must use a second factor to sign in (SecurityOptions), so art. 50's refusal is checked
        // through the handler in The_documents_carry_the_cases_figures_and_a_minors_are_for_their_own_staff_only.
        using var otherOffice = await SignedInClientAsync(c.OfficeB);
        using (var notHers = await otherOffice.GetAsync(CorrectionDocumentEndpoints.WarningUrl(warning.Id, ReportFormat.Pdf), Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, notHers.StatusCode);
            Assert.Contains("不在您的管辖范围内", await notHers.Content.ReadAsStringAsync(Cancel));
        }

        await using var db = app.SystemDb();
        var entries = await db.AuditLog.Where(e => e.UserName == c.OfficeA || e.UserName == c.Bureau || e.UserName == c.OfficeB)
            .Where(e => e.Action != AuditActions.SignIn).ToListAsync(Cancel);
        Assert.Contains(entries, e => e.Action == AuditActions.DownloadWarningDecision && e.RecordId == warning.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(entries, e => e.Action == AuditActions.DownloadCorrectionStatistics);
        Assert.Contains(entries, e => e.Action == AuditActions.DownloadRegistrationForm && e.UserName == c.OfficeA);
        Assert.Equal(1, entries.Count(e => e.Action == AuditActions.AccessDenied));
        Assert.All(entries, e => Assert.DoesNotContain(s1.Name, (e.Target ?? "") + e.Detail, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(s3.Name, (e.Target ?? "") + e.Detail, StringComparison.Ordinal));
    }

    private async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login", Cancel);
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = DemoDataSeeder.DemoPassword;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}

[Collection(nameof(SqliteCollection))]
public sealed class CorrectionDocumentTestsOnSqlite(SqliteAppFixture app) : CorrectionDocumentTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class CorrectionDocumentTestsOnPostgreSql(PostgreSqlAppFixture app) : CorrectionDocumentTests(app);
