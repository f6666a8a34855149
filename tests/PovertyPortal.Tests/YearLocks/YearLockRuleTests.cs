using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Microloans;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.YearLocks;

namespace PovertyPortal.Tests.YearLocks;

/// <summary>
/// 年度锁定's rule (decision 0032): which rows count in a township's year, which year a dated row counts in, which saves a
/// lock refuses and which it leaves alone, who may lock, and the forms' rules.
/// </summary>
public sealed class YearLockRuleTests : IAsyncLifetime
{
    private YearLockDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await YearLockDatabase.CreateAsync();

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public void The_rows_of_a_year_are_the_records_kept_per_year_and_the_dated_work_of_the_teams()
    {
        var bound = typeof(IYearBound).Assembly.GetTypes().Where(t => t.IsClass && typeof(IYearBound).IsAssignableFrom(t)).Select(t => t.Name).Order();
        Assert.Equal(
            [nameof(AssistancePlan), nameof(AssuranceCheck), nameof(AttendanceDay), nameof(BenefitRecord), nameof(CollectiveIncomeEntry),
             nameof(HouseholdStatusChange), nameof(IncomeRecord), nameof(IndustryRecord), nameof(WorkLog)],
            bound.ToList());
    }

    [Theory]
    [InlineData(2024, 12, 31, 2024)]
    [InlineData(2025, 1, 1, 2025)]
    public void A_dated_row_counts_in_its_calendar_year(int year, int month, int day, int expected)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(expected, ((IYearBound)new WorkLog { Date = date, Summary = "" }).Year);
        Assert.Equal(expected, ((IYearBound)new AttendanceDay { Date = date }).Year);
    }

    [Fact]
    public void The_message_names_the_year_and_the_township() =>
        Assert.Equal("2025年度石桥镇的数据已锁定，不能修改；如需更正请联系县级督导解锁", YearLock.LockedMessage(2025, "石桥镇"));

    [Theory]
    [InlineData(PortalRoles.SystemAdmin, true)]
    [InlineData(PortalRoles.CountySupervisor, true)]
    [InlineData(PortalRoles.TownshipOfficial, false)]
    [InlineData(PortalRoles.WorkTeamLeader, false)]
    [InlineData(PortalRoles.WorkTeamMember, false)]
    [InlineData(PortalRoles.JusticeBureau, false)]
    [InlineData(null, false)]
    public void Only_the_county_and_the_system_administrator_lock_years(string? role, bool may) => Assert.Equal(may, PortalRoles.CanLockYears(role));

    [Fact]
    public async Task A_lock_refuses_rows_of_its_township_and_year_only()
    {
        await database.LockAsync(database.TownshipA, 2024);
        var a = (database.CountyId, database.TownshipA, database.VillageA);

        await Refused(db => db.CollectiveIncomeEntries.Add(new CollectiveIncomeEntry { CountyId = a.CountyId, TownshipId = a.TownshipA, VillageId = a.VillageA, Year = 2024, Source = "光伏", Amount = 30_000m }));
        await Refused(db => db.WorkLogs.Add(new WorkLog { CountyId = a.CountyId, TownshipId = a.TownshipA, VillageId = a.VillageA, Date = new DateOnly(2024, 12, 31), Summary = "入户走访" }));
        await Refused(db => db.HouseholdStatusChanges.Add(new HouseholdStatusChange
        {
            HouseholdId = database.HouseholdA, CountyId = a.CountyId, TownshipId = a.TownshipA, VillageId = a.VillageA,
            Status = HouseholdStatus.Exited, EffectiveOn = new DateOnly(2025, 1, 10), Year = 2024,
        }));

        // The next day is another year; another year's benefit, a loan (not kept per year) and the household itself go on.
        await Saved(db => db.WorkLogs.Add(new WorkLog { CountyId = a.CountyId, TownshipId = a.TownshipA, VillageId = a.VillageA, Date = new DateOnly(2025, 1, 1), Summary = "入户走访" }));
        var program = await Program();
        await Saved(db => db.BenefitRecords.Add(new BenefitRecord { CountyId = a.CountyId, TownshipId = a.TownshipA, VillageId = a.VillageA, HouseholdId = database.HouseholdA, ProgramId = program, Year = 2023, Amount = 500m }));
        await Saved(db => db.Microloans.Add(new Microloan
        {
            CountyId = a.CountyId, TownshipId = a.TownshipA, VillageId = a.VillageA, HouseholdId = database.HouseholdA, Principal = 50_000m,
            StartDate = new DateOnly(2024, 3, 1), DueDate = new DateOnly(2027, 3, 1),
        }));
        await Saved(db => db.Households.Single(h => h.Id == database.HouseholdA).Address = "一组 2 号");

        await using var check = database.System();
        Assert.Equal([new DateOnly(2025, 1, 1)], await check.WorkLogs.Select(w => w.Date).ToListAsync());
        Assert.False(await check.CollectiveIncomeEntries.AnyAsync());
        Assert.Single(await check.BenefitRecords.ToListAsync());
    }

    [Fact]
    public async Task An_unlocked_row_or_another_townships_lock_refuses_nothing()
    {
        await database.LockAsync(database.TownshipB, 2024);
        await using (var db = database.System())
        {
            var row = await db.YearLocks.SingleAsync();
            (row.IsLocked, row.UnlockReason) = (false, "更正");
            await db.YearLocks.AddAsync(new YearLock { CountyId = database.CountyId, TownshipId = database.TownshipA, Year = 2024, IsLocked = false, LockedBy = "county" });
            await db.SaveChangesAsync();
        }
        await Saved(db => db.IncomeRecords.Add(new IncomeRecord { CountyId = database.CountyId, TownshipId = database.TownshipA, VillageId = database.VillageA, HouseholdId = database.HouseholdA, Year = 2024 }));
        await database.LockAsync(database.TownshipB, 2023);
        await Saved(db => db.IndustryRecords.Add(new IndustryRecord { CountyId = database.CountyId, TownshipId = database.TownshipA, VillageId = database.VillageA, Year = 2023, Name = "茶叶" }));
    }

    [Fact]
    public async Task A_households_move_carries_its_steps_of_a_locked_year_along_but_nothing_else_of_them_changes()
    {
        await Saved(db => db.HouseholdStatusChanges.Add(new HouseholdStatusChange
        {
            HouseholdId = database.HouseholdA, CountyId = database.CountyId, TownshipId = database.TownshipA, VillageId = database.VillageA,
            Status = HouseholdStatus.Identified, EffectiveOn = new DateOnly(2024, 3, 1), Year = 2024,
        }));
        await database.LockAsync(database.TownshipA, 2024);

        // As HouseholdArea.MoveAsync does: the step follows its household to the other township's village.
        await Saved(db => (db.HouseholdStatusChanges.Single().TownshipId, db.HouseholdStatusChanges.Single().VillageId) = (database.TownshipB, database.VillageB));
        await database.LockAsync(database.TownshipB, 2024);
        await using var db = database.System();
        var step = await db.HouseholdStatusChanges.SingleAsync();
        step.EffectiveOn = new DateOnly(2024, 4, 1);
        var refused = await Assert.ThrowsAsync<YearLockedException>(() => db.SaveChangesAsync());
        Assert.Equal(YearLock.LockedMessage(2024, "乙乡"), refused.Message);
    }

    [Fact]
    public void Unlocking_needs_a_reason_of_at_most_500_characters()
    {
        var validator = new UnlockYear.Validator();
        Assert.False(validator.Validate(new UnlockYear.Command { Reason = " \t" }).IsValid);
        Assert.False(validator.Validate(new UnlockYear.Command { Reason = new string('改', 501) }).IsValid);
        Assert.True(validator.Validate(new UnlockYear.Command { Reason = "县审核发现收入漏报" }).IsValid);
    }

    [Theory]
    [InlineData(2013, false)]
    [InlineData(2014, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    public void A_year_is_locked_from_the_first_work_year_to_this_year(int year, bool valid)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(valid, new LockYear.Validator(clock).Validate(new LockYear.Command { Year = year }).IsValid);
    }

    private async Task<int> Program()
    {
        await using var db = database.System();
        return await db.BenefitPrograms.Select(p => p.Id).FirstAsync();
    }

    private async Task Refused(Action<PortalDbContext> write)
    {
        await using var db = database.System();
        write(db);
        var refused = await Assert.ThrowsAsync<YearLockedException>(() => db.SaveChangesAsync());
        Assert.Equal(YearLock.LockedMessage(2024, "甲镇"), refused.Message);
    }

    private async Task Saved(Action<PortalDbContext> write)
    {
        await using var db = database.System();
        write(db);
        Assert.True(await db.SaveChangesAsync() > 0);
    }
}
