using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Microloans;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Features.Assurance;
using PovertyPortal.Web.Features.Benefits;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Income;
using PovertyPortal.Web.Features.Microloans;

namespace PovertyPortal.IntegrationTests;

/// <summary>Income against the line, the benefit ledger and its import, microloans and the assurance check (issue 5).</summary>
public abstract class HouseholdRecordsTests(PortalAppFixture app)
{
    private const string SeedVillageCode = "421129101201";

    private sealed record SeedHousehold(int Id, string Number, HouseholdStatus Status, string HeadName, string HeadResidentId, int People);

    /// <summary>The households of 栗子湾村, in household-number order.</summary>
    private async Task<List<SeedHousehold>> SeedHouseholdsAsync()
    {
        await using var db = app.SystemDb();
        return (await db.Households.Where(h => h.VillageId == db.Villages.Single(v => v.AdminCode == SeedVillageCode).Id)
                .OrderBy(h => h.HouseholdNumber)
                .Select(h => new
                {
                    h.Id, h.HouseholdNumber, h.Status,
                    Head = h.Members.Where(m => m.Relationship == Relationship.Head).Select(m => new { m.Name, m.ResidentId }).First(),
                    People = h.Members.Count(m => !m.IsDeceased),
                }).ToListAsync())
            .Select(h => new SeedHousehold(h.Id, h.HouseholdNumber, h.Status, h.Head.Name, h.Head.ResidentId, h.People)).ToList();
    }

    private async Task<int> SeedVillageIdAsync()
    {
        await using var db = app.SystemDb();
        return await db.Villages.Where(v => v.AdminCode == SeedVillageCode).Select(v => v.Id).SingleAsync();
    }

    private static SaveIncomeRecord.Command Income(int householdId, int year, decimal wage) => new()
    {
        HouseholdId = householdId, Year = year, WageIncome = wage, OperatingIncome = 0, PropertyIncome = 0, TransferIncome = 0, ProductionCosts = 0,
    };

    [Fact]
    public async Task An_income_below_the_line_flags_the_household_in_its_page_and_in_the_list_filter()
    {
        var household = (await SeedHouseholdsAsync()).First(h => h.Status == HouseholdStatus.Exited && h.People >= 2);
        await using var scope = await app.ScopeForAsync("township");
        var save = scope.ServiceProvider.GetRequiredService<SaveIncomeRecord>();

        // 2020: the seed's 4,100 元 line. 3,000 元 a person is below it, and the household has exited.
        var below = await save.HandleAsync(Income(household.Id, 2020, 3_000m * household.People));
        Assert.True(below.Succeeded, below.Outcome.Summary);
        var years = await scope.ServiceProvider.GetRequiredService<GetHouseholdIncome>().HandleAsync(household.Id);
        var year = years.Single(y => y.Record.Year == 2020);
        Assert.Equal(4_100m, year.Line!.Amount);
        Assert.Equal(household.People, year.Record.MemberYears);
        Assert.Equal(3_000m, year.Record.NetIncomePerCapita);
        Assert.Equal([IncomeWarning.BelowLine, IncomeWarning.ExitedBelowLine], year.Warnings);

        var list = scope.ServiceProvider.GetRequiredService<ListHouseholds>();
        var flagged = await list.HandleAsync(new ListHouseholds.Query { IncomeWarning = IncomeWarning.ExitedBelowLine, IncomeYear = 2020, PageSize = 200 });
        Assert.Contains(flagged.Rows, r => r.Id == household.Id);

        // Saving the year again replaces it: 5,000 元 a person is near the line (below 1.5 × 4,100).
        var near = await save.HandleAsync(Income(household.Id, 2020, 5_000m * household.People));
        Assert.True(near.Succeeded, near.Outcome.Summary);
        Assert.Equal(below.Value, near.Value);
        Assert.DoesNotContain((await list.HandleAsync(new ListHouseholds.Query { IncomeWarning = IncomeWarning.BelowLine, IncomeYear = 2020, PageSize = 200 })).Rows,
            r => r.Id == household.Id);
        Assert.Contains((await list.HandleAsync(new ListHouseholds.Query { IncomeWarning = IncomeWarning.NearLine, IncomeYear = 2020, PageSize = 200 })).Rows,
            r => r.Id == household.Id);
    }

