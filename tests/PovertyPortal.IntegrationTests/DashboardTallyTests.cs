using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Dashboard;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Features.Assurance;
using PovertyPortal.Web.Features.Benefits;
using PovertyPortal.Web.Features.Dashboard;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Income;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// The dashboard's tallies (decision 0011) always equal a recount of their records: after each kind of write the portal
/// makes (form, edit, delete, import, a household's move, a refused import, a check's items answered, failed and
/// withdrawn) and with saves running at once.
/// </summary>
public abstract class DashboardTallyTests(PortalAppFixture app)
{
    private const string SeedVillageCode = "421129101201";
    private const int Year = 2025;

    private sealed record Seed(int VillageId, int OtherVillageId, List<(int Id, string Number)> Households);

    private async Task<Seed> SeedAsync()
    {
        await using var db = app.SystemDb();
        var village = await db.Villages.SingleAsync(v => v.AdminCode == SeedVillageCode);
        var other = await db.Villages.Where(v => v.TownshipId == village.TownshipId && v.Id != village.Id).OrderBy(v => v.Id).FirstAsync();
        var households = (await db.Households.Where(h => h.VillageId == village.Id).OrderBy(h => h.HouseholdNumber)
            .Select(h => new { h.Id, h.HouseholdNumber }).Take(8).ToListAsync()).Select(h => (h.Id, h.HouseholdNumber)).ToList();
        return new Seed(village.Id, other.Id, households);
    }

    private static int Program(string code) => BenefitLabels.Defaults.First(d => d.Code == code).Id;

    /// <summary>Every tally row against the records counted here, in C#, over the whole database.</summary>
    private async Task AssertTalliesMatchRecordsAsync(string after)
    {
        await using var db = app.SystemDb();
        var benefits = (await db.BenefitRecords.Select(r => new { r.CountyId, r.TownshipId, r.VillageId, r.Year, r.ProgramId, r.HouseholdId, r.Amount }).ToListAsync())
            .GroupBy(r => (r.VillageId, r.Year, r.ProgramId))
            .Select(g => $"{g.Key} {g.First().CountyId}/{g.First().TownshipId} {g.Count()} {g.Select(r => r.HouseholdId).Distinct().Count()} {(long)(g.Sum(r => r.Amount) * 100)}")
            .Order().ToList();
        var benefitTallies = (await db.BenefitTallies.ToListAsync())
            .Select(t => $"{(t.VillageId, t.Year, t.ProgramId)} {t.CountyId}/{t.TownshipId} {t.Records} {t.Households} {t.AmountInFen}")
            .Order().ToList();
        Assert.True(benefits.SequenceEqual(benefitTallies), $"after {after}: benefit tallies {string.Join("; ", benefitTallies.Except(benefits))} records {string.Join("; ", benefits.Except(benefitTallies))}");

        var incomes = (await db.IncomeRecords.Select(r => new { r.CountyId, r.TownshipId, r.VillageId, r.Year, r.NetIncomePerCapita }).ToListAsync())
            .GroupBy(r => (r.VillageId, r.Year, Band: (int)Math.Floor(r.NetIncomePerCapita / IncomeTally.BandWidth)))
            .Select(g => $"{g.Key} {g.First().CountyId}/{g.First().TownshipId} {g.Count()}")
            .Order().ToList();
        var incomeTallies = (await db.IncomeTallies.ToListAsync())
            .Select(t => $"{(t.VillageId, t.Year, t.Band)} {t.CountyId}/{t.TownshipId} {t.Records}")
            .Order().ToList();
        Assert.True(incomes.SequenceEqual(incomeTallies), $"after {after}: income tallies {string.Join("; ", incomeTallies.Except(incomes))} records {string.Join("; ", incomes.Except(incomeTallies))}");

        var checks = (await db.AssuranceChecks.Select(c => new { c.CountyId, c.TownshipId, c.VillageId, c.Year, Failed = c.Items.Where(i => !i.Met).Select(i => i.Kind).ToList() }).ToListAsync())
            .GroupBy(c => (c.VillageId, c.Year, Failed: c.Failed.Sum(AssuranceTally.Bit)))
            .Select(g => $"{g.Key} {g.First().CountyId}/{g.First().TownshipId} {g.Count()}")
            .Order().ToList();
        var assuranceTallies = (await db.AssuranceTallies.ToListAsync())
            .Select(t => $"{(t.VillageId, t.Year, t.FailedItems)} {t.CountyId}/{t.TownshipId} {t.Checks}")
            .Order().ToList();
        Assert.True(checks.SequenceEqual(assuranceTallies), $"after {after}: assurance tallies {string.Join("; ", assuranceTallies.Except(checks))} checks {string.Join("; ", checks.Except(assuranceTallies))}");
    }

