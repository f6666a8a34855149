using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Income;
using PovertyPortal.Web.Features.WorkTeams;
using PovertyPortal.Web.Features.YearLocks;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// 年度锁定 (issue 20, decision 0032) on a county of its own with two townships: a locked township year refuses every
/// write into it (the forms' handlers, the county's own context, the import's bulk rows) with the Chinese message and
/// writes nothing; other years and townships go on; unlocking needs a reason and is audited; only the county locks.
/// </summary>
public abstract class YearLockTests(PortalAppFixture app)
{
    private sealed record County(int CountyId, int TownshipA, int TownshipB, int VillageA, int HouseholdA, int HouseholdB,
        int TeamA, int MemberA, string CountyUser, string TownshipUser);

    /// <summary>Last year: locked by the tests; the year before stays open.</summary>
    private static int LockedYear => PortalYears.ThisYear(TimeProvider.System) - 1;

    private static int OpenYear => LockedYear - 1;

    private const string NameA = "锁甲镇";

    private async Task<County> ArrangeAsync()
    {
        var code = Random.Shared.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
        var county = new Domain.Areas.County { AdminCode = $"46{code}000000", Name = $"锁定县{code}" };
        var a = new Township { County = county, AdminCode = $"46{code}101000", Name = NameA };
        var b = new Township { County = county, AdminCode = $"46{code}102000", Name = "锁乙乡" };
        var a1 = new Village { County = county, AdminCode = $"46{code}101201", Name = "甲一村" };
        var b1 = new Village { County = county, AdminCode = $"46{code}102201", Name = "乙一村" };
        a.Villages.Add(a1);
        b.Villages.Add(b1);
        county.Townships.AddRange([a, b]);
        Household householdA, householdB;
        WorkTeam team;
        await using (var db = app.SystemDb())
        {
            db.Counties.Add(county);
            await db.SaveChangesAsync();
            householdA = NewHousehold(a1, $"46{code}1012010001");
            householdB = NewHousehold(b1, $"46{code}1022010001");
            db.Households.AddRange(householdA, householdB);
            team = new WorkTeam
            {
                CountyId = county.Id, TownshipId = a.Id, VillageId = a1.Id, DispatchingUnit = "县农业农村局", StartDate = new DateOnly(OpenYear - 1, 1, 1),
                Members = [new WorkTeamMember { Name = "驻村队员", StartDate = new DateOnly(OpenYear - 1, 1, 1) }],
            };
            db.WorkTeams.Add(team);
            await db.SaveChangesAsync();
        }

        var countyUser = $"yc{code}{Guid.NewGuid():N}"[..14];
        var townshipUser = $"yt{code}{Guid.NewGuid():N}"[..14];
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var supervisor = new PortalUser { UserName = countyUser, DisplayName = "县级督导测试", CountyId = county.Id };
            Assert.True((await users.CreateAsync(supervisor, "YearLock-2026-xyz")).Succeeded);
            await users.AddToRoleAsync(supervisor, PortalRoles.CountySupervisor);
            var official = new PortalUser { UserName = townshipUser, DisplayName = "乡镇干部测试", CountyId = county.Id, TownshipId = a.Id };
            Assert.True((await users.CreateAsync(official, "YearLock-2026-xyz")).Succeeded);
            await users.AddToRoleAsync(official, PortalRoles.TownshipOfficial);
        }
        return new County(county.Id, a.Id, b.Id, a1.Id, householdA.Id, householdB.Id, team.Id, team.Members[0].Id, countyUser, townshipUser);
    }

    private static Household NewHousehold(Village village, string number)
    {
        var household = new Household
        {
            CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id, HouseholdNumber = number,
            Status = HouseholdStatus.Identified, Category = PovertyCategory.General, PrimaryCause = PovertyCause.Illness,
            IdentificationYear = 2016, Version = Guid.NewGuid(),
        };
        household.Members.Add(new Member
        {
            CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id, Name = "户主" + number[^4..],
            ResidentId = $"46{Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999)}"[..18],
            Relationship = Relationship.Head, BirthDate = new DateOnly(1970, 1, 1), Version = Guid.NewGuid(),
        });
        household.AddStatusStep(HouseholdStatus.Identified, new DateOnly(2016, 1, 1), 2016, null);
        return household;
    }

    private async Task<T> AsAsync<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await work(scope.ServiceProvider);
    }

    private Task<CommandResult<int>> LockAsync(string userName, int year, int? townshipId) =>
        AsAsync(userName, s => s.GetRequiredService<LockYear>().HandleAsync(new LockYear.Command { TownshipId = townshipId, Year = year }));

    private Task<CommandResult> UnlockAsync(string userName, int townshipId, int year, string? reason) =>
        AsAsync(userName, s => s.GetRequiredService<UnlockYear>().HandleAsync(new UnlockYear.Command { TownshipId = townshipId, Year = year, Reason = reason }));

    /// <summary>An income form's save as the dialog makes it (through SaveGuard).</summary>
    private Task<CommandResult<int>> SaveIncomeAsync(string userName, int householdId, int year, decimal wage = 8000m) =>
        AsAsync(userName, s => SaveGuard.RunAsync(() => s.GetRequiredService<SaveIncomeRecord>().HandleAsync(new SaveIncomeRecord.Command
        {
            HouseholdId = householdId, Year = year, WageIncome = wage, OperatingIncome = 0m, PropertyIncome = 0m, TransferIncome = 1200m, ProductionCosts = 0m,
        })));

    private Task<CommandResult> RecordAttendanceAsync(string userName, County c, DateOnly monday) =>
        AsAsync(userName, s => SaveGuard.RunAsync(() => s.GetRequiredService<RecordAttendanceWeek>().HandleAsync(new RecordAttendanceWeek.Command
        {
            WorkTeamId = c.TeamA, Monday = monday.ToDateTime(TimeOnly.MinValue), MemberIds = [c.MemberA],
            Days = Enumerable.Range(0, 7).Select(i => new RecordAttendanceWeek.DayEntry { Present = i < 5, StayedNight = i < 4 }).ToList(),
        })));

    private static DateOnly FirstMondayOfJune(int year)
    {
        var day = new DateOnly(year, 6, 1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }

    [Fact]
    public async Task A_locked_year_refuses_a_township_officials_income_and_attendance_with_the_message_and_writes_nothing()
    {
        var c = await ArrangeAsync();
        var locked = await LockAsync(c.CountyUser, LockedYear, c.TownshipA);
        Assert.True(locked.Succeeded, locked.Outcome.Summary);
        Assert.Equal(1, locked.Value);
        var message = YearLock.LockedMessage(LockedYear, NameA);
        Assert.Equal($"{LockedYear}年度锁甲镇的数据已锁定，不能修改；如需更正请联系县级督导解锁", message);

        var income = await SaveIncomeAsync(c.TownshipUser, c.HouseholdA, LockedYear);
        Assert.False(income.Succeeded);
        Assert.Equal(message, income.Outcome.Summary);
        var attendance = await RecordAttendanceAsync(c.TownshipUser, c, FirstMondayOfJune(LockedYear));
        Assert.False(attendance.Succeeded);
        Assert.Equal(message, attendance.Summary);
        // A status step of the year comes only from an approved procedure now (decision 0031); ProcedureCaseTests has
        // the approval refused in a locked year.

        // Called without the forms' SaveGuard, the handler meets the exception itself, the type a caller catches.
        var thrown = await Assert.ThrowsAsync<YearLockedException>(() => AsAsync(c.TownshipUser, s => s.GetRequiredService<SaveIncomeRecord>()
            .HandleAsync(new SaveIncomeRecord.Command { HouseholdId = c.HouseholdA, Year = LockedYear, WageIncome = 1m, OperatingIncome = 0m, PropertyIncome = 0m, TransferIncome = 0m, ProductionCosts = 0m })));
        Assert.Equal((c.TownshipA, LockedYear, message), (thrown.TownshipId, thrown.Year, thrown.Message));

        await using var db = app.SystemDb();
        Assert.False(await db.IncomeRecords.AnyAsync(r => r.HouseholdId == c.HouseholdA));
        Assert.False(await db.AttendanceDays.AnyAsync(d => d.WorkTeamId == c.TeamA));
        var household = await db.Households.Include(h => h.StatusHistory).SingleAsync(h => h.Id == c.HouseholdA);
        Assert.Equal((HouseholdStatus.Identified, (int?)null), (household.Status, household.ExitYear));
        Assert.Equal([2016], household.StatusHistory.Select(s => s.Year).ToList());
        Assert.False(await db.FieldChanges.AnyAsync(f => f.HouseholdId == c.HouseholdA));
    }

    [Fact]
    public async Task Other_years_and_other_townships_are_not_affected_and_a_record_cannot_move_into_or_out_of_a_locked_year()
    {
        var c = await ArrangeAsync();
        Assert.True((await LockAsync(c.CountyUser, LockedYear, c.TownshipA)).Succeeded);

        Assert.True((await SaveIncomeAsync(c.TownshipUser, c.HouseholdA, OpenYear)).Succeeded);
        Assert.True((await RecordAttendanceAsync(c.TownshipUser, c, FirstMondayOfJune(OpenYear))).Succeeded);
        // Township B's year is not locked: the county saves there.
        Assert.True((await SaveIncomeAsync(c.CountyUser, c.HouseholdB, LockedYear)).Succeeded);

        await using var db = app.SystemDb();
        Assert.Equal(5, await db.AttendanceDays.CountAsync(d => d.WorkTeamId == c.TeamA));
        var open = await db.IncomeRecords.SingleAsync(r => r.HouseholdId == c.HouseholdA);
        Assert.Equal(OpenYear, open.Year);
        // A record of an open year moved into the locked one is refused, even to a context that sees everything.
        open.Year = LockedYear;
        Assert.Equal(YearLock.LockedMessage(LockedYear, NameA), (await Assert.ThrowsAsync<YearLockedException>(() => db.SaveChangesAsync())).Message);
        db.ChangeTracker.Clear();
        Assert.Equal(OpenYear, await db.IncomeRecords.Where(r => r.HouseholdId == c.HouseholdA).Select(r => r.Year).SingleAsync());

        // A record of the locked year, written before the lock, can be neither changed nor deleted nor moved out.
        db.IncomeRecords.Add(new IncomeRecord
        {
            CountyId = c.CountyId, TownshipId = c.TownshipA, VillageId = c.VillageA, HouseholdId = c.HouseholdA, Year = LockedYear - 2,
            WageIncome = 100m, AnnualNet = 100m, MeasuredNet = 100m, NetIncomePerCapita = 100m, MemberYears = 1, MeasuredMonths = 0xFFF,
        });
        await db.SaveChangesAsync();
        Assert.True((await UnlockAsync(c.CountyUser, c.TownshipA, LockedYear, "补录")).Succeeded);
        var earlier = await db.IncomeRecords.SingleAsync(r => r.HouseholdId == c.HouseholdA && r.Year == LockedYear - 2);
        earlier.Year = LockedYear;
        await db.SaveChangesAsync();
        Assert.True((await LockAsync(c.CountyUser, LockedYear, c.TownshipA)).Succeeded);
        earlier.Year = LockedYear - 2;
        await Assert.ThrowsAsync<YearLockedException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.IncomeRecords.Remove(await db.IncomeRecords.SingleAsync(r => r.HouseholdId == c.HouseholdA && r.Year == LockedYear));
        await Assert.ThrowsAsync<YearLockedException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        Assert.True(await db.IncomeRecords.AnyAsync(r => r.HouseholdId == c.HouseholdA && r.Year == LockedYear));
    }

    [Fact]
    public async Task Unlocking_needs_a_reason_and_is_audited_then_the_save_passes_and_locking_again_refuses_it_again()
    {
        var c = await ArrangeAsync();
        Assert.True((await LockAsync(c.CountyUser, LockedYear, c.TownshipA)).Succeeded);

        var noReason = await UnlockAsync(c.CountyUser, c.TownshipA, LockedYear, "  ");
        Assert.False(noReason.Succeeded);
        Assert.NotNull(noReason[nameof(UnlockYear.Command.Reason)]);
        Assert.False((await SaveIncomeAsync(c.TownshipUser, c.HouseholdA, LockedYear)).Succeeded);

        const string reason = "县审核发现甲一村一户收入漏报，依据2月审核意见更正";
        var unlocked = await UnlockAsync(c.CountyUser, c.TownshipA, LockedYear, reason);
        Assert.True(unlocked.Succeeded, unlocked.Summary);
        Assert.True((await SaveIncomeAsync(c.TownshipUser, c.HouseholdA, LockedYear)).Succeeded);
        Assert.True((await LockAsync(c.CountyUser, LockedYear, c.TownshipA)).Succeeded);
        // (The same figures again would change nothing, and a save that changes nothing writes nothing: not refused.)
        Assert.False((await SaveIncomeAsync(c.TownshipUser, c.HouseholdA, LockedYear, wage: 9000m)).Succeeded);
        // A year already locked is not locked twice.
        Assert.Contains("已锁定", (await LockAsync(c.CountyUser, LockedYear, c.TownshipA)).Outcome.Summary);

        await using var db = app.SystemDb();
        Assert.Equal(8000m, await db.IncomeRecords.Where(r => r.HouseholdId == c.HouseholdA && r.Year == LockedYear).Select(r => r.WageIncome).SingleAsync());
        var row = await db.YearLocks.SingleAsync(l => l.TownshipId == c.TownshipA && l.Year == LockedYear);
        Assert.Equal((true, c.CountyUser, c.CountyUser, reason), (row.IsLocked, row.LockedBy, row.UnlockedBy, row.UnlockReason));
        var entries = await db.AuditLog.Where(e => e.UserName == c.CountyUser && (e.Action == AuditActions.YearLocked || e.Action == AuditActions.YearUnlocked))
            .OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditActions.YearLocked, AuditActions.YearUnlocked, AuditActions.YearLocked], entries.Select(e => e.Action).ToList());
        var unlock = entries[1];
        Assert.Equal(($"{NameA}{LockedYear}年度", reason, AuditOutcome.Success), (unlock.Target, unlock.Detail, unlock.Outcome));
        Assert.All(entries, e => Assert.Equal(c.CountyId, e.CountyId));
    }

    [Fact]
    public async Task A_township_official_cannot_lock_or_unlock_and_sees_the_lock_of_their_own_township_only()
    {
        var c = await ArrangeAsync();
        var refused = await LockAsync(c.TownshipUser, LockedYear, c.TownshipA);
        Assert.Equal(YearLockAccess.RoleRefusal, refused.Outcome.Summary);
        Assert.True((await LockAsync(c.CountyUser, LockedYear, c.TownshipA)).Succeeded);
        Assert.Equal(YearLockAccess.RoleRefusal, (await UnlockAsync(c.TownshipUser, c.TownshipA, LockedYear, "想改")).Summary);

        // Not through the handler either: the lock table is county business in the data layer.
        await using (var scope = await app.ScopeForAsync(c.TownshipUser))
        {
            await using var own = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var row = await own.YearLocks.SingleAsync(l => l.TownshipId == c.TownshipA);
            row.IsLocked = false;
            await Assert.ThrowsAsync<OutOfScopeException>(() => own.SaveChangesAsync());

            var list = await scope.ServiceProvider.GetRequiredService<ListYearLocks>().HandleAsync();
            Assert.Equal([c.TownshipA], list.Townships.Select(t => t.Id).ToList());
            Assert.True(list.IsLocked(c.TownshipA, LockedYear));
            Assert.False(list.IsLocked(c.TownshipA, OpenYear));
            Assert.Equal(PortalYears.ThisYear(TimeProvider.System), list.Years[0]);
            Assert.Equal(PortalYears.FirstWorkYear, list.Years[^1]);
        }
        await using var db = app.SystemDb();
        Assert.True(await db.YearLocks.Where(l => l.TownshipId == c.TownshipA).Select(l => l.IsLocked).SingleAsync());
    }

    [Fact]
    public async Task The_county_locks_every_township_of_a_year_at_once_and_the_import_bulk_path_is_refused_too()
    {
        var c = await ArrangeAsync();
        Assert.True((await LockAsync(c.CountyUser, LockedYear, c.TownshipB)).Succeeded);
        var all = await LockAsync(c.CountyUser, LockedYear, null);
        Assert.True(all.Succeeded, all.Outcome.Summary);
        Assert.Equal(1, all.Value); // B was locked already
        Assert.Contains("均已锁定", (await LockAsync(c.CountyUser, LockedYear, null)).Outcome.Summary);
        await using (var scope = await app.ScopeForAsync(c.CountyUser))
        {
            var list = await scope.ServiceProvider.GetRequiredService<ListYearLocks>().HandleAsync();
            Assert.Equal([c.TownshipA, c.TownshipB], list.Townships.Select(t => t.Id).Order().ToList());
            Assert.All(list.Townships, t => Assert.True(list.IsLocked(t.Id, LockedYear)));
        }

        // A new household whose first status step falls in the locked year, written by the import's bulk path.
        await using var db = app.SystemDb();
        var village = await db.Villages.SingleAsync(v => v.Id == c.VillageA);
        var household = NewHousehold(village, $"{village.AdminCode}9999");
        household.StatusHistory.Clear();
        household.IdentificationYear = LockedYear;
        household.AddStatusStep(HouseholdStatus.Identified, new DateOnly(LockedYear, 3, 1), LockedYear, null);
        if (NewHouseholdRows.IsSupported(db))
        {
            var thrown = await Assert.ThrowsAsync<YearLockedException>(() =>
                db.Database.InTransactionAsync(token => NewHouseholdRows.WriteAsync(db, [household], DateTimeOffset.UtcNow, token)));
            Assert.Equal(YearLock.LockedMessage(LockedYear, NameA), thrown.Message);
        }
        Assert.False(await db.Households.AnyAsync(h => h.HouseholdNumber == household.HouseholdNumber));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class YearLockTestsOnSqlite(SqliteAppFixture app) : YearLockTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class YearLockTestsOnPostgreSql(PostgreSqlAppFixture app) : YearLockTests(app);