    [Fact]
    public async Task The_seeded_2018_list_filter_finds_the_seeded_households_below_the_line()
    {
        await using var scope = await app.ScopeForAsync("leader");
        var below = await scope.ServiceProvider.GetRequiredService<ListHouseholds>()
            .HandleAsync(new ListHouseholds.Query { IncomeWarning = IncomeWarning.BelowLine, IncomeYear = 2018 });
        Assert.Equal(3, below.TotalCount);
        await using var db = app.SystemDb();
        var ids = below.Rows.Select(r => r.Id).ToList();
        Assert.All(await db.IncomeRecords.Where(r => ids.Contains(r.HouseholdId) && r.Year == 2018).ToListAsync(),
            r => Assert.True(r.NetIncomePerCapita < 3_535m));
    }

    [Fact]
    public async Task The_seeded_village_sums_are_those_of_the_sample_report()
    {
        await using var scope = await app.ScopeForAsync("leader");
        var sums = await scope.ServiceProvider.GetRequiredService<GetVillageBenefitSums>().HandleAsync(await SeedVillageIdAsync(), 2018);
        Assert.NotNull(sums);
        ProgramBenefitSum P(string code) => sums.Groups.SelectMany(g => g.Programs).Single(p => p.ProgramCode == code);

        Assert.Equal((52, 74), (P("Dibao").Households, P("Dibao").People));
        Assert.Equal((23, 23), (P("Tekun").Households, P("Tekun").People));
        Assert.Equal(92_690m, sums.Groups.Single(g => g.Group == BenefitGroup.SocialSecurity).Amount);
        Assert.Equal((12, 12, 18_000m), (P("YuluPlan").Households, P("YuluPlan").People, P("YuluPlan").Amount));
        Assert.Equal((17, 19, 20_000m), (P("SchoolBusSubsidy").Households, P("SchoolBusSubsidy").People, P("SchoolBusSubsidy").Amount));
        Assert.Equal((46, 48, 31_200m), (P("StudentLivingAllowance").Households, P("StudentLivingAllowance").People, P("StudentLivingAllowance").Amount));
        Assert.Equal((112, 310, 23_040m, 1_920m), (P("EcoForestSubsidy").Households, P("EcoForestSubsidy").People, P("EcoForestSubsidy").Amount, P("EcoForestSubsidy").Quantity));
        Assert.Equal((6, 6, 24_000m), (P("PublicWelfarePost").Households, P("PublicWelfarePost").People, P("PublicWelfarePost").Amount));
        Assert.Equal((20, 25), (P("Relocation").Households, P("Relocation").People));
        Assert.Equal((12, 21m, "亩"), (P("IndustrySubsidy").Households, P("IndustrySubsidy").Quantity, P("IndustrySubsidy").Unit));
        Assert.Equal((142, 25_560m), (P("InsurancePremiumWaiver").People, P("InsurancePremiumWaiver").Amount));
        Assert.Equal((97, 1_940m), (P("SupplementaryInsurance").People, P("SupplementaryInsurance").Amount));
        Assert.Equal((21, 90_000m), (P("HospitalReimbursement").People, P("HospitalReimbursement").Amount));
        Assert.Equal((2, 60_000m), (P(BenefitLabels.MicroloanCode).Households, P(BenefitLabels.MicroloanCode).Amount));
        Assert.Equal((20, 30_000m), (P("SolarIncome").Households, P("SolarIncome").Amount));

        // Example heads are real heads of the seeded register.
        var heads = (await SeedHouseholdsAsync()).Select(h => h.HeadName).ToHashSet();
        Assert.All(sums.Groups.SelectMany(g => g.Programs), p =>
        {
            Assert.InRange(p.ExampleHeads.Count, 1, 3);
            Assert.All(p.ExampleHeads, name => Assert.Contains(name, heads));
        });
        // 2016—2017 产业发展奖补 counts for 2017.
        var earlier = await scope.ServiceProvider.GetRequiredService<GetVillageBenefitSums>().HandleAsync(await SeedVillageIdAsync(), 2017);
        Assert.Equal((54, 137_810m), (earlier!.Groups.Single().Programs.Single().Households, earlier.Groups.Single().Amount));
    }