    private async Task<int> BenefitTallyRecordsAsync(int villageId, int programId)
    {
        await using var db = app.SystemDb();
        return await db.BenefitTallies.Where(t => t.VillageId == villageId && t.Year == Year && t.ProgramId == programId).SumAsync(t => (int?)t.Records) ?? 0;
    }

    [Fact]
    public async Task Forms_edits_deletes_imports_and_moves_keep_the_tallies_equal_to_their_records()
    {
        var seed = await SeedAsync();
        var (a, b) = (seed.Households[0], seed.Households[1]);
        await AssertTalliesMatchRecordsAsync("the demo data was seeded");
        await using var scope = await app.ScopeForAsync("county");
        var saveIncome = scope.ServiceProvider.GetRequiredService<SaveIncomeRecord>();
        var saveBenefit = scope.ServiceProvider.GetRequiredService<SaveBenefitRecord>();
        try
        {
            var income = new SaveIncomeRecord.Command
            {
                HouseholdId = a.Id, Year = Year, WageIncome = 9_000, OperatingIncome = 0, PropertyIncome = 0, TransferIncome = 0, ProductionCosts = 0,
            };
            Assert.True((await saveIncome.HandleAsync(income)).Succeeded);
            await AssertTalliesMatchRecordsAsync("an income was entered");
            // A loss moves the record into a negative band.
            (income.WageIncome, income.OperatingIncome, income.ProductionCosts, income.ConfirmLoss) = (0, 1_000, 40_000, true);
            var loss = await saveIncome.HandleAsync(income);
            Assert.True(loss.Succeeded, loss.Outcome.Summary);
            await AssertTalliesMatchRecordsAsync("the income became a loss");

            SaveBenefitRecord.Command Benefit(int household, decimal amount) =>
                new() { HouseholdId = household, ProgramId = Program("PublicWelfarePost"), Year = Year, Amount = amount };
            var first = await saveBenefit.HandleAsync(Benefit(a.Id, 400.10m));
            var second = await saveBenefit.HandleAsync(Benefit(a.Id, 400.20m));
            var third = await saveBenefit.HandleAsync(Benefit(b.Id, 0.05m));
            Assert.All([first, second, third], r => Assert.True(r.Succeeded, r.Outcome.Summary));
            await AssertTalliesMatchRecordsAsync("three benefits were entered");
            await using (var db = app.SystemDb())
            {
                var tally = await db.BenefitTallies.SingleAsync(t => t.VillageId == seed.VillageId && t.Year == Year && t.ProgramId == Program("PublicWelfarePost"));
                Assert.Equal((3, 2, 80_035L), (tally.Records, tally.Households, tally.AmountInFen));
            }

            var edit = Benefit(b.Id, 1_000m);
            edit.Id = third.Value;
            Assert.True((await saveBenefit.HandleAsync(edit)).Succeeded);
            await AssertTalliesMatchRecordsAsync("a benefit's amount was changed");
            Assert.True((await saveBenefit.DeleteAsync(first.Value)).Succeeded);
            await AssertTalliesMatchRecordsAsync("a benefit was deleted");

            var sheet = await BenefitFileReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(
                $"户编号,证件号码,项目,年度,金额,数量,单位,发放日期,备注\n{a.Number},,低保,{Year},1200,,,,\n{b.Number},,低保,{Year},1300.5,,,,")), "benefits.csv");
            var refused = await scope.ServiceProvider.GetRequiredService<ImportBenefits>().RunAsync(
                await BenefitFileReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(
                    $"户编号,证件号码,项目,年度,金额,数量,单位,发放日期,备注\n{a.Number},,低保,{Year},1200,,,,\nNO-SUCH,,低保,{Year},1,,,,")), "benefits.csv"),
                "benefits.csv", dryRun: false);
            Assert.False(refused.Written);
            await AssertTalliesMatchRecordsAsync("an import was refused");
            var imported = await scope.ServiceProvider.GetRequiredService<ImportBenefits>().RunAsync(sheet, "benefits.csv", dryRun: false);
            Assert.True(imported.Written, string.Join("；", imported.Errors));
            await AssertTalliesMatchRecordsAsync("benefits were imported");

            var check = new SaveAssuranceCheck.Command { HouseholdId = a.Id, Year = Year };
            foreach (var item in check.Items) (item.Met, item.CheckedBy, item.CheckedOn) = (true, "核查人", new DateTime(Year, 11, 1));
            var saveCheck = scope.ServiceProvider.GetRequiredService<SaveAssuranceCheck>();
            Assert.True((await saveCheck.HandleAsync(check)).Succeeded);
            await AssertTalliesMatchRecordsAsync("a check with every item met was entered");
            (check.Items[0].Met, check.Items[0].Evidence) = (false, "缺粮");
            (check.Items[4].Met, check.Items[4].Evidence) = (false, "危房");
            var failed = await saveCheck.HandleAsync(check);
            Assert.True(failed.Succeeded, failed.Outcome.Summary);
            await AssertTalliesMatchRecordsAsync("two items of the check failed");
            check.Items[4].Met = null;
            Assert.True((await saveCheck.HandleAsync(check)).Succeeded);
            await AssertTalliesMatchRecordsAsync("a failed item was withdrawn");

            int? group;
            await using (var db = app.SystemDb()) group = await db.Households.Where(h => h.Id == a.Id).Select(h => h.VillageGroupId).SingleAsync();
            await MoveAsync(scope, a.Id, seed.OtherVillageId, null);
            await AssertTalliesMatchRecordsAsync("a household moved to another village");
            await MoveAsync(scope, a.Id, seed.VillageId, group);
            await AssertTalliesMatchRecordsAsync("the household moved back");
        }
        finally
        {
            await using var db = app.SystemDb();
            var ids = seed.Households.Select(h => h.Id).ToList();
            db.BenefitRecords.RemoveRange(db.BenefitRecords.Where(r => r.Year == Year && ids.Contains(r.HouseholdId)));
            db.IncomeRecords.RemoveRange(db.IncomeRecords.Where(r => r.Year == Year && ids.Contains(r.HouseholdId)));
            db.AssuranceChecks.RemoveRange(db.AssuranceChecks.Include(c => c.Items).Where(c => c.Year == Year && ids.Contains(c.HouseholdId)));
            await db.SaveChangesAsync();
        }
        await AssertTalliesMatchRecordsAsync("the test's records were removed");
    }

    [Fact]
    public async Task The_dashboard_shows_a_save_at_once()
    {
        var seed = await SeedAsync();
        var household = seed.Households[2];
        await using var scope = await app.ScopeForAsync("township");
        var dashboard = scope.ServiceProvider.GetRequiredService<GetDashboard>();
        var before = await dashboard.HandleAsync(new DashboardQuery(Year));
        try
        {
            var benefit = await scope.ServiceProvider.GetRequiredService<SaveBenefitRecord>().HandleAsync(
                new SaveBenefitRecord.Command { HouseholdId = household.Id, ProgramId = Program("Dibao"), Year = Year, Amount = 1_234.56m });
            var income = await scope.ServiceProvider.GetRequiredService<SaveIncomeRecord>().HandleAsync(new SaveIncomeRecord.Command
            {
                HouseholdId = household.Id, Year = Year, WageIncome = 30_000, OperatingIncome = 0, PropertyIncome = 0, TransferIncome = 0, ProductionCosts = 0,
            });
            var check = new SaveAssuranceCheck.Command { HouseholdId = household.Id, Year = Year };
            foreach (var item in check.Items) (item.Met, item.CheckedBy, item.CheckedOn) = (true, "核查人", new DateTime(Year, 11, 1));
            (check.Items[3].Met, check.Items[3].Evidence) = (false, "未参保");
            var checkSaved = await scope.ServiceProvider.GetRequiredService<SaveAssuranceCheck>().HandleAsync(check);
            Assert.All([benefit.Outcome, income.Outcome, checkSaved.Outcome], o => Assert.True(o.Succeeded, o.Summary));

            var after = await dashboard.HandleAsync(new DashboardQuery(Year));
            Assert.Equal(before.BenefitAmount + 1_234.56m, after.BenefitAmount);
            Assert.Equal(before.HouseholdsChecked + 1, after.HouseholdsChecked);
            Assert.Equal(before.HouseholdsFailingAssurance + 1, after.HouseholdsFailingAssurance);
            Assert.Equal(before.AssuranceFailing.Where(r => r.Kind == check.Items[3].Kind).Sum(r => r.Failing) + 1,
                after.AssuranceFailing.Where(r => r.Kind == check.Items[3].Kind).Sum(r => r.Failing));
            var line = after.IncomeTrend.Single(t => t.Year == Year);
            Assert.Equal(before.IncomeTrend.SingleOrDefault(t => t.Year == Year).Households + 1, line.Households);
        }
        finally
        {
            await using var db = app.SystemDb();
            db.BenefitRecords.RemoveRange(db.BenefitRecords.Where(r => r.Year == Year && r.HouseholdId == household.Id));
            db.IncomeRecords.RemoveRange(db.IncomeRecords.Where(r => r.Year == Year && r.HouseholdId == household.Id));
            db.AssuranceChecks.RemoveRange(db.AssuranceChecks.Include(c => c.Items).Where(c => c.Year == Year && c.HouseholdId == household.Id));
            await db.SaveChangesAsync();
        }
        var removed = await dashboard.HandleAsync(new DashboardQuery(Year));
        Assert.Equal((before.BenefitAmount, before.HouseholdsChecked, before.IncomeTrend.Count), (removed.BenefitAmount, removed.HouseholdsChecked, removed.IncomeTrend.Count));
    }

    [Fact]
    public async Task Saves_into_one_village_at_the_same_time_are_all_counted()
    {
        var seed = await SeedAsync();
        var program = Program("SolarIncome");
        var before = await BenefitTallyRecordsAsync(seed.VillageId, program);
        try
        {
            // Each on its own scope and connection, as users on different circuits.
            await Task.WhenAll(seed.Households.Select(h => Task.Run(async () =>
            {
                await using var scope = await app.ScopeForAsync("township");
                var saved = await scope.ServiceProvider.GetRequiredService<SaveBenefitRecord>().HandleAsync(
                    new SaveBenefitRecord.Command { HouseholdId = h.Id, ProgramId = program, Year = Year, Amount = 1_500 });
                Assert.True(saved.Succeeded, saved.Outcome.Summary);
            })));
            Assert.Equal(before + seed.Households.Count, await BenefitTallyRecordsAsync(seed.VillageId, program));
            await AssertTalliesMatchRecordsAsync("saves ran at once");
        }
        finally
        {
            await using var db = app.SystemDb();
            db.BenefitRecords.RemoveRange(db.BenefitRecords.Where(r => r.Year == Year && r.ProgramId == program && r.VillageId == seed.VillageId));
            await db.SaveChangesAsync();
        }
        Assert.Equal(before, await BenefitTallyRecordsAsync(seed.VillageId, program));
    }

    [Fact]
    public async Task A_record_changed_after_its_household_moved_away_is_refused_as_a_lost_update_and_the_tallies_hold()
    {
        var seed = await SeedAsync();
        var household = seed.Households[3];
        await using var scope = await app.ScopeForAsync("county");
        int? group;
        await using (var db = app.SystemDb()) group = await db.Households.Where(h => h.Id == household.Id).Select(h => h.VillageGroupId).SingleAsync();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveBenefitRecord>().HandleAsync(
            new SaveBenefitRecord.Command { HouseholdId = household.Id, ProgramId = Program("Dibao"), Year = Year, Amount = 100m });
        Assert.True(saved.Succeeded, saved.Outcome.Summary);
        try
        {
            // Loaded in the home village; the household (and the record with it) moves before this context saves.
            await using var stale = app.SystemDb();
            var record = await stale.BenefitRecords.SingleAsync(r => r.Id == saved.Value);
            await MoveAsync(scope, household.Id, seed.OtherVillageId, null);
            record.Amount = 999m;
            // The move renewed the record's version (issue 16, lost updates): the stale save is refused, nothing half-counted.
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
            await AssertTalliesMatchRecordsAsync("a record loaded before its household moved was changed");
        }
        finally
        {
            await MoveAsync(scope, household.Id, seed.VillageId, group);
            await using var db = app.SystemDb();
            db.BenefitRecords.RemoveRange(db.BenefitRecords.Where(r => r.Id == saved.Value));
            await db.SaveChangesAsync();
        }
        await AssertTalliesMatchRecordsAsync("the household moved back");
    }

    [Fact]
    public async Task A_save_the_database_refuses_leaves_no_transaction_open_and_no_tally_changed()
    {
        await using var db = app.SystemDb();
        var duplicate = await db.IncomeRecords.AsNoTracking().FirstAsync();
        duplicate.Id = 0;
        duplicate.NetIncomePerCapita += 5_000;
        db.IncomeRecords.Add(duplicate);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Null(db.Database.CurrentTransaction);
        await AssertTalliesMatchRecordsAsync("a save failed on the unique (household, year) index");
    }

    [Fact]
    public async Task Recounting_everything_rebuilds_tallies_lost_or_wrong()
    {
        await using (var db = app.SystemDb())
        {
            // As if records had been written by SQL outside the portal: the tallies no longer match.
            await db.BenefitTallies.Where(t => t.Records > 0).Take(3).ExecuteDeleteAsync();
            await db.IncomeTallies.ExecuteUpdateAsync(s => s.SetProperty(t => t.Records, t => t.Records + 1));
            await DashboardTallies.RecountAllAsync(db);
        }
        await AssertTalliesMatchRecordsAsync("everything was recounted");
    }

    private static async Task MoveAsync(AsyncServiceScope scope, int householdId, int villageId, int? groupId)
    {
        var loaded = await scope.ServiceProvider.GetRequiredService<GetHousehold>().HandleAsync(householdId, TimeProvider.System);
        var command = SaveHousehold.Command.From(loaded!.Household, loaded.LoadedAt);
        (command.VillageId, command.VillageGroupId) = (villageId, groupId);
        var result = await scope.ServiceProvider.GetRequiredService<SaveHousehold>().HandleAsync(command);
        Assert.True(result.Succeeded, result.Outcome.Summary);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class DashboardTallyTestsOnSqlite(SqliteAppFixture app) : DashboardTallyTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class DashboardTallyTestsOnPostgreSql(PostgreSqlAppFixture app) : DashboardTallyTests(app);
