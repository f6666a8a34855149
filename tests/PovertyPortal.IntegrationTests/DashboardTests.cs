using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Microloans;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Dashboard;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// The county dashboard against a tiny county built here, whose figures are counted by hand in the comments, for a
/// county supervisor and a township official of that county; and every figure agrees with the household list it links to.
/// </summary>
public abstract class DashboardTests(PortalAppFixture app)
{
    private sealed record TinyCounty(int CountyId, int TownshipA, int TownshipB, int VillageA1, int VillageA2, int VillageB1,
        string CountyUser, string TownshipUser);

    // Township A: villages A1, A2; township B: village B1. Living members in brackets.
    //  #  village status        category  primary cause  identified exit  monitoring (in, risk eliminated)
    //  1  A1      Exited        General   Illness        2014       2016                                [2 of 3, one deceased]
    //  2  A1      Exited        Dibao     Illness        2014       2020                                [4]
    //  3  A1      Identified    Tekun     Disability     2015                                           [1]
    //  4  A1      Returned      General   LackOfSkills   2014                                           [2]
    //  5  A1      Removed       General   Illness        2014                                           [3]  never counted
    //  6  A2      Exited        General   Schooling      2016       2018  UnstableExited 2020-07-01, 2021-03-01  [5]
    //  7  A2      Identified    General   Illness        2020                                           [2]
    //  8  A2      NotRegistered           LackOfCapital                   Marginal 2020-05-01, 2020-11-01        [3]
    //  9  B1      Exited        Dibao     Disability     2015       2019                                [3]
    // 10  B1      NotRegistered           Illness                         SuddenHardship 2021-02-01               [2]
    // 11  B1      Exited        General   Illness        2014       2017                                [1 of 2, one deceased]
    private async Task<TinyCounty> ArrangeAsync()
    {
        var code = Random.Shared.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
        var county = new County { AdminCode = $"43{code}000000", Name = $"测试县{code}" };
        var a = new Township { County = county, AdminCode = $"43{code}101000", Name = "甲镇" };
        var b = new Township { County = county, AdminCode = $"43{code}102000", Name = "乙乡" };
        var a1 = new Village { County = county, AdminCode = $"43{code}101201", Name = "甲一村" };
        var a2 = new Village { County = county, AdminCode = $"43{code}101202", Name = "甲二村" };
        var b1 = new Village { County = county, AdminCode = $"43{code}102201", Name = "乙一村" };
        a.Villages.AddRange([a1, a2]);
        b.Villages.Add(b1);
        county.Townships.AddRange([a, b]);
        await using (var db = SystemDbKeepingSizes())
        {
            db.Counties.Add(county);
            await db.SaveChangesAsync();

            var number = 0;
            Household H(Village v, HouseholdStatus status, PovertyCategory? category, PovertyCause cause, int? identified, int? exit,
                int living, int deceased = 0, MonitoringType? monitoring = null, DateOnly? monitoredOn = null, DateOnly? eliminatedOn = null)
            {
                var household = new Household
                {
                    CountyId = county.Id, TownshipId = v.TownshipId, VillageId = v.Id, HouseholdNumber = $"{v.AdminCode}{++number:D4}",
                    Status = status, Category = category, PrimaryCause = cause, IdentificationYear = identified, ExitYear = exit,
                    MonitoringType = monitoring, MonitoringIdentifiedOn = monitoredOn, RiskEliminatedOn = eliminatedOn, Version = Guid.NewGuid(),
                };
                for (var i = 0; i < living + deceased; i++)
                {
                    household.Members.Add(new Member
                    {
                        CountyId = county.Id, TownshipId = v.TownshipId, VillageId = v.Id,
                        Name = $"成员{number}-{i}", ResidentId = $"43{code}19800101{number:D2}{i}X"[..18],
                        Relationship = i == 0 ? Relationship.Head : Relationship.Other, BirthDate = new DateOnly(1980, 1, 1),
                        IsDeceased = i >= living, Version = Guid.NewGuid(),
                    });
                }
                return household;
            }

            db.Households.AddRange(
                H(a1, HouseholdStatus.Exited, PovertyCategory.General, PovertyCause.Illness, 2014, 2016, 2, deceased: 1),
                H(a1, HouseholdStatus.Exited, PovertyCategory.Dibao, PovertyCause.Illness, 2014, 2020, 4),
                H(a1, HouseholdStatus.Identified, PovertyCategory.Tekun, PovertyCause.Disability, 2015, null, 1),
                H(a1, HouseholdStatus.Returned, PovertyCategory.General, PovertyCause.LackOfSkills, 2014, null, 2),
                H(a1, HouseholdStatus.Removed, PovertyCategory.General, PovertyCause.Illness, 2014, null, 3),
                H(a2, HouseholdStatus.Exited, PovertyCategory.General, PovertyCause.Schooling, 2016, 2018, 5,
                    monitoring: MonitoringType.UnstableExited, monitoredOn: new(2020, 7, 1), eliminatedOn: new(2021, 3, 1)),
                H(a2, HouseholdStatus.Identified, PovertyCategory.General, PovertyCause.Illness, 2020, null, 2),
                H(a2, HouseholdStatus.NotRegistered, null, PovertyCause.LackOfCapital, null, null, 3,
                    monitoring: MonitoringType.Marginal, monitoredOn: new(2020, 5, 1), eliminatedOn: new(2020, 11, 1)),
                H(b1, HouseholdStatus.Exited, PovertyCategory.Dibao, PovertyCause.Disability, 2015, 2019, 3),
                H(b1, HouseholdStatus.NotRegistered, null, PovertyCause.Illness, null, null, 2,
                    monitoring: MonitoringType.SuddenHardship, monitoredOn: new(2021, 2, 1)),
                H(b1, HouseholdStatus.Exited, PovertyCategory.General, PovertyCause.Illness, 2014, 2017, 1, deceased: 1));
            await db.SaveChangesAsync();
        }

        var countyUser = $"dc{code}{Guid.NewGuid():N}"[..14];
        var townshipUser = $"dt{code}{Guid.NewGuid():N}"[..14];
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var supervisor = new PortalUser { UserName = countyUser, DisplayName = "县级督导测试", CountyId = county.Id };
            Assert.True((await users.CreateAsync(supervisor, "Dashboard-2026-xyz")).Succeeded);
            await users.AddToRoleAsync(supervisor, PortalRoles.CountySupervisor);
            var official = new PortalUser { UserName = townshipUser, DisplayName = "乡镇干部测试", CountyId = county.Id, TownshipId = a.Id };
            Assert.True((await users.CreateAsync(official, "Dashboard-2026-xyz")).Succeeded);
            await users.AddToRoleAsync(official, PortalRoles.TownshipOfficial);
        }
        return new TinyCounty(county.Id, a.Id, b.Id, a1.Id, a2.Id, b1.Id, countyUser, townshipUser);
    }

    // The support figures of 2020 (poverty line 4,100 元, near-line below 6,150 元), by household number as above:
    //  income per capita 2020: 1: 3,000 (below, exited-below)  2: 5,000 (near)  3: 9,000  4: 4,100 (near, at the line)
    //                          6: 4,000 (below, exited-below)  7: 6,200           9: 2,000 (below, exited-below)
    //         2019: 1: 3,500  2: 3,800  3: 8,000 → 2019 median 3,800 (rank 1 of 3), 10th percentile 3,500 (rank 0)
    //         2020 sorted 2,000 3,000 4,000 4,100 5,000 6,200 9,000 → median 4,100 (rank 3), 10th percentile 2,000 (rank 0)
    //  benefits 2020: 1 产业发展奖补 1,000.50 and 低保 2,400; 2 低保 3,600; 9 医保代缴 320; (6 产业发展奖补 800 in 2019)
    //  microloans at the end of 2020: 1 50,000 due 2022 (current); 2 30,000 repaid 10,000 due 2020-05-01 (20,000 overdue);
    //                                 9 repaid in full; 6 started in 2021 → outstanding 70,000, overdue 20,000
    //  assurance checks 2020: 1 fails 住房安全; 2 fails 饮水水质 and 住房安全; 9 meets all; (3 fails 吃 in 2019)
    //  collective income 2020: A1 30,000 stable + 40,000 grant (below); A2 60,000 stable; B1 nothing entered (below)
    //  五天四夜 2020: A1's member from Monday 2020-11-30: weeks of 11-30 kept (5 days/4 nights), 12-07 missed (5/3),
    //                 12-14 kept (6/5), 12-21 missed (nothing), 12-28 kept (5/4, up to 2021-01-01) → 3 of 5;
    //                 B1's member 2020-12-14..12-20: one judged week, nothing recorded → 0 of 1
    private async Task ArrangeSupportAsync(TinyCounty t)
    {
        await using var db = SystemDbKeepingSizes();
        var h = await db.Households.Where(x => x.CountyId == t.CountyId).OrderBy(x => x.HouseholdNumber).ToListAsync();
        var programs = await db.BenefitPrograms.ToDictionaryAsync(p => p.Code, p => p.Id);

        IncomeRecord Income(Household x, int year, decimal perCapita) => new()
        {
            HouseholdId = x.Id, CountyId = x.CountyId, TownshipId = x.TownshipId, VillageId = x.VillageId, Year = year,
            WageIncome = perCapita, MeasuredMonths = 0xFFF, MeasuredNet = perCapita, AnnualNet = perCapita, MemberYears = 1, NetIncomePerCapita = perCapita,
        };
        db.IncomeRecords.AddRange(Income(h[0], 2020, 3000m), Income(h[1], 2020, 5000m), Income(h[2], 2020, 9000m), Income(h[3], 2020, 4100m),
            Income(h[5], 2020, 4000m), Income(h[6], 2020, 6200m), Income(h[8], 2020, 2000m),
            Income(h[0], 2019, 3500m), Income(h[1], 2019, 3800m), Income(h[2], 2019, 8000m));

        BenefitRecord Benefit(Household x, string program, int year, decimal amount) => new()
        {
            HouseholdId = x.Id, CountyId = x.CountyId, TownshipId = x.TownshipId, VillageId = x.VillageId, ProgramId = programs[program], Year = year, Amount = amount,
        };
        db.BenefitRecords.AddRange(Benefit(h[0], "IndustrySubsidy", 2020, 1000.50m), Benefit(h[0], "Dibao", 2020, 2400m), Benefit(h[1], "Dibao", 2020, 3600m),
            Benefit(h[8], "InsurancePremiumWaiver", 2020, 320m), Benefit(h[5], "IndustrySubsidy", 2019, 800m));

        Microloan Loan(Household x, decimal principal, decimal repaid, DateOnly start, DateOnly due) => new()
        {
            HouseholdId = x.Id, CountyId = x.CountyId, TownshipId = x.TownshipId, VillageId = x.VillageId, Principal = principal, Repaid = repaid, StartDate = start, DueDate = due,
        };
        db.Microloans.AddRange(Loan(h[0], 50_000m, 0m, new(2019, 3, 1), new(2022, 3, 1)), Loan(h[1], 30_000m, 10_000m, new(2017, 5, 1), new(2020, 5, 1)),
            Loan(h[8], 20_000m, 20_000m, new(2018, 1, 1), new(2020, 1, 1)), Loan(h[5], 10_000m, 0m, new(2021, 1, 10), new(2024, 1, 10)));

        AssuranceCheck Check(Household x, int year, params AssuranceItemKind[] failing) => new()
        {
            HouseholdId = x.Id, CountyId = x.CountyId, TownshipId = x.TownshipId, VillageId = x.VillageId, Year = year,
            Items = Enum.GetValues<AssuranceItemKind>().Select(k => new AssuranceItem
            {
                CountyId = x.CountyId, TownshipId = x.TownshipId, VillageId = x.VillageId, Kind = k, Met = !failing.Contains(k),
            }).ToList(),
        };
        db.AssuranceChecks.AddRange(Check(h[0], 2020, AssuranceItemKind.HousingSafety),
            Check(h[1], 2020, AssuranceItemKind.DrinkingWaterQuality, AssuranceItemKind.HousingSafety),
            Check(h[8], 2020), Check(h[2], 2019, AssuranceItemKind.Food));

        CollectiveIncomeEntry Collective(int townshipId, int villageId, string source, decimal amount, bool stable) => new()
        {
            CountyId = t.CountyId, TownshipId = townshipId, VillageId = villageId, Year = 2020, Source = source, Amount = amount, IsStableOperating = stable,
        };
        db.CollectiveIncomeEntries.AddRange(Collective(t.TownshipA, t.VillageA1, "光伏", 30_000m, true), Collective(t.TownshipA, t.VillageA1, "上级补助", 40_000m, false),
            Collective(t.TownshipA, t.VillageA2, "光伏", 60_000m, true));

        var teamA = new WorkTeam
        {
            CountyId = t.CountyId, TownshipId = t.TownshipA, VillageId = t.VillageA1, DispatchingUnit = "县测试局", StartDate = new(2020, 11, 30),
            Members = [new WorkTeamMember { Name = "驻村甲", Role = WorkTeamRole.FirstSecretary, StartDate = new(2020, 11, 30) }],
        };
        var teamB = new WorkTeam
        {
            CountyId = t.CountyId, TownshipId = t.TownshipB, VillageId = t.VillageB1, DispatchingUnit = "县测试局", StartDate = new(2020, 12, 14),
            Members = [new WorkTeamMember { Name = "驻村乙", Role = WorkTeamRole.TeamLeader, StartDate = new(2020, 12, 14), EndDate = new(2020, 12, 20) }],
        };
        db.WorkTeams.AddRange(teamA, teamB);
        await db.SaveChangesAsync();

        var member = teamA.Members[0];
        AttendanceDay Day(DateOnly date, bool night) => new()
        {
            CountyId = t.CountyId, TownshipId = t.TownshipA, VillageId = t.VillageA1, WorkTeamId = teamA.Id, WorkTeamMemberId = member.Id, Date = date, StayedNight = night,
        };
        IEnumerable<AttendanceDay> Week(DateOnly monday, int days, int nights) => Enumerable.Range(0, days).Select(i => Day(monday.AddDays(i), i < nights));
        db.AttendanceDays.AddRange([.. Week(new(2020, 11, 30), 5, 4), .. Week(new(2020, 12, 7), 5, 3), .. Week(new(2020, 12, 14), 6, 5), .. Week(new(2020, 12, 28), 5, 4)]);
        await db.SaveChangesAsync();
    }

    /// <summary>A system context with the app's interceptors (among them the one that keeps Household.LivingMembers).</summary>
    private PortalDbContext SystemDbKeepingSizes()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, app.Provider, app.ConnectionString, app.Cipher);
        options.AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System));
        return new PortalDbContext(options.Options, new SystemScopeSource("test"));
    }

    [Fact]
    public async Task A_households_living_members_follow_added_deceased_moved_and_removed_members()
    {
        var t = await ArrangeAsync();
        await using var check = app.SystemDb();
        var households = await check.Households.Where(h => h.CountyId == t.CountyId).OrderBy(h => h.HouseholdNumber)
            .Select(h => new { h.Id, h.LivingMembers }).ToListAsync();
        Assert.Equal([2, 4, 1, 2, 3, 5, 2, 3, 3, 2, 1], households.Select(h => h.LivingMembers));
        var (first, second) = (households[0].Id, households[1].Id);

        await using (var db = SystemDbKeepingSizes())
        {
            var template = await db.Members.AsNoTracking().FirstAsync(m => m.HouseholdId == first);
            db.Members.Add(new Member
            {
                HouseholdId = first, CountyId = template.CountyId, TownshipId = template.TownshipId, VillageId = template.VillageId,
                Name = "新增成员", ResidentId = "110101200001011234", BirthDate = new DateOnly(2000, 1, 1), Relationship = Relationship.Son,
            });
            await db.SaveChangesAsync();
        }
        Assert.Equal(3, await check.Households.Where(h => h.Id == first).Select(h => h.LivingMembers).SingleAsync());

        await using (var db = SystemDbKeepingSizes())
        {
            var members = await db.Members.Where(m => m.HouseholdId == second).OrderBy(m => m.Id).ToListAsync();
            members[0].IsDeceased = true;
            members[1].HouseholdId = first;
            db.Members.Remove(members[2]);
            await db.SaveChangesAsync();
        }
        var after = await check.Households.Where(h => h.Id == first || h.Id == second).OrderBy(h => h.Id)
            .Select(h => h.LivingMembers).ToListAsync();
        Assert.Equal([4, 1], after);
    }

    private async Task<Dashboard> LoadAsync(string userName, DashboardQuery query)
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<GetDashboard>().HandleAsync(query);
    }

    private static Dictionary<string, int> Row(Dashboard d, int? areaId) =>
        AreaColumns.Registry(d).ToDictionary(c => c.Key, c => c.ValueOf(areaId));

    [Fact]
    public async Task The_county_figures_of_2020_are_the_hand_counted_ones()
    {
        var t = await ArrangeAsync();
        var d = await LoadAsync(t.CountyUser, new DashboardQuery(2020));

        Assert.False(d.RowsAreVillages);
        Assert.Equal([t.TownshipA, t.TownshipB], d.Areas.Select(a => a.Id));
        // Registered 1,2,3,4,6,7,9,11; exited by 2020 1,2,6,9,11; remaining 3,4 (returned),7; people 2+4+1+2+5+2+3+1.
        Assert.Equal((8, 5, 3, 20), (d.Registered, d.Exited, d.Remaining, d.RegisteredPeople));
        // Monitored by the end of 2020: 6 and 8; only 8's risk was eliminated in 2020 (10 came in 2021).
        Assert.Equal((2, 1), (d.Monitored, d.RiskEliminated));

        var rowA = Row(d, t.TownshipA);
        Assert.Equal(6, rowA["registered"]);
        Assert.Equal(16, rowA["people"]);
        Assert.Equal(3, rowA["exited"]);
        Assert.Equal(3, rowA["remaining"]);
        Assert.Equal((4, 1, 1), (rowA["category-General"], rowA["category-Dibao"], rowA["category-Tekun"]));
        Assert.Equal((2, 1), (rowA["monitored"], rowA["risk-eliminated"]));
        var rowB = Row(d, t.TownshipB);
        Assert.Equal((2, 4, 2, 0), (rowB["registered"], rowB["people"], rowB["exited"], rowB["remaining"]));
        Assert.Equal((1, 1, 0), (rowB["category-General"], rowB["category-Dibao"], rowB["category-Tekun"]));
        Assert.Equal((0, 0), (rowB["monitored"], rowB["risk-eliminated"]));
        Assert.Equal(8, Row(d, null)["registered"]);

        Assert.Equal([(2016, 1), (2017, 1), (2018, 1), (2019, 1), (2020, 1)], d.ExitsPerYear.Select(r => (r.Year, r.Households)));
        Assert.Equal(
            new Dictionary<PovertyCause, int> { [PovertyCause.Illness] = 4, [PovertyCause.Disability] = 2, [PovertyCause.LackOfSkills] = 1, [PovertyCause.Schooling] = 1 },
            d.Causes.ToDictionary(c => c.Cause!.Value, c => c.Households));
        Assert.Equal(
            [(MonitoringType.UnstableExited, 1, 0), (MonitoringType.Marginal, 1, 1)],
            d.Monitoring.GroupBy(m => m.Type).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(m => m.Monitored), g.Sum(m => m.RiskEliminated))));
    }

    [Fact]
    public async Task An_earlier_year_leaves_out_later_registrations_exits_and_monitoring()
    {
        var t = await ArrangeAsync();
        var d = await LoadAsync(t.CountyUser, new DashboardQuery(2019));
        // 7 was registered in 2020; 2 exited in 2020 and so remained poor at the end of 2019.
        Assert.Equal((7, 4, 3, 18), (d.Registered, d.Exited, d.Remaining, d.RegisteredPeople));
        Assert.Equal((0, 0), (d.Monitored, d.RiskEliminated));
        Assert.Equal([2016, 2017, 2018, 2019], d.ExitsPerYear.Select(r => r.Year));

        var later = await LoadAsync(t.CountyUser, new DashboardQuery(2021));
        Assert.Equal((3, 2), (later.Monitored, later.RiskEliminated));
    }

    [Fact]
    public async Task A_county_user_looking_into_a_township_gets_its_villages()
    {
        var t = await ArrangeAsync();
        var d = await LoadAsync(t.CountyUser, new DashboardQuery(2020, t.TownshipA));
        Assert.True(d.RowsAreVillages);
        Assert.Equal("甲镇", d.TownshipName);
        Assert.Equal([t.VillageA1, t.VillageA2], d.Areas.Select(a => a.Id));
        Assert.Equal((6, 3, 16), (d.Registered, d.Exited, d.RegisteredPeople));
        var a1 = Row(d, t.VillageA1);
        Assert.Equal((4, 9, 2, 2), (a1["registered"], a1["people"], a1["exited"], a1["remaining"]));
        var a2 = Row(d, t.VillageA2);
        Assert.Equal((2, 7, 1, 1, 2, 1), (a2["registered"], a2["people"], a2["exited"], a2["remaining"], a2["monitored"], a2["risk-eliminated"]));
    }

    [Fact]
    public async Task A_township_official_sees_only_their_township_even_when_asking_for_another()
    {
        var t = await ArrangeAsync();
        var own = await LoadAsync(t.TownshipUser, new DashboardQuery(2020));
        Assert.True(own.RowsAreVillages);
        Assert.Equal([t.VillageA1, t.VillageA2], own.Areas.Select(a => a.Id));
        Assert.Equal((6, 3, 3, 16, 2, 1), (own.Registered, own.Exited, own.Remaining, own.RegisteredPeople, own.Monitored, own.RiskEliminated));
        Assert.Equal(
            new Dictionary<PovertyCause, int> { [PovertyCause.Illness] = 3, [PovertyCause.Disability] = 1, [PovertyCause.LackOfSkills] = 1, [PovertyCause.Schooling] = 1 },
            own.Causes.ToDictionary(c => c.Cause!.Value, c => c.Households));

        // Township B's id, passed as a crafted drill-down: the scope filters leave nothing of it.
        var other = await LoadAsync(t.TownshipUser, new DashboardQuery(2020, t.TownshipB));
        Assert.Empty(other.Areas);
        Assert.Equal((0, 0, 0, 0), (other.Registered, other.RegisteredPeople, other.Monitored, other.ExitsPerYear.Count));
        Assert.Empty(other.Causes);
    }

    [Fact]
    public async Task Every_linked_figure_equals_the_length_of_the_household_list_it_opens()
    {
        var t = await ArrangeAsync();
        await using var scope = await app.ScopeForAsync(t.CountyUser);
        var list = scope.ServiceProvider.GetRequiredService<ListHouseholds>();
        var d = await scope.ServiceProvider.GetRequiredService<GetDashboard>().HandleAsync(new DashboardQuery(2020));

        var checkedLinks = 0;
        foreach (var column in AreaColumns.Registry(d))
        {
            foreach (var area in d.Areas.Select(a => (int?)a.Id).Append(null))
            {
                if (column.LinkOf(area) is not { } link) continue;
                Assert.Equal(column.ValueOf(area), (await list.HandleAsync(QueryOf(link))).TotalCount);
                checkedLinks++;
            }
        }
        foreach (var exit in d.ExitsPerYear)
        {
            var link = DashboardLinks.Households(null, null, status: HouseholdStatus.Exited, exitYear: exit.Year);
            Assert.Equal(exit.Households, (await list.HandleAsync(QueryOf(link))).TotalCount);
        }
        foreach (var cause in d.Causes)
        {
            var link = DashboardLinks.Households(null, null, RegistryStanding.Registered, 2020, primaryCause: cause.Cause);
            Assert.Equal(cause.Households, (await list.HandleAsync(QueryOf(link))).TotalCount);
        }
        Assert.Equal(8 * 3, checkedLinks); // 8 linked columns (people has no list) × 2 townships and the total
    }

    private static Dictionary<string, int> SupportRow(Dashboard d, int? areaId) =>
        AreaColumns.Support(d).ToDictionary(c => c.Key, c => c.ValueOf(areaId));

    [Fact]
    public async Task The_support_figures_of_2020_are_the_hand_counted_ones()
    {
        var t = await ArrangeAsync();
        await ArrangeSupportAsync(t);
        var d = await LoadAsync(t.CountyUser, new DashboardQuery(2020));

        Assert.Equal((7, 3, 2, 3), (d.IncomeRecorded, d.BelowLine, d.NearLine, d.ExitedBelowLine));
        Assert.Equal(
            [(BenefitGroup.ProductionSupport, 1000.50m, 1), (BenefitGroup.SocialSecurity, 6000m, 2), (BenefitGroup.HealthSupport, 320m, 1)],
            d.Benefits.GroupBy(b => b.Group).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(b => b.Amount), g.Sum(b => b.Households))));
        Assert.Equal(7320.50m, d.BenefitAmount);
        Assert.Equal((70_000m, 20_000m), (d.LoansOutstanding, d.LoansOverdue));
        Assert.Equal(20_000m / 70_000m, d.OverdueRate);
        Assert.True(d.OverdueRateAboveLine);
        Assert.Equal(3, d.HouseholdsChecked);
        Assert.Equal(
            [(AssuranceItemKind.HousingSafety, 2), (AssuranceItemKind.DrinkingWaterQuality, 1)],
            d.AssuranceFailing.GroupBy(r => r.Kind).OrderByDescending(g => g.Sum(r => r.Failing)).Select(g => (g.Key, g.Sum(r => r.Failing))));
        Assert.Equal([t.VillageA1, t.VillageB1], d.CollectiveIncome.Where(v => v.BelowIndicator).Select(v => v.VillageId));
        Assert.Equal([(30_000m, true), (60_000m, true), (0m, false)], d.CollectiveIncome.Select(v => (v.StableOperating, v.Entered)));
        Assert.Equal((6, 3), (d.JudgedWeeks, d.KeptWeeks));
        Assert.Equal([(2019, 3, 3800m, 3500m), (2020, 7, 4100m, 2000m)], d.IncomeTrend.Select(r => (r.Year, r.Households, r.Median, r.Percentile10)));

        var a = SupportRow(d, t.TownshipA);
        Assert.Equal((2, 2, 2), (a["below-line"], a["near-line"], a["exited-below-line"]));
        // Households failing an item: 1 (住房安全) and 2 (饮水水质 and 住房安全), though three items failed.
        Assert.Equal((7001, 70_000, 20_000, 2), (a["benefit-amount"], a["loans-outstanding"], a["loans-overdue"], a["assurance-failing"]));
        Assert.Equal(2, d.HouseholdsFailingAssurance);
        Assert.Equal((1, 5, 2), (a["collective-below"], a["residency-judged"], a["residency-missed"]));
        var b = SupportRow(d, t.TownshipB);
        Assert.Equal((1, 0, 1, 320, 0, 0), (b["below-line"], b["near-line"], b["exited-below-line"], b["benefit-amount"], b["loans-outstanding"], b["assurance-failing"]));
        Assert.Equal((1, 1, 1), (b["collective-below"], b["residency-judged"], b["residency-missed"]));
    }

    [Fact]
    public async Task A_township_official_gets_the_support_figures_of_their_township_only()
    {
        var t = await ArrangeAsync();
        await ArrangeSupportAsync(t);
        var own = await LoadAsync(t.TownshipUser, new DashboardQuery(2020));
        Assert.Equal((6, 2, 2, 2), (own.IncomeRecorded, own.BelowLine, own.NearLine, own.ExitedBelowLine));
        Assert.Equal(7000.50m, own.BenefitAmount);
        Assert.Equal((70_000m, 20_000m, 2), (own.LoansOutstanding, own.LoansOverdue, own.HouseholdsChecked));
        Assert.Equal([t.VillageA1], own.CollectiveIncome.Where(v => v.BelowIndicator).Select(v => v.VillageId));
        Assert.Equal(2, own.CollectiveIncome.Count);
        Assert.Equal((5, 3), (own.JudgedWeeks, own.KeptWeeks));
        // 2020 in township A: 3,000 4,000 4,100 5,000 6,200 9,000 → median rank 2 = 4,100, 10th percentile rank 0 = 3,000.
        Assert.Equal((2020, 6, 4100m, 3000m), own.IncomeTrend.Select(r => (r.Year, r.Households, r.Median, r.Percentile10)).Last());
        var a1 = SupportRow(own, t.VillageA1);
        Assert.Equal((1, 2, 1, 5, 2), (a1["below-line"], a1["near-line"], a1["collective-below"], a1["residency-judged"], a1["residency-missed"]));

        var other = await LoadAsync(t.TownshipUser, new DashboardQuery(2020, t.TownshipB));
        Assert.Equal((0, 0m, 0m, 0, 0), (other.IncomeRecorded, other.BenefitAmount, other.LoansOutstanding, other.HouseholdsChecked, other.JudgedWeeks));
        Assert.Empty(other.CollectiveIncome);
        Assert.Empty(other.IncomeTrend);
        Assert.Empty(other.AssuranceFailing);
    }

    [Fact]
    public async Task Every_income_warning_figure_equals_the_length_of_the_household_list_it_opens()
    {
        var t = await ArrangeAsync();
        await ArrangeSupportAsync(t);
        await using var scope = await app.ScopeForAsync(t.CountyUser);
        var list = scope.ServiceProvider.GetRequiredService<ListHouseholds>();
        var d = await scope.ServiceProvider.GetRequiredService<GetDashboard>().HandleAsync(new DashboardQuery(2020));
        var checkedLinks = 0;
        foreach (var column in AreaColumns.Support(d).Where(c => c.Key.EndsWith("line", StringComparison.Ordinal)))
        {
            foreach (var area in d.Areas.Select(a => (int?)a.Id).Append(null))
            {
                var link = column.LinkOf(area)!;
                Assert.Equal(column.ValueOf(area), (await list.HandleAsync(QueryOf(link))).TotalCount);
                checkedLinks++;
            }
        }
        Assert.Equal(3 * 3, checkedLinks);
    }

    [Fact]
    public async Task Exited_below_the_line_of_an_earlier_year_leaves_out_households_that_exited_after_it()
    {
        var t = await ArrangeAsync();
        await ArrangeSupportAsync(t);
        // 2018 (line 3,535 元): 1 (exited 2016) and 9 (exited 2019) both below it; at the end of 2018 only 1 had exited.
        await using (var db = SystemDbKeepingSizes())
        {
            var h = await db.Households.Where(x => x.CountyId == t.CountyId).OrderBy(x => x.HouseholdNumber).ToListAsync();
            IncomeRecord Income(Household x, decimal perCapita) => new()
            {
                HouseholdId = x.Id, CountyId = x.CountyId, TownshipId = x.TownshipId, VillageId = x.VillageId, Year = 2018,
                WageIncome = perCapita, MeasuredMonths = 0xFFF, MeasuredNet = perCapita, AnnualNet = perCapita, MemberYears = 1, NetIncomePerCapita = perCapita,
            };
            db.IncomeRecords.AddRange(Income(h[0], 3000m), Income(h[8], 3000m));
            await db.SaveChangesAsync();
        }
        await using var scope = await app.ScopeForAsync(t.CountyUser);
        var list = scope.ServiceProvider.GetRequiredService<ListHouseholds>();
        var d = await scope.ServiceProvider.GetRequiredService<GetDashboard>().HandleAsync(new DashboardQuery(2018));

        Assert.Equal((2, 2, 0, 1), (d.IncomeRecorded, d.BelowLine, d.NearLine, d.ExitedBelowLine));
        var exitedBelow = AreaColumns.Support(d).Single(c => c.Key == "exited-below-line");
        Assert.Equal((1, 0), (exitedBelow.ValueOf(t.TownshipA), exitedBelow.ValueOf(t.TownshipB)));
        Assert.Equal(3, await CheckColumnLinksAsync(list, d, [exitedBelow]));
    }

    /// <summary>Every linked cell of the table (townships or villages, and the total) opens a list of its own length.</summary>
    private static async Task<int> CheckColumnLinksAsync(ListHouseholds list, Dashboard d, IEnumerable<AreaColumn> columns)
    {
        var checkedLinks = 0;
        foreach (var column in columns)
        {
            foreach (var area in d.Areas.Select(a => (int?)a.Id).Append(null))
            {
                if (column.LinkOf(area) is not { } link || !link.StartsWith("/households", StringComparison.Ordinal)) continue;
                Assert.True(column.ValueOf(area) == (await list.HandleAsync(QueryOf(link))).TotalCount, $"{column.Key} of {area}: {link}");
                checkedLinks++;
            }
        }
        return checkedLinks;
    }

    [Fact]
    public async Task Every_assurance_figure_equals_the_length_of_the_household_list_it_opens()
    {
        var t = await ArrangeAsync();
        await ArrangeSupportAsync(t);
        await using var scope = await app.ScopeForAsync(t.CountyUser);
        var list = scope.ServiceProvider.GetRequiredService<ListHouseholds>();
        var dashboard = scope.ServiceProvider.GetRequiredService<GetDashboard>();
        var d = await dashboard.HandleAsync(new DashboardQuery(2020));

        // The headline per item (every item, the ones nobody failed included) and "at least one item".
        foreach (var kind in Enum.GetValues<AssuranceItemKind>())
        {
            var failing = d.AssuranceFailing.Where(r => r.Kind == kind).Sum(r => r.Failing);
            Assert.Equal(failing, (await list.HandleAsync(QueryOf(DashboardLinks.Assurance(null, null, kind, 2020)))).TotalCount);
        }
        Assert.Equal(2, (await list.HandleAsync(QueryOf(DashboardLinks.Assurance(null, null, AssuranceItemKind.HousingSafety, 2020)))).TotalCount);
        Assert.Equal(2, (await list.HandleAsync(QueryOf(DashboardLinks.Assurance(null, null, null, 2020)))).TotalCount);
        // The year is the check's: 3 failed 不愁吃 in 2019 only.
        Assert.Equal(0, (await list.HandleAsync(QueryOf(DashboardLinks.Assurance(null, null, AssuranceItemKind.Food, 2020)))).TotalCount);
        Assert.Equal(1, (await list.HandleAsync(QueryOf(DashboardLinks.Assurance(null, null, AssuranceItemKind.Food, 2019)))).TotalCount);

        var assurance = AreaColumns.Support(d).Where(c => c.Key == "assurance-failing").ToList();
        Assert.Equal((2, 0, 2), (assurance[0].ValueOf(t.TownshipA), assurance[0].ValueOf(t.TownshipB), assurance[0].ValueOf(null)));
        Assert.Equal(3, await CheckColumnLinksAsync(list, d, assurance));

        // Township A's villages: A1 holds both failing households.
        var villages = await dashboard.HandleAsync(new DashboardQuery(2020, t.TownshipA));
        var byVillage = AreaColumns.Support(villages).Single(c => c.Key == "assurance-failing");
        Assert.Equal((2, 0), (byVillage.ValueOf(t.VillageA1), byVillage.ValueOf(t.VillageA2)));
        Assert.Equal(3, await CheckColumnLinksAsync(list, villages, [byVillage]));
        Assert.Equal("/households?village=" + t.VillageA1.ToString(CultureInfo.InvariantCulture) + "&assurance=Any&year=2020", byVillage.LinkOf(t.VillageA1));
    }

    [Fact]
    public async Task The_system_administrator_sees_one_chosen_county_and_every_link_stays_in_it()
    {
        var t = await ArrangeAsync();
        await ArrangeSupportAsync(t);
        var other = await ArrangeAsync();
        await ArrangeSupportAsync(other);
        await using var scope = await app.ScopeForAsync("admin");
        var list = scope.ServiceProvider.GetRequiredService<ListHouseholds>();
        var areas = scope.ServiceProvider.GetRequiredService<GetDashboardAreas>();
        var counties = await areas.CountiesAsync();
        Assert.Contains(counties, c => c.Id == t.CountyId && c.HasHouseholds);
        Assert.Contains(counties, c => c.Id == other.CountyId);
        Assert.Equal(t.CountyId, GetDashboardAreas.ChooseCounty(counties, t.CountyId));
        Assert.Equal(counties.First(c => c.HasHouseholds).Id, GetDashboardAreas.ChooseCounty(counties, -1));

        var d = await scope.ServiceProvider.GetRequiredService<GetDashboard>().HandleAsync(new DashboardQuery(2020, null, t.CountyId));
        Assert.False(d.RowsAreVillages);
        Assert.Equal([t.TownshipA, t.TownshipB], d.Areas.Select(a => a.Id));
        // The same hand counts as the county supervisor's, though another county just like it exists.
        Assert.Equal((8, 5, 3, 20), (d.Registered, d.Exited, d.Remaining, d.RegisteredPeople));
        Assert.Equal((7, 3, 2, 3), (d.IncomeRecorded, d.BelowLine, d.NearLine, d.ExitedBelowLine));
        Assert.Equal((3, 2, 2, 3), (d.HouseholdsChecked, d.HouseholdsFailingAssurance, d.VillagesBelowCollectiveIndicator, d.CollectiveIncome.Count));
        Assert.Equal(7320.50m, d.BenefitAmount);
        Assert.Equal((6, 3), (d.JudgedWeeks, d.KeptWeeks));

        // The total row's links name the county, so the lists hold this county's households only.
        Assert.Equal($"/households?county={t.CountyId}&standing=registered&year=2020", AreaColumns.Registry(d)[0].LinkOf(null));
        var checkedLinks = await CheckColumnLinksAsync(list, d, [.. AreaColumns.Registry(d), .. AreaColumns.Support(d)]);
        Assert.Equal(12 * 3, checkedLinks); // 8 registry, 3 income warnings and assurance × 2 townships and the total
        Assert.Equal(2, (await list.HandleAsync(QueryOf(DashboardLinks.Assurance(null, null, null, 2020, t.CountyId)))).TotalCount);
        // Without the county the administrator's list would hold both tiny counties' households (2 each) and any others.
        Assert.Equal(4 + await OtherCountiesFailingAsync(t, other), (await list.HandleAsync(QueryOf(DashboardLinks.Assurance(null, null, null, 2020)))).TotalCount);

        var township = await scope.ServiceProvider.GetRequiredService<GetDashboard>().HandleAsync(new DashboardQuery(2020, t.TownshipA, t.CountyId));
        Assert.True(township.RowsAreVillages);
        Assert.Equal([t.VillageA1, t.VillageA2], township.Areas.Select(a => a.Id));
        Assert.Equal(6, township.Registered);
    }

    /// <summary>Households failing an assurance item in 2020 outside the two tiny counties (the demo data's, and other tests').</summary>
    private async Task<int> OtherCountiesFailingAsync(params TinyCounty[] counties)
    {
        await using var db = app.SystemDb();
        var ids = counties.Select(c => c.CountyId).ToList();
        return await db.AssuranceChecks.CountAsync(c => c.Year == 2020 && !ids.Contains(c.CountyId) && c.Items.Any(i => !i.Met));
    }

    [Fact]
    public async Task A_county_supervisor_asking_for_another_county_sees_nothing_of_it()
    {
        var t = await ArrangeAsync();
        await ArrangeSupportAsync(t);
        var other = await ArrangeAsync();
        await ArrangeSupportAsync(other);

        var own = await LoadAsync(t.CountyUser, new DashboardQuery(2020, null, t.CountyId));
        Assert.Equal([t.TownshipA, t.TownshipB], own.Areas.Select(a => a.Id));
        Assert.Equal((8, 2), (own.Registered, own.HouseholdsFailingAssurance));

        // The other county's id, as a crafted link would pass it: the scope filters of the context leave nothing of it.
        var crafted = await LoadAsync(t.CountyUser, new DashboardQuery(2020, null, other.CountyId));
        Assert.Empty(crafted.Areas);
        Assert.Equal((0, 0, 0, 0, 0), (crafted.Registered, crafted.RegisteredPeople, crafted.IncomeRecorded, crafted.HouseholdsChecked, crafted.HouseholdsFailingAssurance));
        Assert.Equal((0m, 0, 0), (crafted.BenefitAmount, crafted.JudgedWeeks, crafted.ExitsPerYear.Count));
        Assert.Empty(crafted.Causes);
        Assert.Empty(crafted.AssuranceFailing);
        Assert.Empty(crafted.CollectiveIncome);
        await using var scope = await app.ScopeForAsync(t.CountyUser);
        var list = scope.ServiceProvider.GetRequiredService<ListHouseholds>();
        Assert.Equal(0, (await list.HandleAsync(new ListHouseholds.Query { CountyId = other.CountyId })).TotalCount);
        Assert.Equal(0, (await list.HandleAsync(new ListHouseholds.Query { CountyId = other.CountyId, Assurance = new(null, 2020) })).TotalCount);
        Assert.Equal(2, (await list.HandleAsync(new ListHouseholds.Query { Assurance = new(null, 2020) })).TotalCount);
    }

    [Fact]
    public async Task The_dashboard_pdf_is_one_page_with_the_headline_figures()
    {
        var t = await ArrangeAsync();
        await ArrangeSupportAsync(t);
        await using var scope = await app.ScopeForAsync(t.CountyUser);
        var d = await scope.ServiceProvider.GetRequiredService<GetDashboard>().HandleAsync(new DashboardQuery(2020));
        var pdf = scope.ServiceProvider.GetRequiredService<DashboardPdf>().Render(d, "县级总览", new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

        if (Environment.GetEnvironmentVariable("PORTAL_DASHBOARD_PDF") is { } dump) await File.WriteAllBytesAsync(dump, pdf);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        // Letters by line, top to bottom, spaces dropped: cells of one row read as one run.
        var text = string.Concat(document.GetPage(1).Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y, 0)).OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("县级总览（截至2020年底）", text, StringComparison.Ordinal);
        Assert.Contains("建档立卡贫困户8户贫困人口20人", text, StringComparison.Ordinal);
        Assert.Contains("累计脱贫5户", text, StringComparison.Ordinal);
        Assert.Contains("低于贫困线3户", text, StringComparison.Ordinal);
        Assert.Contains("接近贫困线2户", text, StringComparison.Ordinal);
        Assert.Contains("7,320.50元", text, StringComparison.Ordinal);
        Assert.Contains("信贷逾期率28.6%", text, StringComparison.Ordinal);
        Assert.Contains("超出0.5%控制线", text, StringComparison.Ordinal);
        Assert.Contains("五天四夜达标50%", text, StringComparison.Ordinal);
        Assert.Contains("集体经济弱村2个（共3村）", text, StringComparison.Ordinal);
        Assert.Contains("住房安全有保障2户", text, StringComparison.Ordinal);
        Assert.Contains("中位数4,100.00元", text, StringComparison.Ordinal);
        // Township A's row: 6 registered, 16 people, 3 exited, 3 remaining, 2 monitored, 1 risk eliminated, 2 below, 2 near,
        // 2 exited below, 2 failing assurance, 7,001 元 benefits, 20,000 元 overdue, 2 missed weeks, 1 weak village.
        Assert.Contains("甲镇616332122227,00120,00021", text, StringComparison.Ordinal);
        Assert.Contains("乙乡2420001010320011", text, StringComparison.Ordinal);
        Assert.Contains("合计820532132327,32120,00032", text, StringComparison.Ordinal);
        Assert.Contains("贫困户属性：一般贫困户", text, StringComparison.Ordinal);
        // Every row of the table is printed, each under its own name.
        Assert.All(d.Areas, area => Assert.Contains(area.Name, text, StringComparison.Ordinal));
    }

    /// <summary>The household list's query from a link, read the way HouseholdListPage reads its query string.</summary>
    private static ListHouseholds.Query QueryOf(string link)
    {
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)
            .ToDictionary(p => p.Key, p => p.Value.ToString());
        int? Int(string key) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        TEnum? Enum<TEnum>(string key) where TEnum : struct, System.Enum =>
            values.TryGetValue(key, out var v) ? System.Enum.Parse<TEnum>(v, ignoreCase: true) : null;
        return new ListHouseholds.Query
        {
            TownshipId = Int("township"), VillageId = Int("village"), Standing = Enum<RegistryStanding>("standing"), Year = Int("year"),
            Category = Enum<PovertyCategory>("category"), PrimaryCause = Enum<PovertyCause>("primaryCause"),
            MonitoringType = Enum<MonitoringType>("monitoring"), Status = Enum<HouseholdStatus>("status"), ExitYear = Int("exitYear"),
            IncomeWarning = Enum<IncomeWarning>("incomeWarning"), IncomeYear = Int("incomeYear"),
            Assurance = values.TryGetValue("assurance", out var assurance) ? AssuranceFailure.Parse(assurance, Int("year")!.Value) : null,
            CountyId = Int("county"),
        };
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class DashboardTestsOnSqlite(SqliteAppFixture app) : DashboardTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class DashboardTestsOnPostgreSql(PostgreSqlAppFixture app) : DashboardTests(app);