    [Fact]
    public async Task A_benefit_form_entry_goes_into_the_sums_and_bad_input_is_refused_in_Chinese()
    {
        var households = await SeedHouseholdsAsync();
        await using var scope = await app.ScopeForAsync("township");
        var save = scope.ServiceProvider.GetRequiredService<SaveBenefitRecord>();
        int Program(string code) => BenefitLabels.Defaults.First(d => d.Code == code).Id;

        var bad = await save.HandleAsync(new SaveBenefitRecord.Command { HouseholdId = households[0].Id, ProgramId = Program("SolarIncome"), Year = 2021, Amount = -3 });
        Assert.Equal("金额不能为负数", bad.Outcome[nameof(SaveBenefitRecord.Command.Amount)]);
        var loan = await save.HandleAsync(new SaveBenefitRecord.Command { HouseholdId = households[0].Id, ProgramId = Program(BenefitLabels.MicroloanCode), Year = 2021, Amount = 1 });
        Assert.Contains("小额信贷", loan.Outcome[nameof(SaveBenefitRecord.Command.ProgramId)]);

        var ok = await save.HandleAsync(new SaveBenefitRecord.Command
        {
            HouseholdId = households[1].Id, ProgramId = Program("PublicWelfarePost"), Year = 2021, Amount = 4_800, Quantity = 12, PaidOn = new DateTime(2021, 12, 20),
        });
        Assert.True(ok.Succeeded, ok.Outcome.Summary);
        var sums = await scope.ServiceProvider.GetRequiredService<GetVillageBenefitSums>().HandleAsync(await SeedVillageIdAsync(), 2021);
        var post = sums!.Groups.Single(g => g.Group == BenefitGroup.EcoCompensation).Programs.Single();
        Assert.Equal((1, households[1].People, 4_800m, 12m, "个月"), (post.Households, post.People, post.Amount, post.Quantity, post.Unit));
        Assert.Equal([households[1].HeadName], post.ExampleHeads);

        Assert.True((await save.DeleteAsync(ok.Value)).Succeeded);
        // The seeded microloans are still outstanding in 2021: only they remain.
        Assert.Equal([BenefitGroup.Finance], (await scope.ServiceProvider.GetRequiredService<GetVillageBenefitSums>().HandleAsync(await SeedVillageIdAsync(), 2021))!.Groups.Select(g => g.Group));
    }

