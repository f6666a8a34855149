using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// The demo county's community-correction cases (issue 19) as the demo loader leaves them: every stage and the cases a
/// newcomer should meet, dates that agree with the rules, and the correction scope — the county justice bureau sees
/// the county's cases, a 司法所 its township's, the poverty-alleviation accounts none.
/// </summary>
public abstract class CorrectionDemoDataTests(PortalAppFixture app)
{
    private static DateOnly Today => PortalYears.Today(TimeProvider.System);

    private async Task<int> DemoCountyIdAsync()
    {
        await using var db = app.SystemDb();
        return await db.Users.Where(u => u.UserName == "justice").Select(u => u.CountyId!.Value).SingleAsync();
    }

    private async Task<List<CorrectionSubject>> DemoCasesAsync(PortalDbContext db)
    {
        var county = await DemoCountyIdAsync();
        return await db.CorrectionSubjects.Include(s => s.GroupMembers).Where(s => s.CountyId == county).AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task The_demo_county_has_cases_in_every_stage_and_the_ones_a_newcomer_should_meet()
    {
        await using var db = app.SystemDb();
        var cases = await DemoCasesAsync(db);
        var ids = cases.Select(s => s.Id).ToList();
        var calendar = new WorkingCalendar(await db.CalendarDays.ToListAsync());

        Assert.InRange(cases.Count, 50, 70);
        Assert.Equal(Enum.GetValues<CaseStage>().Order(), cases.Select(s => s.Stage).Distinct().Order());
        Assert.Equal(Enum.GetValues<CorrectionType>().Order(), cases.Select(s => s.Type).Distinct().Order());
        var underCorrection = cases.Where(s => s.Stage == CaseStage.UnderCorrection).ToList();
        Assert.True(underCorrection.Count > cases.Count / 2, $"在矫 {underCorrection.Count} / {cases.Count}");
        Assert.Contains(cases, s => s.Stage == CaseStage.Assessing && s.AssessmentExtended);
        Assert.True(cases.Count(s => s.CaseOfficerUserId == null) < cases.Count / 4);

        // The minor, and a group member who knows youth work.
        var minor = Assert.Single(cases, s => s.EffectiveOn is not null && s.IsMinorOn(Today));
        Assert.Equal(CaseStage.UnderCorrection, minor.Stage);
        Assert.Equal([minor.Id], cases.Where(s => s.IsMinor).Select(s => s.Id));
        Assert.Contains(minor.GroupMembers, m => m.KnowsYouthWork);

        // Women, each with a woman in her group (art. 18).
        var women = cases.Where(s => s.Gender == Gender.Female && s.AnnouncedOn is not null).ToList();
        Assert.True(women.Count >= 3, $"女性在矫或已解矫 {women.Count}");
        Assert.All(women, w => Assert.Contains(w.GroupMembers, m => m.Gender == Gender.Female));

        // Every announced group meets art. 18: at least three, led by the 司法所.
        Assert.All(cases.Where(s => s.AnnouncedOn is not null), s => Assert.Empty(CorrectionGroupRules.Check(s.Gender, s.IsMinorOn(s.AnnouncedOn!.Value), s.GroupMembers)));

        // 保外就医: monthly health reports and a review every three months.
        var medical = Assert.Single(cases, s => s.IsMedicalParole);
        Assert.Equal((CorrectionType.TemporaryOutOfPrison, CaseStage.UnderCorrection), (medical.Type, medical.Stage));
        var medicalRecords = await db.SupervisionRecords.Where(r => r.SubjectId == medical.Id).ToListAsync();
        var months = (Today.DayNumber - medical.AnnouncedOn!.Value.DayNumber) / 31;
        Assert.True(medicalRecords.Count(r => r.Kind == SupervisionRecordKind.HealthReport) >= months);
        Assert.True(medicalRecords.Count(r => r.Kind == SupervisionRecordKind.MedicalReview) >= months / 3);
        Assert.True(medical.LastHealthReportOn > Today.AddDays(-35));

        // Two warnings on probation: not yet due a proposal; three on parole: the proposal awaits the court.
        var proposals = await db.CorrectionProposals.Where(p => ids.Contains(p.SubjectId)).ToListAsync();
        var twice = Assert.Single(underCorrection, s => s.WarningCount == 2);
        Assert.Equal(CorrectionType.Probation, twice.Type);
        Assert.Null(DisciplineRules.ProposalDue(twice.Type, twice.WarningCount, twice.AbscondedSince, Today, proposalPending: false));
        Assert.Equal(2, await db.CorrectionWarnings.CountAsync(w => w.SubjectId == twice.Id));
        var thrice = Assert.Single(underCorrection, s => s.WarningCount == 3);
        var pending = Assert.Single(proposals, p => p.SubjectId == thrice.Id);
        Assert.Equal(ProposalKind.Revocation, pending.Kind);
        Assert.Null(pending.DecidedOn);
        Assert.True(pending.DecisionDueOn >= Today);

        // The one who has not reported within ten days, and the 查找 task it raises.
        var overdue = Assert.Single(cases, s => s.Stage == CaseStage.Receiving && s.ReportDueOn < Today);
        Assert.Null(overdue.ReportedOn);
        Assert.True(overdue.EffectiveOn < Today.AddDays(-CorrectionSubject.ReportWithinDays));
        var tasks = CorrectionDeadlines.For(overdue, CaseActivity.None, calendar, Today);
        Assert.Contains(tasks, t => t.Title.StartsWith("逾期未报到", StringComparison.Ordinal) && t.UrgencyOn(Today) == TaskUrgency.Overdue);

        // Released with certificates; the three ended early with their reasons.
        Assert.All(cases.Where(s => s.Stage == CaseStage.Released), s => Assert.False(string.IsNullOrWhiteSpace(s.CertificateNumber)));
        Assert.Equal(3, cases.Count(s => s.Stage == CaseStage.Terminated && s.TerminationReason is not null));
    }

    [Fact]
    public async Task The_demo_supervision_leave_and_moves_follow_the_rules()
    {
        await using var db = app.SystemDb();
        var cases = await DemoCasesAsync(db);
        var ids = cases.Select(s => s.Id).ToList();
        var records = await db.SupervisionRecords.Where(r => ids.Contains(r.SubjectId)).AsNoTracking().ToListAsync();
        foreach (var kind in new[] { SupervisionRecordKind.Report, SupervisionRecordKind.Visit, SupervisionRecordKind.Education, SupervisionRecordKind.CommunityService, SupervisionRecordKind.PlanReview })
        {
            Assert.Contains(records, r => r.Kind == kind);
        }
        // No record before the announcement or in the future; the case rows carry the last report.
        var byId = cases.ToDictionary(s => s.Id);
        Assert.All(records, r => Assert.InRange(r.Date, byId[r.SubjectId].AnnouncedOn!.Value, Today.AddDays(-1)));
        Assert.All(cases.Where(s => s.Stage == CaseStage.UnderCorrection),
            s => Assert.Equal(records.Where(r => r.SubjectId == s.Id && r.Kind == SupervisionRecordKind.Report).Max(r => (DateOnly?)r.Date), s.LastReportOn));
        Assert.All(cases.Where(s => s.Stage == CaseStage.UnderCorrection), s => Assert.True(s.PlanReviewDueOn >= Today.AddDays(-1), $"{s.Id} 方案评估 {s.PlanReviewDueOn}"));

        // Some past months short of eight hours of education or service (arts. 28, 30).
        var monthStart = new DateOnly(Today.Year, Today.Month, 1);
        var shortMonths = records.Where(r => SupervisionRecord.HasHours(r.Kind) && r.Date < monthStart)
            .GroupBy(r => (r.SubjectId, r.Kind, r.Date.Year, r.Date.Month))
            .Count(g => g.Sum(r => r.Hours) < MonthlyActivity.MinimumEducationHours);
        Assert.InRange(shortMonths, 1, records.Count / 10);

        var leave = await db.LeaveRequests.Where(l => ids.Contains(l.SubjectId)).AsNoTracking().ToListAsync();
        Assert.Contains(leave, l => l.Status == LeaveStatus.Approved && !l.NeedsCounty && l.OfficeDecidedOn is not null);
        Assert.Contains(leave, l => l.Status == LeaveStatus.Approved && l.NeedsCounty && l.CountyDecidedOn is not null);
        Assert.Contains(leave, l => l.Status == LeaveStatus.AwaitingOffice);
        Assert.Contains(leave, l => l.Status == LeaveStatus.Returned && l.ReturnedOn > l.To);
        Assert.All(leave, l => Assert.True(l.Days <= 31 && l.From >= byId[l.SubjectId].CorrectionStart!.Value.AddMonths(LeaveRules.NoLeaveMonthsAfterStart),
            $"外出 {l.From}–{l.To}，入矫 {byId[l.SubjectId].CorrectionStart}"));
        var move = Assert.Single(await db.ResidenceChanges.Where(m => ids.Contains(m.SubjectId)).ToListAsync());
        Assert.Equal(ResidenceChangeStatus.AwaitingCounty, move.Status);
        Assert.Null(move.NewCountyConsentOn);
        Assert.Null(ResidenceChange.CheckNotice(move.AppliedOn, move.MoveOn));

        Assert.All(cases.Where(s => s.ResidentId is not null), s => Assert.True(ResidentId.TryParse(s.ResidentId, out _, out var error), error));
        Assert.Equal(cases.Count, cases.Select(s => s.ResidentId).Distinct().Count());
    }

    [Fact]
    public async Task Only_the_correction_accounts_see_the_cases_and_a_judicial_office_only_its_townships()
    {
        await using var db = app.SystemDb();
        var cases = await DemoCasesAsync(db);
        var users = await db.Users.Where(u => u.UserName == "sifasuo" || u.UserName == "sifasuo2" || u.UserName == "township")
            .ToDictionaryAsync(u => u.UserName!, u => u.TownshipId);
        Assert.Equal(users["township"], users["sifasuo"]);

        async Task<(List<int> Cases, int Records, int Households)> SeenByAsync(string userName)
        {
            await using var scope = await app.ScopeForAsync(userName);
            await using var scoped = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            return (await scoped.CorrectionSubjects.Select(s => s.Id).OrderBy(id => id).ToListAsync(), await scoped.SupervisionRecords.CountAsync(),
                await scoped.Households.CountAsync());
        }

        foreach (var poverty in new[] { "county", "township", "leader" })
        {
            var seen = await SeenByAsync(poverty);
            Assert.Empty(seen.Cases);
            Assert.Equal(0, seen.Records);
            Assert.True(seen.Households > 0);
        }
        var justice = await SeenByAsync("justice");
        Assert.Equal(cases.Select(s => s.Id).Order(), justice.Cases);
        Assert.Equal(0, justice.Households);
        foreach (var office in new[] { "sifasuo", "sifasuo2" })
        {
            var seen = await SeenByAsync(office);
            var own = cases.Where(s => s.TownshipId == users[office]).Select(s => s.Id).Order().ToList();
            Assert.NotEmpty(own);
            Assert.Equal(own, seen.Cases);
            Assert.Equal(await db.SupervisionRecords.CountAsync(r => r.TownshipId == users[office]), seen.Records);
            Assert.Equal(0, seen.Households);
        }
    }

    [Fact]
    public async Task The_demo_cases_are_loaded_once_and_the_same_on_every_machine()
    {
        await using var db = app.SystemDb();
        var county = await db.Counties.Include(c => c.Townships).ThenInclude(t => t.Villages).SingleAsync(c => c.Id == db.Users.Where(u => u.UserName == "justice").Select(u => u.CountyId).First());
        var before = await db.CorrectionSubjects.CountAsync(s => s.CountyId == county.Id);
        var plan = DemoCountyPlan.Load(Path.Combine(AppContext.BaseDirectory, "seeds", "demo-county.json"));
        var staff = new CorrectionDemoSeeder.Staff(null, new Dictionary<int, string>());
        await CorrectionDemoSeeder.SeedAsync(db, county, [.. county.Townships], plan.County.Surnames, staff, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Equal(before, await db.CorrectionSubjects.CountAsync(s => s.CountyId == county.Id));

        var calendar = new WorkingCalendar(OfficialHolidays.Of2026);
        var first = CorrectionDemoSeeder.Plan(county, [.. county.Townships], plan.County.Surnames, staff, calendar, Today);
        var again = CorrectionDemoSeeder.Plan(county, [.. county.Townships], plan.County.Surnames, staff, calendar, Today);
        Assert.Equal(first.Select(c => (c.Subject.Name, c.Subject.ResidentId, c.Subject.Stage, c.RowCount)), again.Select(c => (c.Subject.Name, c.Subject.ResidentId, c.Subject.Stage, c.RowCount)));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class CorrectionDemoDataTestsOnSqlite(SqliteAppFixture app) : CorrectionDemoDataTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class CorrectionDemoDataTestsOnPostgreSql(PostgreSqlAppFixture app) : CorrectionDemoDataTests(app);
