using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.DataChecks;
using static PovertyPortal.IntegrationTests.DataCheckCounty;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// Every data-check rule (issue 18) against a record that trips it and one that does not, in a county of their own,
/// run once through RunDataChecks as the nightly job runs it; each rule is then one test case. A rule without a case
/// fails <see cref="Every_rule_has_a_case"/>.
/// </summary>
public abstract class DataCheckRuleTests(PortalAppFixture app)
{
    /// <summary>What a case arranges: the subject keys of the record that must trip the rule and of the one that must not.</summary>
    private sealed record Case(Func<DataCheckCounty, (Func<string> Trips, Func<string> Clean)> Arrange);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["DC01"] = new(c =>
        {
            var low = c.Household(h => (h.Status, h.ExitYear) = (HouseholdStatus.Exited, c.Year - 1));
            c.SetIncome(low, c.Line - 100m);
            var ok = c.Household(h => (h.Status, h.ExitYear) = (HouseholdStatus.Exited, c.Year - 1));
            return (() => Key(low), () => Key(ok));
        }),
        ["DC02"] = new(c =>
        {
            var unmet = c.Household(h => (h.Status, h.ExitYear) = (HouseholdStatus.Exited, c.Year - 1));
            c.Assurance(unmet, HousingGrade.A, AssuranceItemKind.DrinkingWaterQuality);
            var met = c.Household(h => (h.Status, h.ExitYear) = (HouseholdStatus.Exited, c.Year - 1));
            c.Assurance(met, HousingGrade.A, AssuranceItemKind.Television);
            return (() => Key(unmet), () => Key(met));
        }),
        ["DC03"] = Child(SchoolingStatus.DroppedOut, SchoolingStatus.Primary),
        ["DC04"] = Child(SchoolingStatus.NotInSchool, SchoolingStatus.JuniorHigh),
        ["DC05"] = new(c =>
        {
            var h1 = c.Household();
            var without = c.AddMember(h1, Relationship.Son, Gender.Male, AgedOnSchoolCutoff(9), m => m.SchoolingStatus = SchoolingStatus.Primary);
            var h2 = c.Household();
            var with = c.AddMember(h2, Relationship.Son, Gender.Male, AgedOnSchoolCutoff(9), m => m.SchoolingStatus = SchoolingStatus.Primary);
            c.Benefit(h2, "StudentLivingAllowance", c.Year, with);
            return (() => Key(without), () => Key(with));
        }),
        ["DC06"] = new(c =>
        {
            var h = c.Household();
            var noGrade = c.AddMember(h, Relationship.Spouse, Gender.Female, new DateOnly(1972, 3, 3), m => m.Health = HealthStatus.Disabled);
            var graded = c.AddMember(h, Relationship.Son, Gender.Male, new DateOnly(1995, 3, 3), m => (m.Health, m.DisabilityGrade) = (HealthStatus.Disabled, 2));
            return (() => Key(noGrade), () => Key(graded));
        }),
        ["DC07"] = new(c =>
        {
            var h1 = c.Household();
            var without = c.AddMember(h1, Relationship.Spouse, Gender.Female, new DateOnly(1972, 3, 3), m => (m.Health, m.DisabilityGrade) = (HealthStatus.Disabled, 3));
            var h2 = c.Household();
            var with = c.AddMember(h2, Relationship.Spouse, Gender.Female, new DateOnly(1972, 3, 3), m => (m.Health, m.DisabilityGrade) = (HealthStatus.Disabled, 3));
            c.Benefit(h2, "DisabilitySubsidy", c.Year, with);
            return (() => Key(without), () => Key(with));
        }),
        ["DC08"] = new(c =>
        {
            var h1 = c.Household();
            var twice = c.AddMember(h1, Relationship.Daughter, Gender.Female, new DateOnly(1998, 4, 4));
            var h2 = c.Household();
            c.AddMember(h2, Relationship.Spouse, Gender.Female, new DateOnly(1998, 4, 4), m => m.ResidentId = twice.ResidentId);
            var once = c.AddMember(h2, Relationship.Son, Gender.Male, new DateOnly(2000, 4, 4));
            return (() => Key(twice), () => Key(once));
        }),
        ["DC09"] = new(c =>
        {
            var h = c.Household();
            var died = new DateOnly(c.Year, 3, 1);
            var paidAfter = c.AddMember(h, Relationship.Father, Gender.Male, new DateOnly(1940, 1, 1), m => (m.IsDeceased, m.DeceasedOn) = (true, died));
            var paidBefore = c.AddMember(h, Relationship.Mother, Gender.Female, new DateOnly(1942, 1, 1), m => (m.IsDeceased, m.DeceasedOn) = (true, died));
            c.Benefit(h, "Dibao", c.Year, paidAfter, died.AddMonths(2));
            c.Benefit(h, "Dibao", c.Year, paidBefore, died.AddMonths(-1));
            return (() => Key(paidAfter), () => Key(paidBefore));
        }),
        ["DC10"] = new(c =>
        {
            var orphaned = c.Household(h => (h.Members[0].IsDeceased, h.Members[0].DeceasedOn) = (true, new DateOnly(c.Year, 1, 5)));
            c.AddMember(orphaned, Relationship.Spouse, Gender.Female, new DateOnly(1971, 1, 1));
            var changed = c.Household(h => (h.Members[0].IsDeceased, h.Members[0].DeceasedOn) = (true, new DateOnly(c.Year, 1, 5)));
            c.AddMember(changed, Relationship.Head, Gender.Female, new DateOnly(1971, 1, 1));
            return (() => Key(orphaned), () => Key(changed));
        }),
        ["DC11"] = new(c =>
        {
            var young = c.Household(h => h.Members[0].BirthDate = Today.AddYears(-14));
            var adult = c.Household();
            return (() => Key(young.Members[0]), () => Key(adult.Members[0]));
        }),
        ["DC12"] = new(c =>
        {
            var two = c.Household();
            c.AddMember(two, Relationship.Head, Gender.Female, new DateOnly(1971, 1, 1));
            var one = c.Household();
            c.AddMember(one, Relationship.Spouse, Gender.Female, new DateOnly(1971, 1, 1));
            return (() => Key(two), () => Key(one));
        }),
        ["DC13"] = new(c =>
        {
            var able = c.Household(h => h.Category = PovertyCategory.Tekun);
            c.AddMember(able, Relationship.Son, Gender.Male, Today.AddYears(-30));
            var unable = c.Household(h => h.Category = PovertyCategory.Tekun);
            c.AddMember(unable, Relationship.Son, Gender.Male, Today.AddYears(-30), m => m.LabourAbility = LabourAbility.Lost);
            return (() => Key(able), () => Key(unable));
        }),
        ["DC14"] = Benefit("Dibao", PovertyCategory.General, PovertyCategory.Dibao),
        ["DC15"] = Benefit("Tekun", PovertyCategory.Dibao, PovertyCategory.Tekun),
        ["DC16"] = Households(h => (h.Status, h.ExitYear) = (HouseholdStatus.Exited, 2015), h => (h.Status, h.ExitYear) = (HouseholdStatus.Exited, 2018)),
        ["DC17"] = Households(h => h.Status = HouseholdStatus.Exited, h => (h.Status, h.ExitYear) = (HouseholdStatus.Exited, 2019)),
        ["DC18"] = Households(h => h.ExitYear = 2019, _ => { }),
        ["DC19"] = new(c =>
        {
            var identified = Today.AddMonths(-3);
            void Monitored(Household h) => (h.MonitoringType, h.MonitoringIdentifiedOn) = (MonitoringType.Marginal, identified);
            var bare = c.Household(Monitored);
            var helped = c.Household(Monitored);
            c.Plan(helped, identified.Year);
            return (() => Key(bare), () => Key(helped));
        }),
        ["DC20"] = new(c =>
        {
            var missing = c.Household();
            c.RemoveIncome(missing);
            var recorded = c.Household();
            return (() => Key(missing), () => Key(recorded));
        }),
        ["DC21"] = Households(h => h.IsRelocated = true, h => (h.IsRelocated, h.RelocationSite) = (true, "城南安置小区")),
        ["DC22"] = Households(h => h.Phone = null, _ => { }),
        ["DC23"] = Households(h => h.Address = "", _ => { }),
        ["DC24"] = new(c =>
        {
            var h = c.Household();
            var overdue = c.Loan(h, Today.AddMonths(-1), 10_000m);
            var repaid = c.Loan(h, Today.AddMonths(-1), 50_000m);
            return (() => DataCheckLabels.KeyOf(DataCheckTarget.Microloan, overdue.Id), () => DataCheckLabels.KeyOf(DataCheckTarget.Microloan, repaid.Id));
        }),
        ["DC25"] = Households(
            h => (h.MonitoringType, h.MonitoringIdentifiedOn, h.RiskEliminatedOn) = (MonitoringType.UnstableExited, new DateOnly(2022, 5, 1), new DateOnly(2022, 4, 1)),
            h => (h.MonitoringType, h.MonitoringIdentifiedOn, h.RiskEliminatedOn) = (MonitoringType.UnstableExited, new DateOnly(2022, 5, 1), new DateOnly(2022, 9, 1))),
        ["DC26"] = Households(h => h.PrimaryCause = null, _ => { }),
        ["DC27"] = Households(h => h.IdentificationYear = null, _ => { }),
        ["DC28"] = Households(h => (h.Members[0].IsDeceased, h.Members[0].DeceasedOn) = (true, new DateOnly(2021, 1, 1)), _ => { }),
        ["DC29"] = new(c =>
        {
            var uninsured = c.Household(h => h.Members[0].HasBasicMedicalInsurance = false);
            var insured = c.Household();
            return (() => Key(uninsured.Members[0]), () => Key(insured.Members[0]));
        }),
        ["DC30"] = new(c =>
        {
            var nothing = c.Household();
            c.SetIncome(nothing, 0m);
            var some = c.Household();
            return (() => Key(nothing), () => Key(some));
        }),
        ["DC31"] = new(c =>
        {
            var shortOf = c.TeamMember("少住队员", shortWeek: 2);
            var kept = c.TeamMember("全勤队员", shortWeek: 0);
            return (() => DataCheckLabels.KeyOf(DataCheckTarget.WorkTeamMember, shortOf.Id), () => DataCheckLabels.KeyOf(DataCheckTarget.WorkTeamMember, kept.Id));
        }),
        ["DC32"] = new(c =>
        {
            c.CollectiveIncome(c.OtherVillage, 20_000m);
            return (() => DataCheckLabels.KeyOf(DataCheckTarget.Village, c.OtherVillage.Id), () => DataCheckLabels.KeyOf(DataCheckTarget.Village, c.Village.Id));
        }),
        ["DC33"] = new(c =>
        {
            var h = c.Household();
            var wrong = c.AddMember(h, Relationship.Son, Gender.Female, new DateOnly(1996, 2, 2));
            var right = c.AddMember(h, Relationship.Daughter, Gender.Female, new DateOnly(1997, 2, 2));
            return (() => Key(wrong), () => Key(right));
        }),
        ["DC34"] = new(c =>
        {
            var h = c.Household();
            var tooYoung = c.AddMember(h, Relationship.Father, Gender.Male, new DateOnly(1980, 1, 1));
            var older = c.AddMember(h, Relationship.Mother, Gender.Female, new DateOnly(1945, 1, 1));
            return (() => Key(tooYoung), () => Key(older));
        }),
        ["DC35"] = new(c =>
        {
            var h1 = c.Household();
            var without = c.AddMember(h1, Relationship.Daughter, Gender.Female, new DateOnly(2007, 2, 2), m => m.SchoolingStatus = SchoolingStatus.Vocational);
            var h2 = c.Household();
            var with = c.AddMember(h2, Relationship.Daughter, Gender.Female, new DateOnly(2007, 2, 2), m => m.SchoolingStatus = SchoolingStatus.Vocational);
            c.Benefit(h2, "YuluPlan", c.Year, with);
            return (() => Key(without), () => Key(with));
        }),
        ["DC36"] = new(c =>
        {
            var unsafeHouse = c.Household(h => (h.Status, h.ExitYear) = (HouseholdStatus.Exited, c.Year - 1));
            c.Assurance(unsafeHouse, HousingGrade.D);
            var relocated = c.Household(h => (h.Status, h.ExitYear, h.IsRelocated, h.RelocationSite) = (HouseholdStatus.Exited, c.Year - 1, true, "城南安置小区"));
            c.Assurance(relocated, HousingGrade.D);
            return (() => Key(unsafeHouse), () => Key(relocated));
        }),
        ["DC37"] = Households(h => h.Status = HouseholdStatus.Returned,
            h => (h.Status, h.MonitoringType, h.MonitoringIdentifiedOn) = (HouseholdStatus.Returned, MonitoringType.UnstableExited, Today.AddDays(-10))),
        ["DC38"] = new(c =>
        {
            void Removed(Household h)
            {
                h.Status = HouseholdStatus.Removed;
                h.AddStatusStep(HouseholdStatus.Removed, new DateOnly(c.Year - 2, 6, 1), c.Year - 2, "识别不准");
            }
            var paidAfter = c.Household(Removed);
            c.Benefit(paidAfter, "IndustrySubsidy", c.Year);
            var paidBefore = c.Household(Removed);
            c.Benefit(paidBefore, "IndustrySubsidy", c.Year - 3);
            return (() => Key(paidAfter), () => Key(paidBefore));
        }),
        ["DC39"] = Households(h => h.MonitoringType = MonitoringType.SuddenHardship,
            h => (h.MonitoringType, h.MonitoringIdentifiedOn) = (MonitoringType.SuddenHardship, Today.AddDays(-10))),
    };

    private static Case Households(Action<Household> trips, Action<Household> clean) => new(c =>
    {
        var (a, b) = (c.Household(trips), c.Household(clean));
        return (() => Key(a), () => Key(b));
    });

    private static Case Child(SchoolingStatus trips, SchoolingStatus clean) => new(c =>
    {
        var h = c.Household();
        var a = c.AddMember(h, Relationship.Son, Gender.Male, AgedOnSchoolCutoff(11), m => m.SchoolingStatus = trips);
        var b = c.AddMember(h, Relationship.Daughter, Gender.Female, AgedOnSchoolCutoff(11).AddDays(3), m => m.SchoolingStatus = clean);
        // Sixteen on the cut-off: past compulsory education, not counted whatever the status.
        c.AddMember(h, Relationship.Son, Gender.Male, AgedOnSchoolCutoff(16), m => m.SchoolingStatus = trips);
        return (() => Key(a), () => Key(b));
    });

    private static Case Benefit(string program, PovertyCategory trips, PovertyCategory clean) => new(c =>
    {
        var (a, b) = (c.Household(h => h.Category = trips), c.Household(h => h.Category = clean));
        c.Benefit(a, program, c.Year);
        c.Benefit(b, program, c.Year);
        return (() => Key(a), () => Key(b));
    });

    /// <summary>The arranged county and the open findings of its one run, per portal (SQLite, PostgreSQL).</summary>
    private sealed record Arranged(Dictionary<string, (string Trips, string Clean)> Keys, ILookup<string, string> Found, RunDataChecks.Outcome Outcome);

    private static readonly ConcurrentDictionary<PortalAppFixture, Lazy<Task<Arranged>>> Runs = new();

    private Task<Arranged> ArrangedAsync() => Runs.GetOrAdd(app, a => new Lazy<Task<Arranged>>(() => ArrangeAsync(a))).Value;

    private static async Task<Arranged> ArrangeAsync(PortalAppFixture app)
    {
        await using var db = app.SystemDb();
        var county = await CreateAsync(db, "429801", "比对规则县");
        var getters = Cases.ToDictionary(c => c.Key, c => c.Value.Arrange(county));
        await county.SaveAllAsync();
        var keys = getters.ToDictionary(g => g.Key, g => (g.Value.Trips(), g.Value.Clean()));

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RunDataChecks>()
            .RunAsync(AreaScope.County(county.County.Id), DataCheckTrigger.Nightly, "test");
        await using var check = app.SystemDb();
        var found = (await check.DataCheckFindings.Where(f => f.CountyId == county.County.Id && f.ResolvedAt == null)
            .Select(f => new { f.RuleCode, f.SubjectKey }).ToListAsync()).ToLookup(f => f.RuleCode, f => f.SubjectKey);
        return new Arranged(keys, found, outcome);
    }

    public static TheoryData<string> RuleCodes => new(new DataCheckRules().All.Select(r => r.Code));

    [Fact]
    public void Every_rule_has_a_case_and_there_are_at_least_thirty()
    {
        var codes = new DataCheckRules().All.Select(r => r.Code).ToList();
        Assert.True(codes.Count >= 30, $"only {codes.Count} rules");
        Assert.Empty(codes.Except(Cases.Keys));
        Assert.All(new DataCheckRules().All, r =>
        {
            Assert.Matches("^DC[0-9]{2}$", r.Code);
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.Explanation));
        });
    }

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public async Task The_rule_finds_the_record_that_trips_it_and_not_the_one_that_does_not(string code)
    {
        var arranged = await ArrangedAsync();
        Assert.Null((await RunOf(arranged.Outcome.RunId)).Error);
        var (trips, clean) = arranged.Keys[code];
        Assert.Contains(trips, arranged.Found[code]);
        Assert.DoesNotContain(clean, arranged.Found[code]);
    }

    private async Task<DataCheckRun> RunOf(long id)
    {
        await using var db = app.SystemDb();
        return await db.DataCheckRuns.SingleAsync(r => r.Id == id);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class DataCheckRuleTestsOnSqlite(SqliteAppFixture app) : DataCheckRuleTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class DataCheckRuleTestsOnPostgreSql(PostgreSqlAppFixture app) : DataCheckRuleTests(app);
