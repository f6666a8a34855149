using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
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

    /// <summary>A system context with the interceptor that keeps Household.LivingMembers, as the app's contexts have.</summary>
    private PortalDbContext SystemDbKeepingSizes()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, app.Provider, app.ConnectionString);
        options.AddInterceptors(app.Factory.Services.GetRequiredService<HouseholdSizeInterceptor>());
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
        };
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class DashboardTestsOnSqlite(SqliteAppFixture app) : DashboardTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class DashboardTestsOnPostgreSql(PostgreSqlAppFixture app) : DashboardTests(app);
