using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Correction;
using PovertyPortal.Web.Identity;
using PovertyPortal.Data;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// `--correction-once`: the community-correction task list and case list (issue 19: p95 ≤ 100 ms at 5,000 subjects with
/// five years of records) as the county justice bureau and a 司法所 ask for them, 50 runs after 3, on a fresh database
/// of its own filled by <see cref="CorrectionBenchData"/>.
/// </summary>
public static class CorrectionListMeasurement
{
    public static async Task RunAsync(bool demoOnly = false)
    {
        if (demoOnly)
        {
            await DemoSizedAsync(await LedgerListMeasurement.FreshOptionsAsync(DatabaseProvider.Sqlite, "", "correction"));
            return;
        }
        await RunAsync(DatabaseProvider.Sqlite, "");
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is { Length: > 0 } server) await RunAsync(DatabaseProvider.PostgreSql, server);
    }

    private static async Task RunAsync(DatabaseProvider provider, string server)
    {
        var options = await LedgerListMeasurement.FreshOptionsAsync(provider, server, "correction");
        var demo = await DemoSizedAsync(options);
        var seeded = await CorrectionBenchData.SeedAsync(options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {provider}: {CorrectionBenchData.Subjects} subjects ({seeded.Active} active), {seeded.Rows} rows, {LedgerListMeasurement.Townships} townships; generated in {seeded.Took.TotalSeconds:F1} s; "
            + $"the demo's {demo.Cases} cases loaded in {demo.First.TotalMilliseconds:F0} ms (first in the process), again in {demo.Again.TotalMilliseconds:F0} ms"));

        var county = User(PortalRoles.JusticeBureau, seeded.CountyId, null, seeded.OfficerUserId);
        var office = User(PortalRoles.JudicialOffice, seeded.CountyId, seeded.TownshipId, "bench-office");
        var views = new (string Name, CurrentUser User, Func<ListCorrectionTasks, ListCorrectionSubjects, Task<int>> Run)[]
        {
            ("county: tasks", county, async (tasks, _) => (await tasks.HandleAsync(new())).Rows.Count),
            ("county: tasks, overdue", county, async (tasks, _) => (await tasks.HandleAsync(new(OverdueOnly: true))).Rows.Count),
            ("county: tasks, the county's", county, async (tasks, _) => (await tasks.HandleAsync(new(Owner: TaskOwner.County))).Rows.Count),
            ("county: tasks, one township", county, async (tasks, _) => (await tasks.HandleAsync(new(TownshipId: seeded.TownshipId))).Rows.Count),
            ("county: cases, first page", county, async (_, cases) => (await cases.HandleAsync(new())).Total),
            ("county: cases, active", county, async (_, cases) => (await cases.HandleAsync(new(ActiveOnly: true))).Total),
            ("county: cases, name 王", county, async (_, cases) => (await cases.HandleAsync(new(Search: "王"))).Total),
            ("county: cases, page 40", county, async (_, cases) => (await cases.HandleAsync(new(Page: 40))).Total),
            ("office: tasks", office, async (tasks, _) => (await tasks.HandleAsync(new())).Rows.Count),
            ("office: cases, first page", office, async (_, cases) => (await cases.HandleAsync(new())).Total),
            ("office: cases, active", office, async (_, cases) => (await cases.HandleAsync(new(ActiveOnly: true))).Total),
        };
        foreach (var (name, user, run) in views)
        {
            var factory = new LedgerListMeasurement.Factory(options, user);
            var tasks = new ListCorrectionTasks(factory, user, TimeProvider.System);
            var cases = new ListCorrectionSubjects(factory, user, TimeProvider.System);
            var count = await run(tasks, cases);
            var times = await LedgerListMeasurement.TimeAsync(() => run(tasks, cases));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-30} rows {count,5}  {times}"));
        }
    }

    /// <summary>The demo loader's cases (CorrectionDemoSeeder, < 1 s) on two small counties of their own: the first pays for EF's first inserts of these tables.</summary>
    private static async Task<(int Cases, TimeSpan First, TimeSpan Again)> DemoSizedAsync(DbContextOptions<PortalDbContext> options)
    {
        await using (var migrate = new PortalDbContext(options, new SystemScopeSource("bench"))) await migrate.Database.MigrateAsync();
        var surnames = DemoCountyPlan.Load(Path.Combine(AppContext.BaseDirectory, "seeds", "demo-county.json")).County.Surnames;
        async Task<(int, TimeSpan)> OnceAsync(string code)
        {
            await using var db = new PortalDbContext(options, new SystemScopeSource("bench"));
            var county = new County { AdminCode = $"{code}000000", Name = "演示规模县" };
            for (var t = 1; t <= 3; t++)
            {
                var township = new Township { AdminCode = $"{code}{t:000}000", Name = $"演示{t}镇", County = county };
                for (var v = 1; v <= 3; v++) township.Villages.Add(new Village { AdminCode = $"{code}{t:000}{v:000}", Name = $"演示{t}镇{v}村", County = county, Township = township });
                county.Townships.Add(township);
            }
            db.Counties.Add(county);
            await db.SaveChangesAsync();
            var watch = Stopwatch.StartNew();
            var cases = await CorrectionDemoSeeder.SeedAsync(db, county, [.. county.Townships], surnames, new(null, new Dictionary<int, string>()), TimeProvider.System, default);
            return (cases, watch.Elapsed);
        }
        var (count, first) = await OnceAsync("429801");
        var (_, again) = await OnceAsync("429802");
        var plan = Stopwatch.StartNew();
        await using (var db = new PortalDbContext(options, new SystemScopeSource("bench")))
        {
            var county = await db.Counties.Include(c => c.Townships).ThenInclude(t => t.Villages).SingleAsync(c => c.AdminCode == "429802000000");
            CorrectionDemoSeeder.Plan(county, [.. county.Townships], surnames, new(null, new Dictionary<int, string>()), new WorkingCalendar(OfficialHolidays.Of2026), PortalYears.Today(TimeProvider.System));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo-sized: {count} cases first {first.TotalMilliseconds:F0} ms, again {again.TotalMilliseconds:F0} ms, of which planning (no database) {plan.Elapsed.TotalMilliseconds:F0} ms"));
        return (count, first, again);
    }

    /// <summary>
    /// `--correction-once --pieces`: where the county task list's time goes, on a database an earlier run left
    /// (PORTAL_BENCH_CORRECTION_SQLITE, a connection string): its subject query, its hours query, and the deadlines
    /// computed in memory, each timed alone.
    /// </summary>
    public static async Task PiecesAsync(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, DatabaseProvider.Sqlite, connectionString, new Data.Encryption.PersonalDataCipher(Data.Encryption.PersonalDataKeyRing.Generate()));
        var options = builder.Options;
        await using var probe = new PortalDbContext(options, new SystemScopeSource("bench"));
        var countyId = await probe.Counties.Where(c => c.AdminCode == "429900000000").Select(c => c.Id).SingleAsync();
        var today = PortalYears.Today(TimeProvider.System);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        CaseStage[] open = [CaseStage.Assessing, CaseStage.Receiving, CaseStage.AwaitingAnnouncement, CaseStage.UnderCorrection];
        List<CorrectionSubject> subjects = [];
        async Task Subjects()
        {
            await using var db = new PortalDbContext(options, new SystemScopeSource("bench"));
            subjects = await db.CorrectionSubjects.AsNoTracking().Where(s => s.CountyId == countyId && open.Contains(s.Stage))
                .Select(s => new CorrectionSubject
                {
                    Id = s.Id, CountyId = s.CountyId, TownshipId = s.TownshipId, Stage = s.Stage, Name = s.Name, BirthDate = s.BirthDate, Type = s.Type,
                    IsMedicalParole = s.IsMedicalParole, SupervisionLevel = s.SupervisionLevel, EntrustedOn = s.EntrustedOn, EffectiveOn = s.EffectiveOn,
                    DocumentsReceivedOn = s.DocumentsReceivedOn, HasJudgment = s.HasJudgment, HasExecutionNotice = s.HasExecutionNotice,
                    HasGuaranteeLetter = s.HasGuaranteeLetter, ReceiptReturnedOn = s.ReceiptReturnedOn, ForwardedToOfficeOn = s.ForwardedToOfficeOn,
                    ReportedOn = s.ReportedOn, CorrectionStart = s.CorrectionStart, CorrectionEnd = s.CorrectionEnd, AnnouncedOn = s.AnnouncedOn,
                    PlanMadeOn = s.PlanMadeOn, PlanReviewDueOn = s.PlanReviewDueOn, LastReportOn = s.LastReportOn, WarningCount = s.WarningCount,
                }).ToListAsync();
        }
        async Task Hours()
        {
            await using var db = new PortalDbContext(options, new SystemScopeSource("bench"));
            await db.SupervisionRecords.AsNoTracking()
                .Where(r => r.CountyId == countyId && r.Date >= month && (r.Kind == SupervisionRecordKind.Education || r.Kind == SupervisionRecordKind.CommunityService))
                .Select(r => new { r.SubjectId, r.Kind, r.Date, r.Hours }).ToListAsync();
        }
        // Proposal (1) of docs/benchmarks.md: the same hours summed in the database, one row per subject, kind and month.
        var thisMonth = month.AddMonths(1);
        async Task SummedHours()
        {
            await using var db = new PortalDbContext(options, new SystemScopeSource("bench"));
            await db.SupervisionRecords.AsNoTracking()
                .Where(r => r.CountyId == countyId && r.Date >= month && (r.Kind == SupervisionRecordKind.Education || r.Kind == SupervisionRecordKind.CommunityService))
                .GroupBy(r => new { r.SubjectId, r.Kind, ThisMonth = r.Date >= thisMonth })
                .Select(g => new { g.Key.SubjectId, g.Key.Kind, g.Key.ThisMonth, Hours = g.Sum(r => r.Hours) }).ToListAsync();
        }
        var calendar = new WorkingCalendar(OfficialHolidays.Of2026);
        Task Deadlines()
        {
            foreach (var subject in subjects) CorrectionDeadlines.For(subject, CaseActivity.None, calendar, today);
            return Task.CompletedTask;
        }
        var subjectTimes = await LedgerListMeasurement.TimeAsync(Subjects);
        Console.WriteLine($"subjects ({subjects.Count} open)   {subjectTimes}");
        Console.WriteLine($"hours of two months       {await LedgerListMeasurement.TimeAsync(Hours)}");
        Console.WriteLine($"hours summed in the database {await LedgerListMeasurement.TimeAsync(SummedHours)}");
        Console.WriteLine($"deadlines in memory ({subjects.Count}) {await LedgerListMeasurement.TimeAsync(Deadlines)}");
    }

    /// <summary>A signed-in user of a correction role as the claims factory writes them: the handlers read the role and id, the context the scope.</summary>
    private static CurrentUser User(string role, int countyId, int? townshipId, string userId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, userId), new(ClaimTypes.Role, role),
            new(PortalClaims.CountyId, countyId.ToString(CultureInfo.InvariantCulture)),
        };
        if (townshipId is { } township) claims.Add(new(PortalClaims.TownshipId, township.ToString(CultureInfo.InvariantCulture)));
        return new CurrentUser(new SignedIn(new ClaimsPrincipal(new ClaimsIdentity(claims, "bench"))));
    }

    private sealed class SignedIn(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }
}