    private static BenefitSheet Sheet(params string[] rows) =>
        BenefitFileReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("户编号,证件号码,项目,年度,金额,数量,单位,发放日期,备注\n" + string.Join("\n", rows))), "benefits.csv")
            .GetAwaiter().GetResult();

    [Fact]
    public async Task An_import_is_all_or_nothing_with_row_level_Chinese_errors_and_no_repeats()
    {
        var households = await SeedHouseholdsAsync();
        var (a, b) = (households[2], households[3]);
        await using var scope = await app.ScopeForAsync("township");
        var import = scope.ServiceProvider.GetRequiredService<ImportBenefits>();
        await using var db = app.SystemDb();
        var before = await db.BenefitRecords.CountAsync();

        var broken = Sheet($"{a.Number},{a.HeadResidentId},雨露计划,2022,1500,,,2022-09-01,", $"{b.Number},,光伏扶贫收益,2022,1500,,,,", "NO-SUCH-HOUSEHOLD,,低保,2022,100,,,,",
            $"{b.Number},,不存在的项目,2022,100,,,,", $"{b.Number},110101199003070011,低保,2022,100,,,,");
        var refused = await import.RunAsync(broken, "benefits.csv", dryRun: false);
        Assert.False(refused.Written);
        var errors = refused.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("第4行“户编号”（NO-SUCH-HOUSEHOLD）：没有这个户编号，或该户不在您的管辖范围内", errors);
        Assert.Contains(errors, e => e.StartsWith("第5行“项目”（不存在的项目）：没有这个政策项目", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第6行“证件号码”", StringComparison.Ordinal) && e.EndsWith($"该证件号码不是户编号{b.Number}的家庭成员", StringComparison.Ordinal));
        Assert.Equal(before, await db.BenefitRecords.CountAsync());

        var good = Sheet($"{a.Number},{a.HeadResidentId},雨露计划,2022,1500,,,2022-09-01,", $"{b.Number},,光伏扶贫收益,2022,1500,,,,");
        var preview = await import.RunAsync(good, "benefits.csv", dryRun: true);
        Assert.Empty(preview.Errors);
        Assert.False(preview.Written);
        Assert.Equal(before, await db.BenefitRecords.CountAsync());
        var written = await import.RunAsync(good, "benefits.csv", dryRun: false);
        Assert.True(written.Written, string.Join("；", written.Errors));
        Assert.Equal(before + 2, await db.BenefitRecords.CountAsync());
        var yulu = await db.BenefitRecords.SingleAsync(r => r.HouseholdId == a.Id && r.Year == 2022);
        Assert.NotNull(yulu.MemberId);
        Assert.NotNull(yulu.ImportBatchId);
        Assert.Equal("township", yulu.CreatedBy);

        var again = await import.RunAsync(good, "benefits.csv", dryRun: false);
        Assert.False(again.Written);
        Assert.All(again.Errors, e => Assert.Contains("重复", e.Message));
        Assert.Equal(before + 2, await db.BenefitRecords.CountAsync());

        db.BenefitRecords.RemoveRange(db.BenefitRecords.Where(r => r.Year == 2022 && (r.HouseholdId == a.Id || r.HouseholdId == b.Id)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Users_outside_the_village_neither_read_nor_write_its_incomes_benefits_loans_or_checks()
    {
        var household = (await SeedHouseholdsAsync())[4];
        var village = await SeedVillageIdAsync();
        await using var scope = await app.ScopeForAsync("township2");
        var services = scope.ServiceProvider;

        Assert.Empty(await services.GetRequiredService<GetHouseholdIncome>().HandleAsync(household.Id));
        Assert.Empty(await services.GetRequiredService<ListBenefitRecords>().ForHouseholdAsync(household.Id));
        Assert.Empty(await services.GetRequiredService<ListBenefitRecords>().ForVillageAsync(village, 2018));
        Assert.Null(await services.GetRequiredService<GetVillageBenefitSums>().HandleAsync(village, 2018));
        Assert.Empty(await services.GetRequiredService<GetAssuranceChecks>().HandleAsync(household.Id));
        Assert.Empty((await services.GetRequiredService<ListMicroloans>().HandleAsync(village, new DateOnly(2020, 1, 1))).Loans);

        var income = await services.GetRequiredService<SaveIncomeRecord>().HandleAsync(Income(household.Id, 2019, 10_000));
        Assert.Equal("该户不存在，或不在您的管辖范围内", income.Outcome.Summary);
        var check = await services.GetRequiredService<SaveAssuranceCheck>().HandleAsync(new SaveAssuranceCheck.Command { HouseholdId = household.Id, Year = 2019 });
        Assert.Equal("该户不存在，或不在您的管辖范围内", check.Outcome.Summary);
        var loan = await services.GetRequiredService<SaveMicroloan>().HandleAsync(new SaveMicroloan.Command
        {
            HouseholdNumber = household.Number, Principal = 10_000, StartDate = new DateTime(2019, 1, 1), DueDate = new DateTime(2020, 1, 1),
        });
        Assert.Equal("没有这个户编号，或该户不在您的管辖范围内", loan.Outcome.Summary);
        var import = await services.GetRequiredService<ImportBenefits>().RunAsync(Sheet($"{household.Number},,低保,2019,100,,,,"), "x.csv", dryRun: false);
        Assert.Equal("没有这个户编号，或该户不在您的管辖范围内", Assert.Single(import.Errors).Message);

        // Behind the handlers' backs, the data layer refuses rows of another area all the same.
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await using var system = app.SystemDb();
        var target = await system.Households.SingleAsync(h => h.Id == household.Id);
        db.BenefitRecords.Add(new BenefitRecord
        {
            HouseholdId = target.Id, CountyId = target.CountyId, TownshipId = target.TownshipId, VillageId = target.VillageId, ProgramId = 1, Year = 2019, Amount = 1,
        });
        await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());
        Assert.Empty(await db.IncomeRecords.Where(r => r.HouseholdId == household.Id).ToListAsync());
        Assert.Empty(await db.AssuranceItems.Where(i => i.VillageId == village).ToListAsync());
    }

    [Fact]
    public async Task Only_registry_editors_record_incomes_and_benefits_and_only_admins_set_lines_and_programs()
    {
        var household = (await SeedHouseholdsAsync())[5];
        await using (var leader = await app.ScopeForAsync("leader"))
        {
            var income = await leader.ServiceProvider.GetRequiredService<SaveIncomeRecord>().HandleAsync(Income(household.Id, 2019, 10_000));
            Assert.Equal("您的角色不能登记收入", income.Outcome.Summary);
            var line = await leader.ServiceProvider.GetRequiredService<SavePovertyLine>().HandleAsync(new SavePovertyLine.Command { Year = 2021, Amount = 4_500 });
            Assert.Equal("只有系统管理员可以修改贫困线", line.Summary);
        }
        await using (var township = await app.ScopeForAsync("township"))
        {
            var program = await township.ServiceProvider.GetRequiredService<SaveBenefitProgram>()
                .HandleAsync(new SaveBenefitProgram.Command { Name = "危房改造补助", Group = BenefitGroup.Relocation });
            Assert.Equal("只有系统管理员可以维护政策项目", program.Outcome.Summary);
        }
        await using var admin = await app.ScopeForAsync("admin");
        var saved = await admin.ServiceProvider.GetRequiredService<SavePovertyLine>()
            .HandleAsync(new SavePovertyLine.Command { Year = 2020, Province = "湖北省", Amount = 4_200, NearLineMultiple = 1.5m });
        Assert.True(saved.Succeeded, saved.Summary);
        await using var db = app.SystemDb();
        Assert.Equal(4_200m, (await PovertyLines.ForAsync(db, "湖北省", 2020, default))!.Amount);
        Assert.Equal(4_100m, (await PovertyLines.ForAsync(db, "河南省", 2020, default))!.Amount);
        db.PovertyLines.Remove(await db.PovertyLines.SingleAsync(l => l.Year == 2020 && l.Province == "湖北省"));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_overdue_rate_of_the_village_and_township_against_the_half_percent_line()
    {
        var households = await SeedHouseholdsAsync();
        var borrower = households.First(h => h.Status is HouseholdStatus.Exited or HouseholdStatus.Identified);
        var village = await SeedVillageIdAsync();
        await using var scope = await app.ScopeForAsync("township");
        var save = scope.ServiceProvider.GetRequiredService<SaveMicroloan>();
        var bad = await save.HandleAsync(new SaveMicroloan.Command
        {
            HouseholdNumber = borrower.Number, Principal = 10_000, StartDate = new DateTime(2022, 5, 1), DueDate = new DateTime(2022, 4, 1), Repaid = 20_000,
        });
        Assert.Equal("到期日期应晚于放款日期", bad.Outcome[nameof(SaveMicroloan.Command.DueDate)]);
        Assert.Equal("已还本金不能超过贷款金额", bad.Outcome[nameof(SaveMicroloan.Command.Repaid)]);

        var overdue = await save.HandleAsync(new SaveMicroloan.Command
        {
            HouseholdNumber = borrower.Number, Principal = 20_000, StartDate = new DateTime(2022, 5, 1), DueDate = new DateTime(2023, 5, 1),
            Repaid = 19_000, LastRepaidOn = new DateTime(2023, 4, 1),
        });
        Assert.True(overdue.Succeeded, overdue.Outcome.Summary);
        try
        {
            // On 2023-06-01 the new loan and the two seeded ones (60,000 元 due in 2021, nothing repaid) are all overdue.
            var result = await scope.ServiceProvider.GetRequiredService<ListMicroloans>().HandleAsync(village, new DateOnly(2023, 6, 1));
            Assert.Equal(MicroloanStatus.Overdue, result.Loans.Single(l => l.Loan.Id == overdue.Value).Status);
            Assert.Equal(61_000m, result.Village.Outstanding);
            Assert.Equal(61_000m, result.Village.Overdue);
            Assert.True(result.Village.AboveThreshold);
            Assert.NotNull(result.Township);

            // Before the seeded loans fell due, only the new loan is outstanding and nothing is overdue.
            var earlier = await scope.ServiceProvider.GetRequiredService<ListMicroloans>().HandleAsync(village, new DateOnly(2020, 6, 1));
            Assert.Equal((60_000m, 0m, false), (earlier.Village.Outstanding, earlier.Village.Overdue, earlier.Village.AboveThreshold));
        }
        finally
        {
            await using var db = app.SystemDb();
            db.Microloans.Remove(await db.Microloans.SingleAsync(l => l.Id == overdue.Value));
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_work_team_leader_records_a_check_and_the_register_view_shows_where_it_disagrees()
    {
        var household = (await SeedHouseholdsAsync()).Last(h => h.Status != HouseholdStatus.Removed);
        await using var scope = await app.ScopeForAsync("leader");
        var command = new SaveAssuranceCheck.Command { HouseholdId = household.Id, Year = 2020, HousingGrade = HousingGrade.D };
        foreach (var item in command.Items) (item.Met, item.CheckedBy, item.CheckedOn) = (true, "陈志刚", new DateTime(2020, 11, 1));
        var missingEvidence = new SaveAssuranceCheck.Command { HouseholdId = household.Id, Year = 2020 };
        missingEvidence.Items[0].Met = false;
        Assert.Contains("不愁吃：请填写核查人", (await scope.ServiceProvider.GetRequiredService<SaveAssuranceCheck>().HandleAsync(missingEvidence)).Outcome.Summary);

        var saved = await scope.ServiceProvider.GetRequiredService<SaveAssuranceCheck>().HandleAsync(command);
        Assert.True(saved.Succeeded, saved.Outcome.Summary);
        var check = (await scope.ServiceProvider.GetRequiredService<GetAssuranceChecks>().HandleAsync(household.Id)).Single(c => c.Year == 2020);
        var housing = check.Items.Single(i => i.Kind == AssuranceItemKind.HousingSafety);
        Assert.Equal(!await IsRelocatedAsync(household.Id), housing.Disagrees);
        Assert.NotNull(check.Items.Single(i => i.Kind == AssuranceItemKind.BasicMedical).Computed);
        Assert.Null(check.Items.Single(i => i.Kind == AssuranceItemKind.Food).Computed);

        // Saving again replaces the answers: an item left unanswered is withdrawn.
        command.Items.Single(i => i.Kind == AssuranceItemKind.Television).Met = null;
        Assert.True((await scope.ServiceProvider.GetRequiredService<SaveAssuranceCheck>().HandleAsync(command)).Succeeded);
        await using var db = app.SystemDb();
        var stored = await db.AssuranceChecks.Include(c => c.Items).SingleAsync(c => c.HouseholdId == household.Id && c.Year == 2020);
        Assert.Equal(8, stored.Items.Count);
        Assert.All(stored.Items, i => Assert.Equal(stored.VillageId, i.VillageId));
        db.AssuranceChecks.Remove(stored);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Moving_a_household_to_another_village_takes_its_incomes_benefits_loans_and_checks_along()
    {
        var household = (await SeedHouseholdsAsync()).First();
        await using var system = app.SystemDb();
        var home = await system.Villages.SingleAsync(v => v.AdminCode == SeedVillageCode);
        var other = await system.Villages.Where(v => v.TownshipId == home.TownshipId && v.Id != home.Id).OrderBy(v => v.Id).FirstAsync();
        await using var scope = await app.ScopeForAsync("county");
        var save = scope.ServiceProvider.GetRequiredService<SaveHousehold>();

        var group = await system.Households.Where(h => h.Id == household.Id).Select(h => h.VillageGroupId).SingleAsync();
        async Task MoveAsync(int villageId, int? groupId)
        {
            var loaded = await scope.ServiceProvider.GetRequiredService<GetHousehold>().HandleAsync(household.Id, TimeProvider.System);
            var command = SaveHousehold.Command.From(loaded!.Household, loaded.LoadedAt);
            command.VillageId = villageId;
            command.VillageGroupId = groupId;
            var result = await save.HandleAsync(command);
            Assert.True(result.Succeeded, result.Outcome.Summary);
        }

        await MoveAsync(other.Id, null);
        try
        {
            await using var db = app.SystemDb();
            Assert.All(await db.IncomeRecords.Where(r => r.HouseholdId == household.Id).ToListAsync(), r => Assert.Equal(other.Id, r.VillageId));
            Assert.All(await db.BenefitRecords.Where(r => r.HouseholdId == household.Id).ToListAsync(), r => Assert.Equal(other.Id, r.VillageId));
            Assert.NotEmpty(await db.BenefitRecords.Where(r => r.HouseholdId == household.Id).ToListAsync());
            var checks = await db.AssuranceChecks.Include(c => c.Items).Where(c => c.HouseholdId == household.Id).ToListAsync();
            Assert.All(checks, c => Assert.All(c.Items.Cast<Domain.Areas.IAreaBound>().Append(c), row => Assert.Equal(other.Id, row.VillageId)));
        }
        finally
        {
            await MoveAsync(home.Id, group);
        }
    }

    private async Task<bool> IsRelocatedAsync(int householdId)
    {
        await using var db = app.SystemDb();
        return await db.Households.Where(h => h.Id == householdId).Select(h => h.IsRelocated).SingleAsync();
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class HouseholdRecordsTestsOnSqlite(SqliteAppFixture app) : HouseholdRecordsTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class HouseholdRecordsTestsOnPostgreSql(PostgreSqlAppFixture app) : HouseholdRecordsTests(app);
