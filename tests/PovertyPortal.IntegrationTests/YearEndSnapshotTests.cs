using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Snapshots;
using PovertyPortal.Domain.Users;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Dashboard;
using PovertyPortal.Web.Features.Snapshots;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// Year-end snapshots (issue 18, decision 0028) of a small county built here: freezing, immutability after edits to the
/// register, figures as of the snapshot against the live figures at freezing, the year-over-year changes and their
/// reasons, a second freeze refused, and the scope of a township official.
/// </summary>
public abstract class YearEndSnapshotTests(PortalAppFixture app)
{
    private sealed record County(int CountyId, int TownshipA, int TownshipB, List<int> Households, string CountyUser, string TownshipUser);

    //  #  village status        category  identified exit  monitoring (in, eliminated)      living  2020: income, benefits, check
    //  0  A1      Exited        General   2014       2016                                    2      3,000; 产业 1,000.50 + 低保 2,400; fails 住房
    //  1  A1      Exited        Dibao     2014       2020                                    4      5,000; 低保 3,600; fails 饮水水质, 住房
    //  2  A1      Identified    Tekun     2015                                               1      9,000
    //  3  A1      Returned      General   2014                                               2      4,100
    //  4  A1      Removed       General   2014                                               3
    //  5  A2      Exited        General   2016       2018  UnstableExited 2020-07-01, 2021-03-01  5   4,000
    //  6  A2      Identified    General   2020                                               2      6,200
    //  7  A2      NotRegistered                            Marginal 2020-05-01, 2020-11-01  3
    //  8  B1      Exited        Dibao     2015       2019                                    3      2,000; 医保代缴 320; meets all
    //  9  B1      NotRegistered                            SuddenHardship 2021-02-01         2
    // 10  B1      Exited        General   2014       2017                                    1
    private async Task<County> ArrangeAsync()
    {
        var code = Random.Shared.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
        var county = new Domain.Areas.County { AdminCode = $"45{code}000000", Name = $"快照县{code}" };
        var a = new Township { County = county, AdminCode = $"45{code}101000", Name = "甲镇" };
        var b = new Township { County = county, AdminCode = $"45{code}102000", Name = "乙乡" };
        var a1 = new Village { County = county, AdminCode = $"45{code}101201", Name = "甲一村" };
        var a2 = new Village { County = county, AdminCode = $"45{code}101202", Name = "甲二村" };
        var b1 = new Village { County = county, AdminCode = $"45{code}102201", Name = "乙一村" };
        a.Villages.AddRange([a1, a2]);
        b.Villages.Add(b1);
        county.Townships.AddRange([a, b]);
        List<Household> households;
        await using (var db = app.SystemDb())
        {
            db.Counties.Add(county);
            await db.SaveChangesAsync();
            var number = 0;
            Household H(Village v, HouseholdStatus status, PovertyCategory? category, int? identified, int? exit, int living,
                MonitoringType? monitoring = null, DateOnly? monitoredOn = null, DateOnly? eliminatedOn = null)
            {
                var household = new Household
                {
                    CountyId = county.Id, TownshipId = v.TownshipId, VillageId = v.Id, HouseholdNumber = $"{v.AdminCode}{number++:D4}",
                    Status = status, Category = category, PrimaryCause = PovertyCause.Illness, IdentificationYear = identified, ExitYear = exit,
                    MonitoringType = monitoring, MonitoringIdentifiedOn = monitoredOn, RiskEliminatedOn = eliminatedOn, Version = Guid.NewGuid(),
                };
                for (var i = 0; i < living; i++)
                {
                    household.Members.Add(NewMember(household, $"成员{number}-{i}", i == 0 ? Relationship.Head : Relationship.Other, new DateOnly(1980, 1, 1),
                        i == 0 ? HealthStatus.Disabled : HealthStatus.Healthy));
                }
                return household;
            }
            households =
            [
                H(a1, HouseholdStatus.Exited, PovertyCategory.General, 2014, 2016, 2),
                H(a1, HouseholdStatus.Exited, PovertyCategory.Dibao, 2014, 2020, 4),
                H(a1, HouseholdStatus.Identified, PovertyCategory.Tekun, 2015, null, 1),
                H(a1, HouseholdStatus.Returned, PovertyCategory.General, 2014, null, 2),
                H(a1, HouseholdStatus.Removed, PovertyCategory.General, 2014, null, 3),
                H(a2, HouseholdStatus.Exited, PovertyCategory.General, 2016, 2018, 5, MonitoringType.UnstableExited, new(2020, 7, 1), new(2021, 3, 1)),
                H(a2, HouseholdStatus.Identified, PovertyCategory.General, 2020, null, 2),
                H(a2, HouseholdStatus.NotRegistered, null, null, null, 3, MonitoringType.Marginal, new(2020, 5, 1), new(2020, 11, 1)),
                H(b1, HouseholdStatus.Exited, PovertyCategory.Dibao, 2015, 2019, 3),
                H(b1, HouseholdStatus.NotRegistered, null, null, null, 2, MonitoringType.SuddenHardship, new(2021, 2, 1)),
                H(b1, HouseholdStatus.Exited, PovertyCategory.General, 2014, 2017, 1),
            ];
            db.Households.AddRange(households);
            await db.SaveChangesAsync();

            var programs = await db.BenefitPrograms.ToDictionaryAsync(p => p.Code, p => p.Id);
            var h = households;
            db.IncomeRecords.AddRange(Income(h[0], 2020, 3000m), Income(h[1], 2020, 5000m), Income(h[2], 2020, 9000m), Income(h[3], 2020, 4100m),
                Income(h[5], 2020, 4000m), Income(h[6], 2020, 6200m), Income(h[8], 2020, 2000m));
            BenefitRecord Benefit(Household x, string program, decimal amount) => new()
            {
                HouseholdId = x.Id, CountyId = x.CountyId, TownshipId = x.TownshipId, VillageId = x.VillageId, ProgramId = programs[program], Year = 2020, Amount = amount,
            };
            db.BenefitRecords.AddRange(Benefit(h[0], "IndustrySubsidy", 1000.50m), Benefit(h[0], "Dibao", 2400m), Benefit(h[1], "Dibao", 3600m),
                Benefit(h[8], "InsurancePremiumWaiver", 320m));
            db.AssuranceChecks.AddRange(Check(h[0], AssuranceItemKind.HousingSafety),
                Check(h[1], AssuranceItemKind.DrinkingWaterQuality, AssuranceItemKind.HousingSafety), Check(h[8]));
            await db.SaveChangesAsync();
        }

        var countyUser = $"sc{code}{Guid.NewGuid():N}"[..14];
        var townshipUser = $"st{code}{Guid.NewGuid():N}"[..14];
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var supervisor = new PortalUser { UserName = countyUser, DisplayName = "县级督导测试", CountyId = county.Id };
            Assert.True((await users.CreateAsync(supervisor, "Snapshot-2026-xyz")).Succeeded);
            await users.AddToRoleAsync(supervisor, PortalRoles.CountySupervisor);
            var official = new PortalUser { UserName = townshipUser, DisplayName = "乡镇干部测试", CountyId = county.Id, TownshipId = a.Id };
            Assert.True((await users.CreateAsync(official, "Snapshot-2026-xyz")).Succeeded);
            await users.AddToRoleAsync(official, PortalRoles.TownshipOfficial);
        }
        return new County(county.Id, a.Id, b.Id, households.Select(x => x.Id).ToList(), countyUser, townshipUser);
    }

    private static Member NewMember(Household household, string name, Relationship relationship, DateOnly born, HealthStatus health = HealthStatus.Healthy) => new()
    {
        HouseholdId = household.Id, CountyId = household.CountyId, TownshipId = household.TownshipId, VillageId = household.VillageId,
        Name = name, ResidentId = $"45{Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999)}"[..18],
        Relationship = relationship, BirthDate = born, Health = health, DisabilityGrade = health == HealthStatus.Disabled ? 2 : null, Version = Guid.NewGuid(),
    };

    private static IncomeRecord Income(Household x, int year, decimal perCapita) => new()
    {
        HouseholdId = x.Id, CountyId = x.CountyId, TownshipId = x.TownshipId, VillageId = x.VillageId, Year = year,
        WageIncome = perCapita, MeasuredMonths = 0xFFF, MeasuredNet = perCapita, AnnualNet = perCapita, MemberYears = 1, NetIncomePerCapita = perCapita,
    };

    private static AssuranceCheck Check(Household x, params AssuranceItemKind[] failing) => new()
    {
        HouseholdId = x.Id, CountyId = x.CountyId, TownshipId = x.TownshipId, VillageId = x.VillageId, Year = 2020,
        Items = Enum.GetValues<AssuranceItemKind>().Select(k => new AssuranceItem
        {
            CountyId = x.CountyId, TownshipId = x.TownshipId, VillageId = x.VillageId, Kind = k, Met = !failing.Contains(k),
        }).ToList(),
    };

    private async Task<T> AsAsync<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await work(scope.ServiceProvider);
    }

    private Task<Web.Features.Common.CommandResult<int>> FreezeAsync(string userName, int year) =>
        AsAsync(userName, s => s.GetRequiredService<FreezeYearEndSnapshot>().HandleAsync(new FreezeYearEndSnapshot.Command { Year = year }));

    /// <summary>Every row of a snapshot, as text: compared before and after edits to the register.</summary>
    private async Task<List<string>> SnapshotRowsAsync(int snapshotId)
    {
        await using var db = app.SystemDb();
        var households = await db.SnapshotHouseholds.AsNoTracking().Where(h => h.SnapshotId == snapshotId).OrderBy(h => h.Id).ToListAsync();
        var members = await db.SnapshotMembers.AsNoTracking().Where(m => m.SnapshotId == snapshotId).OrderBy(m => m.Id).ToListAsync();
        var benefits = await db.SnapshotBenefits.AsNoTracking().Where(b => b.SnapshotId == snapshotId).OrderBy(b => b.Id).ToListAsync();
        var header = await db.YearEndSnapshots.AsNoTracking().SingleAsync(s => s.Id == snapshotId);
        return
        [
            System.Text.Json.JsonSerializer.Serialize(header),
            .. households.Select(h => System.Text.Json.JsonSerializer.Serialize(h)),
            .. members.Select(m => System.Text.Json.JsonSerializer.Serialize(m)),
            .. benefits.Select(b => System.Text.Json.JsonSerializer.Serialize(b)),
        ];
    }

    [Fact]
    public async Task Edits_to_households_members_income_and_benefits_after_freezing_leave_the_snapshot_as_it_was()
    {
        var c = await ArrangeAsync();
        var frozen = await FreezeAsync(c.CountyUser, 2020);
        Assert.True(frozen.Succeeded, frozen.Outcome.Summary);
        var before = await SnapshotRowsAsync(frozen.Value);

        await using (var db = app.SystemDb())
        {
            var snapshot = await db.YearEndSnapshots.SingleAsync(s => s.Id == frozen.Value);
            Assert.Equal((11, 28, 7, 4, 3), (snapshot.Households, snapshot.Members, snapshot.IncomeRecords, snapshot.BenefitRecords, snapshot.AssuranceChecks));
            Assert.Equal(11, await db.SnapshotHouseholds.CountAsync(h => h.SnapshotId == snapshot.Id));
            Assert.Equal(28, await db.SnapshotMembers.CountAsync(m => m.SnapshotId == snapshot.Id));
            // Household 0's two benefits of different programs, household 1's and 8's: one row per household and program.
            Assert.Equal(4, await db.SnapshotBenefits.CountAsync(b => b.SnapshotId == snapshot.Id));
            var first = await db.SnapshotHouseholds.SingleAsync(h => h.SnapshotId == snapshot.Id && h.HouseholdId == c.Households[0]);
            Assert.Equal((true, true, 300_000L, 1 << (int)AssuranceItemKind.HousingSafety), (first.IsRegistered, first.IsExited, first.NetIncomePerCapitaInFen, first.FailedItems));
            Assert.Equal(HealthStatus.Disabled, (await db.SnapshotMembers.FirstAsync(m => m.SnapshotId == snapshot.Id && m.HouseholdId == c.Households[0] && m.Relationship == Relationship.Head)).Health);

            var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.Id == c.Households[2]);
            household.Category = PovertyCategory.Dibao;
            household.Members[0].Health = HealthStatus.Healthy;
            household.Members[0].DisabilityGrade = null;
            db.Members.Add(NewMember(household, "新生儿", Relationship.Grandson, new DateOnly(2020, 10, 1)));
            var income = await db.IncomeRecords.SingleAsync(r => r.HouseholdId == c.Households[2] && r.Year == 2020);
            income.NetIncomePerCapita = 1234m;
            var benefit = await db.BenefitRecords.FirstAsync(r => r.HouseholdId == c.Households[0] && r.Year == 2020);
            benefit.Amount = 99m;
            db.BenefitRecords.Add(new BenefitRecord
            {
                HouseholdId = household.Id, CountyId = household.CountyId, TownshipId = household.TownshipId, VillageId = household.VillageId,
                ProgramId = benefit.ProgramId, Year = 2020, Amount = 500m,
            });
            await db.SaveChangesAsync();
        }
        Assert.Equal(before, await SnapshotRowsAsync(frozen.Value));

        // Nothing in the app writes a frozen row: the save is refused whether it changes or removes one.
        await using (var db = app.SystemDb())
        {
            var row = await db.SnapshotHouseholds.FirstAsync(h => h.SnapshotId == frozen.Value);
            row.LivingMembers = 99;
            Assert.Contains("不能修改或删除", (await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message);
        }
        await using (var db = app.SystemDb())
        {
            db.SnapshotMembers.Remove(await db.SnapshotMembers.FirstAsync(m => m.SnapshotId == frozen.Value));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.YearEndSnapshots.Remove(await db.YearEndSnapshots.SingleAsync(s => s.Id == frozen.Value));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        Assert.Equal(before, await SnapshotRowsAsync(frozen.Value));

        // Health is personal data: stored encrypted under the snapshot's own column name, never in plain.
        await using (var db = app.SystemDb())
        {
            var stored = await db.Database.SqlQuery<string>($"SELECT \"Health\" AS \"Value\" FROM \"SnapshotMembers\" WHERE \"SnapshotId\" = {frozen.Value}").ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, v => Assert.StartsWith("pd", v));
            Assert.DoesNotContain(stored, v => v.Contains(nameof(HealthStatus.Disabled), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Figures_as_of_the_snapshot_equal_the_live_figures_at_freezing_for_the_county_and_a_township()
    {
        var c = await ArrangeAsync();
        var liveCounty = await AsAsync(c.CountyUser, s => s.GetRequiredService<GetDashboard>().HandleAsync(new DashboardQuery(2020)));
        var liveTownship = await AsAsync(c.TownshipUser, s => s.GetRequiredService<GetDashboard>().HandleAsync(new DashboardQuery(2020)));
        var frozen = await FreezeAsync(c.CountyUser, 2020);
        Assert.True(frozen.Succeeded, frozen.Outcome.Summary);

        // The register changes afterwards: the live figures move, the snapshot's do not.
        await using (var db = app.SystemDb())
        {
            var household = await db.Households.SingleAsync(h => h.Id == c.Households[2]);
            household.Status = HouseholdStatus.Exited;
            household.ExitYear = 2020;
            (await db.IncomeRecords.SingleAsync(r => r.HouseholdId == c.Households[6] && r.Year == 2020)).NetIncomePerCapita = 100m;
            await db.SaveChangesAsync();
        }
        var liveAfter = await AsAsync(c.CountyUser, s => s.GetRequiredService<GetDashboard>().HandleAsync(new DashboardQuery(2020)));
        Assert.NotEqual(liveCounty.Exited, liveAfter.Exited);

        var asOfCounty = await AsAsync(c.CountyUser, s => s.GetRequiredService<GetSnapshotDashboard>().HandleAsync(frozen.Value, null));
        var asOfTownship = await AsAsync(c.TownshipUser, s => s.GetRequiredService<GetSnapshotDashboard>().HandleAsync(frozen.Value, null));
        Assert.NotNull(asOfCounty);
        Assert.NotNull(asOfTownship);
        Assert.Equal(frozen.Value, asOfCounty.Snapshot?.Id);
        AssertSameFigures(liveCounty, asOfCounty);
        AssertSameFigures(liveTownship, asOfTownship);
        // The hand-counted figures of the table above, as a check that the comparison compares something.
        Assert.Equal((8, 5, 3), (asOfCounty.Registered, asOfCounty.Exited, asOfCounty.Remaining));
        Assert.Equal((3, 2, 3), (asOfCounty.BelowLine, asOfCounty.NearLine, asOfCounty.ExitedBelowLine));
        Assert.Equal(7320.50m, asOfCounty.BenefitAmount);
        Assert.Equal((3, 2), (asOfCounty.HouseholdsChecked, asOfCounty.HouseholdsFailingAssurance));
        Assert.All(asOfTownship.Registry, r => Assert.Equal(c.TownshipA, r.TownshipId));
    }

    private static void AssertSameFigures(Dashboard live, Dashboard snapshot)
    {
        Assert.Equal(live.Areas, snapshot.Areas);
        Assert.Equal(Sorted(live.Registry), Sorted(snapshot.Registry));
        Assert.Equal(live.ExitsPerYear, snapshot.ExitsPerYear);
        Assert.Equal(Sorted(live.Causes), Sorted(snapshot.Causes));
        Assert.Equal(Sorted(live.Monitoring), Sorted(snapshot.Monitoring));
        Assert.Equal(Sorted(live.Income), Sorted(snapshot.Income));
        Assert.Equal(Sorted(live.Benefits), Sorted(snapshot.Benefits));
        Assert.Equal(Sorted(live.AssuranceChecked), Sorted(snapshot.AssuranceChecked));
        Assert.Equal(Sorted(live.AssuranceFailing), Sorted(snapshot.AssuranceFailing));
        Assert.Equal(Sorted(live.AssuranceFailingHouseholds), Sorted(snapshot.AssuranceFailingHouseholds));
    }

    private static List<T> Sorted<T>(IEnumerable<T> rows) => rows.OrderBy(r => r!.ToString(), StringComparer.Ordinal).ToList();

    [Fact]
    public async Task A_second_freeze_of_the_same_year_is_refused_and_a_township_official_may_not_freeze()
    {
        var c = await ArrangeAsync();
        Assert.True((await FreezeAsync(c.CountyUser, 2020)).Succeeded);
        var again = await FreezeAsync(c.CountyUser, 2020);
        Assert.False(again.Succeeded);
        Assert.Contains("不能重复冻结", again.Outcome.Summary);
        var township = await FreezeAsync(c.TownshipUser, 2021);
        Assert.False(township.Succeeded);
        Assert.Equal(SnapshotAccess.RoleRefusal, township.Outcome.Summary);
        var future = await FreezeAsync(c.CountyUser, 2100);
        Assert.False(future.Succeeded);
        await using var db = app.SystemDb();
        Assert.Equal([2020], await db.YearEndSnapshots.Where(s => s.CountyId == c.CountyId).Select(s => s.Year).ToListAsync());
        Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditActions.SnapshotFrozen && e.UserName == c.CountyUser));
    }

    [Fact]
    public async Task A_township_official_reads_only_their_townships_part_of_a_snapshot()
    {
        var c = await ArrangeAsync();
        var frozen = await FreezeAsync(c.CountyUser, 2020);
        Assert.True(frozen.Succeeded);
        await using var scope = await app.ScopeForAsync(c.TownshipUser);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var households = await db.SnapshotHouseholds.Where(h => h.SnapshotId == frozen.Value).ToListAsync();
        var members = await db.SnapshotMembers.Where(m => m.SnapshotId == frozen.Value).ToListAsync();
        var benefits = await db.SnapshotBenefits.Where(b => b.SnapshotId == frozen.Value).ToListAsync();
        Assert.Equal(8, households.Count);
        Assert.All(households, h => Assert.Equal(c.TownshipA, h.TownshipId));
        Assert.Equal(22, members.Count);
        Assert.All(members, m => Assert.Equal(c.TownshipA, m.TownshipId));
        Assert.Equal(3, benefits.Count);
        Assert.All(benefits, b => Assert.Equal(c.TownshipA, b.TownshipId));
        // The snapshot itself is the county's: listed, with its county-wide counts.
        var listed = await scope.ServiceProvider.GetRequiredService<ListYearEndSnapshots>().HandleAsync();
        Assert.Contains(listed, i => i.Snapshot.Id == frozen.Value);
    }

    [Fact]
    public async Task The_changes_between_two_snapshots_carry_the_reason_the_records_tell_or_wait_for_one()
    {
        var c = await ArrangeAsync();
        var h = c.Households;
        var first = await FreezeAsync(c.CountyUser, 2020);
        Assert.True(first.Succeeded);
        string newNumber;
        await using (var db = app.SystemDb())
        {
            var all = await db.Households.Include(x => x.Members).Where(x => x.CountyId == c.CountyId).ToDictionaryAsync(x => x.Id);
            var exits = all[h[2]];
            (exits.Status, exits.ExitYear) = (HouseholdStatus.Exited, 2021);
            exits.AddStatusStep(new DateOnly(2021, 11, 1), null);
            all[h[0]].Status = HouseholdStatus.Returned;
            all[h[0]].AddStatusStep(new DateOnly(2021, 6, 1), null);
            all[h[6]].Status = HouseholdStatus.Removed;
            all[h[6]].AddStatusStep(new DateOnly(2021, 5, 1), "识别不准");
            db.Members.Add(NewMember(all[h[1]], "新生儿", Relationship.Grandson, new DateOnly(2021, 5, 1)));
            all[h[8]].Members[1].IsDeceased = true;
            all[h[8]].Members[1].DeceasedOn = new DateOnly(2021, 8, 1);
            all[h[3]].Category = PovertyCategory.Dibao;
            db.Members.Add(NewMember(all[h[4]], "迁入成员", Relationship.Other, new DateOnly(1990, 1, 1)));
            db.IncomeRecords.Add(Income(all[h[7]], 2021, 8000m));
            var village = all[h[8]];
            var newcomer = new Household
            {
                CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.VillageId, HouseholdNumber = village.HouseholdNumber + "N",
                Status = HouseholdStatus.Identified, Category = PovertyCategory.General, IdentificationYear = 2021, Version = Guid.NewGuid(),
            };
            newcomer.AddStatusStep(new DateOnly(2021, 3, 1), null);
            newNumber = newcomer.HouseholdNumber;
            db.Households.Add(newcomer);
            await db.SaveChangesAsync();
            // Written behind the portal's back (no field history): nothing tells why.
            await db.Households.Where(x => x.Id == h[10]).ExecuteUpdateAsync(x => x.SetProperty(p => p.Category, PovertyCategory.Tekun));
        }
        var second = await FreezeAsync(c.CountyUser, 2021);
        Assert.True(second.Succeeded, second.Outcome.Summary);

        var result = await AsAsync(c.CountyUser, s => s.GetRequiredService<GetSnapshotChanges>().HandleAsync(new(first.Value, second.Value)));
        Assert.NotNull(result);
        var reasons = result.Changes.ToDictionary(x => x.HouseholdId, x => x.Reason);
        Assert.Equal(SnapshotChangeReason.Exited, reasons[h[2]]);
        Assert.Equal(SnapshotChangeReason.Returned, reasons[h[0]]);
        Assert.Equal(SnapshotChangeReason.Removed, reasons[h[6]]);
        Assert.Equal(SnapshotChangeReason.NaturalChange, reasons[h[1]]);
        Assert.Equal(SnapshotChangeReason.NaturalChange, reasons[h[8]]);
        Assert.Equal(SnapshotChangeReason.CategoryChange, reasons[h[3]]);
        Assert.Equal(SnapshotChangeReason.Unexplained, reasons[h[4]]);
        Assert.Equal(SnapshotChangeReason.IncomeMeasured, reasons[h[7]]);
        Assert.Equal(SnapshotChangeReason.Unexplained, reasons[h[10]]);
        // Monitoring taken in (9) and risk eliminated (5) in 2021, told by their dates.
        Assert.Equal(SnapshotChangeReason.MonitoringChange, reasons[h[9]]);
        Assert.Equal(SnapshotChangeReason.MonitoringChange, reasons[h[5]]);
        var newcomerChange = Assert.Single(result.Changes, x => x.HouseholdNumber == newNumber);
        Assert.Equal(SnapshotChangeReason.NewlyIdentified, newcomerChange.Reason);
        Assert.Equal(SnapshotChangeKind.Category, result.Changes.Single(x => x.HouseholdId == h[10]).Kind);
        Assert.Equal((3, 4), (result.Changes.Single(x => x.HouseholdId == h[4]).FromSize, result.Changes.Single(x => x.HouseholdId == h[4]).ToSize));
        Assert.Equal(2, result.PerReason[SnapshotChangeReason.Unexplained]);
        Assert.Equal(result.Changes.Count, result.PerVillage.Sum(v => v.Changes));

        // 待说明 until the county says why; the reason is kept beside the pair and audited.
        var explained = await AsAsync(c.CountyUser, s => s.GetRequiredService<ExplainSnapshotChange>().HandleAsync(new ExplainSnapshotChange.Command
        {
            FromSnapshotId = first.Value, ToSnapshotId = second.Value, HouseholdId = h[10], Reason = SnapshotChangeReason.Correction, Note = "类别录入错误",
        }));
        Assert.True(explained.Succeeded, explained.Summary);
        var refused = await AsAsync(c.TownshipUser, s => s.GetRequiredService<ExplainSnapshotChange>().HandleAsync(new ExplainSnapshotChange.Command
        {
            FromSnapshotId = first.Value, ToSnapshotId = second.Value, HouseholdId = h[4], Reason = SnapshotChangeReason.Other, Note = "迁入",
        }));
        Assert.False(refused.Succeeded);
        var again = await AsAsync(c.CountyUser, s => s.GetRequiredService<GetSnapshotChanges>().HandleAsync(new(first.Value, second.Value)));
        var corrected = again!.Changes.Single(x => x.HouseholdId == h[10]);
        Assert.Equal((SnapshotChangeReason.Correction, true, "类别录入错误"), (corrected.Reason, corrected.GivenByUser, corrected.Note));
        Assert.Equal(1, again.PerReason[SnapshotChangeReason.Unexplained]);
        await using (var db = app.SystemDb())
        {
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditActions.SnapshotChangeExplained && e.UserName == c.CountyUser
                && e.RecordId == h[10].ToString(CultureInfo.InvariantCulture)));
        }

        // A township official's diff holds their township's households only; the export has a row per change.
        var township = await AsAsync(c.TownshipUser, s => s.GetRequiredService<GetSnapshotChanges>().HandleAsync(new(first.Value, second.Value)));
        Assert.NotNull(township);
        Assert.NotEmpty(township.Changes);
        Assert.All(township.Changes, x => Assert.Equal(c.TownshipA, x.TownshipId));
        var table = SnapshotChangesWorkbook.Table(again);
        Assert.Equal(again.Changes.Count + 1 + again.PerReason.Count, table.Rows.Count);
        using var file = new MemoryStream();
        table.WriteXlsx(file);
        Assert.True(file.Length > 0);
    }

    [Fact]
    public async Task The_changes_from_a_snapshot_to_the_live_register_of_the_same_year_are_corrections()
    {
        var c = await ArrangeAsync();
        var frozen = await FreezeAsync(c.CountyUser, 2020);
        Assert.True(frozen.Succeeded);
        await using (var db = app.SystemDb())
        {
            (await db.IncomeRecords.SingleAsync(r => r.HouseholdId == c.Households[6] && r.Year == 2020)).NetIncomePerCapita = 3900m;
            var household = await db.Households.SingleAsync(x => x.Id == c.Households[10]);
            household.ExitYear = 2020;
            household.Status = HouseholdStatus.Identified;
            await db.SaveChangesAsync();
        }
        var result = await AsAsync(c.CountyUser, s => s.GetRequiredService<GetSnapshotChanges>().HandleAsync(new(frozen.Value, null, 2020)));
        Assert.NotNull(result);
        Assert.Null(result.To);
        var income = result.Changes.Single(x => x.HouseholdId == c.Households[6]);
        Assert.Equal((SnapshotChangeKind.Income, SnapshotChangeReason.Correction, 6200m, 3900m), (income.Kind, income.Reason, income.FromIncome, income.ToIncome));
        // Exited → remaining with no 返贫 step: nothing tells why.
        Assert.Equal(SnapshotChangeReason.Unexplained, result.Changes.Single(x => x.HouseholdId == c.Households[10]).Reason);
        Assert.Equal(2, result.Changes.Count);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class YearEndSnapshotTestsOnSqlite(SqliteAppFixture app) : YearEndSnapshotTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class YearEndSnapshotTestsOnPostgreSql(PostgreSqlAppFixture app) : YearEndSnapshotTests(app);
