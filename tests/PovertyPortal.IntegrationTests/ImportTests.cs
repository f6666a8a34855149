using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Import;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.IntegrationTests;

/// <summary>The register import: preview, all-or-nothing writing, fault injection, round trip, scope.</summary>
public abstract class ImportTests(PortalAppFixture app)
{
    private static int counter;

    private static string Number() => $"I{Environment.TickCount64 % 100000:00000}{Interlocked.Increment(ref counter):000}";

    private static string NewId(Gender gender) =>
        ResidentId.Create("421129", new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20_000)), Random.Shared.Next(1, 999), gender).Value;

    /// <summary>A CSV register in the template's columns; each row is column → value.</summary>
    private static RegisterSheet Sheet(params Dictionary<string, string>[] rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', RegisterColumns.All));
        foreach (var row in rows) text.AppendLine(string.Join(',', RegisterColumns.All.Select(c => row.GetValueOrDefault(c, ""))));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        return RegisterFileReader.ReadAsync(stream, "register.csv").GetAwaiter().GetResult();
    }

    private static Dictionary<string, string> Row(string township, string village, string number, string name, string id,
        string relationship, string gender, DateOnly birth) => new()
    {
        [RegisterColumns.County] = "青石县", [RegisterColumns.Township] = township, [RegisterColumns.Village] = village,
        [RegisterColumns.HouseholdNumber] = number, [RegisterColumns.Name] = name, [RegisterColumns.ResidentId] = id,
        [RegisterColumns.Relationship] = relationship, [RegisterColumns.Gender] = gender,
        [RegisterColumns.BirthDate] = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [RegisterColumns.Ethnicity] = "汉族", [RegisterColumns.SchoolingStatus] = "非在校", [RegisterColumns.Health] = "健康",
        [RegisterColumns.LabourAbility] = "普通劳动力", [RegisterColumns.BasicMedicalInsurance] = "是",
        [RegisterColumns.SeriousIllnessInsurance] = "是", [RegisterColumns.PensionInsurance] = "否",
        [RegisterColumns.PovertyCategory] = "一般贫困户", [RegisterColumns.PrimaryCause] = "因病",
        [RegisterColumns.IdentificationYear] = "2016", [RegisterColumns.Status] = "未脱贫", [RegisterColumns.Relocated] = "否",
    };

    private static Dictionary<string, string> Person(string township, string village, string number, string name, string relationship, Gender gender)
    {
        var id = NewId(gender);
        var parsed = ResidentId.Parse(id);
        return Row(township, village, number, name, id, relationship, gender.Label(), parsed.BirthDate);
    }

    private async Task<(string Township, string Village, string OtherTownship, string OtherVillage)> PlacesAsync()
    {
        await using var db = app.SystemDb();
        var townshipId = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var own = await db.Villages.Include(v => v.Township).Where(v => v.TownshipId == townshipId).OrderBy(v => v.Id).FirstAsync();
        var other = await db.Villages.Include(v => v.Township).Where(v => v.TownshipId != townshipId && v.CountyId == own.CountyId).OrderBy(v => v.Id).FirstAsync();
        return (own.Township!.Name, own.Name, other.Township!.Name, other.Name);
    }

    [Fact]
    public async Task A_clean_file_is_previewed_then_written_with_history_and_an_import_record()
    {
        var (township, village, _, _) = await PlacesAsync();
        var number = Number();
        var head = Person(township, village, number, "钱学文", "户主", Gender.Male);
        var spouse = Person(township, village, number, "孙丽", "配偶", Gender.Female);

        await using var scope = await app.ScopeForAsync("township");
        var import = scope.ServiceProvider.GetRequiredService<ImportRegister>();
        var preview = await import.RunAsync(Sheet(head, spouse), "register.csv", createAreas: false, dryRun: true);
        Assert.Empty(preview.Errors);
        Assert.Equal((1, 2), (preview.HouseholdsCreated, preview.MembersCreated));
        await using (var db = app.SystemDb()) Assert.False(await db.Households.AnyAsync(h => h.HouseholdNumber == number));

        var written = await import.RunAsync(Sheet(head, spouse), "register.csv", createAreas: false, dryRun: false);
        Assert.True(written.Written);
        await using var check = app.SystemDb();
        var household = await check.Households.Include(h => h.Members).Include(h => h.StatusHistory).SingleAsync(h => h.HouseholdNumber == number);
        Assert.Equal(2, household.Members.Count);
        Assert.Single(household.StatusHistory);
        var batch = await check.ImportBatches.SingleAsync(b => b.Id == written.BatchId);
        Assert.Equal(("township", "register.csv", 1, 2), (batch.UserName, batch.FileName, batch.HouseholdsCreated, batch.MembersCreated));

        // The same file again changes nothing; a new category is an update, and the field history shows it.
        var again = await import.RunAsync(Sheet(head, spouse), "register.csv", createAreas: false, dryRun: true);
        Assert.Equal((0, 1, 2), (again.Changes, again.HouseholdsUnchanged, again.MembersUnchanged));
        head[RegisterColumns.PovertyCategory] = spouse[RegisterColumns.PovertyCategory] = "低保贫困户";
        var update = await import.RunAsync(Sheet(head, spouse), "register.csv", createAreas: false, dryRun: false);
        Assert.Equal((1, 0), (update.HouseholdsUpdated, update.HouseholdsCreated));
        // The values of the field history are encrypted (decision 0016): compared after reading, not in SQL.
        Assert.Contains(await check.FieldChanges.Where(c => c.HouseholdId == household.Id && c.Field == nameof(Household.Category)).ToListAsync(),
            c => c.OldValue == "一般贫困户" && c.NewValue == "低保贫困户" && c.UserName == "township");

        // A child added to the household in the file is a new member of the existing household, in its village.
        var child = Person(township, village, number, "钱小宝", "之子", Gender.Male);
        child[RegisterColumns.PovertyCategory] = "低保贫困户";
        var added = await import.RunAsync(Sheet(head, spouse, child), "register.csv", createAreas: false, dryRun: false);
        Assert.True(added.Written, string.Join("；", added.Errors));
        Assert.Equal((1, 2), (added.MembersCreated, added.MembersUnchanged));
        var members = await check.Members.AsNoTracking().Where(m => m.HouseholdId == household.Id).ToListAsync();
        Assert.Equal(3, members.Count);
        Assert.All(members, m => Assert.Equal((household.TownshipId, household.VillageId), (m.TownshipId, m.VillageId)));
    }

    [Fact]
    public async Task One_bad_row_means_nothing_is_written_and_every_problem_names_its_row_and_column()
    {
        var (township, village, _, _) = await PlacesAsync();
        var good = Number();
        var bad = Number();
        var badRow = Person(township, village, bad, "吴明", "户主", Gender.Male);
        badRow[RegisterColumns.ResidentId] = badRow[RegisterColumns.ResidentId][..17] + (badRow[RegisterColumns.ResidentId][17] == '0' ? '1' : '0');
        var noHead = Person(township, village, Number(), "郑华", "之子", Gender.Male);
        var sheet = Sheet(Person(township, village, good, "冯伟", "户主", Gender.Male), badRow, noHead);

        await using var scope = await app.ScopeForAsync("township");
        var result = await scope.ServiceProvider.GetRequiredService<ImportRegister>().RunAsync(sheet, "register.csv", false, dryRun: false);
        Assert.False(result.Written);
        Assert.Contains(result.Errors, e => e.SheetRowNumber == 3 && e.Column == RegisterColumns.ResidentId && e.Message.Contains("校验码错误", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.SheetRowNumber == 4 && e.Column == RegisterColumns.Relationship && e.Message.Contains("没有户主", StringComparison.Ordinal));
        await using var db = app.SystemDb();
        Assert.False(await db.Households.AnyAsync(h => h.HouseholdNumber == good));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_register_whose_disabled_members_have_no_grade_imports_with_the_grade_unknown(bool bulk)
    {
        // The national system's 花名册 has a 健康状况 column and no grade column: 残疾 alone is what it exports.
        var (township, village, _, _) = await PlacesAsync();
        var number = Number();
        var head = Person(township, village, number, "田守业", "户主", Gender.Male);
        head[RegisterColumns.Health] = "残疾";
        var wife = Person(township, village, number, "田桂兰", "配偶", Gender.Female);
        wife[RegisterColumns.Health] = "残疾（三级）";
        var son = Person(township, village, number, "田小勇", "之子", Gender.Male);
        son[RegisterColumns.Health] = "肢体残疾";

        await using var scope = await app.ScopeForAsync("township");
        var import = new ImportRegister(scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            scope.ServiceProvider.GetRequiredService<CurrentUser>(), TimeProvider.System, scope.ServiceProvider.GetRequiredService<AuditLog>()) { BulkInsertNewHouseholds = bulk };
        var result = await import.RunAsync(Sheet(head, wife, son), "disabled.csv", false, dryRun: false);

        Assert.True(result.Written, string.Join("；", result.Errors));
        // The two without a grade are told in the preview, quoting the cell as written; the graded one is not.
        Assert.Equal([(2, "残疾"), (4, "肢体残疾")], result.Warnings.Select(w => (w.SheetRowNumber, w.Value)).ToList());
        Assert.All(result.Warnings, w => Assert.Equal(RegisterColumns.Health, w.Column));
        await using var db = app.SystemDb();
        var members = await db.Members.AsNoTracking().Where(m => m.Household!.HouseholdNumber == number)
            .OrderBy(m => m.Name).Select(m => new { m.Name, m.Health, m.DisabilityGrade }).ToListAsync();
        Assert.Equal(
            [("田守业", HealthStatus.Disabled, (int?)null), ("田小勇", HealthStatus.Disabled, null), ("田桂兰", HealthStatus.Disabled, 3)],
            members.Select(m => (m.Name, m.Health, m.DisabilityGrade)).OrderBy(m => m.Name, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task No_import_message_quotes_a_value_in_english_or_in_a_us_date_whatever_the_bad_cell()
    {
        // Property-style: many rows, each spoiled in one or two cells drawn from a pool of what officials really get
        // wrong; every message, in every column, must read in Chinese with dates as yyyy-MM-dd.
        var (township, village, _, _) = await PlacesAsync();
        string[] columns = [RegisterColumns.Gender, RegisterColumns.BirthDate, RegisterColumns.Health, RegisterColumns.Relationship,
            RegisterColumns.MigrantWorkMonths, RegisterColumns.Phone, RegisterColumns.Status, RegisterColumns.ExitYear,
            RegisterColumns.IdentificationYear, RegisterColumns.PovertyCategory, RegisterColumns.PrimaryCause, RegisterColumns.Name,
            RegisterColumns.ResidentId, RegisterColumns.BasicMedicalInsurance, RegisterColumns.Relocated, RegisterColumns.Ethnicity];
        string[] badValues = ["男", "女", "2003-03-01", "2003/3/1", "2099-01-01", "2003年13月1日", "1900-01-01", "残疾（五级）",
            "13", "-1", "一二三", "12345", "2030", "1899", "已脱贫", "未脱贫", "户主", "之子", "", "是", "否", "不详", "99999999999",
            "421129195001010000", "某某某某某某某某某某某某某某某某某某某某某", "低保贫困户", "因灾", "2016年", "6个月"];
        var random = new Random(20261202);
        var rows = new List<Dictionary<string, string>>();
        for (var i = 0; i < 120; i++)
        {
            var person = Person(township, village, Number(), "曹文", "户主", i % 2 == 0 ? Gender.Male : Gender.Female);
            for (var spoil = 0; spoil < 1 + random.Next(2); spoil++)
            {
                person[columns[random.Next(columns.Length)]] = badValues[random.Next(badValues.Length)];
            }
            rows.Add(person);
        }
        // The two cases users met: a gender and a birth date that disagree with the ID number.
        var mismatched = Person(township, village, Number(), "曹武", "户主", Gender.Male);
        mismatched[RegisterColumns.Gender] = "女";
        rows.Add(mismatched);
        var wrongBirth = Person(township, village, Number(), "曹斌", "户主", Gender.Male);
        wrongBirth[RegisterColumns.BirthDate] = "2003-03-01";
        rows.Add(wrongBirth);

        await using var scope = await app.ScopeForAsync("township");
        var result = await scope.ServiceProvider.GetRequiredService<ImportRegister>().RunAsync(Sheet(rows.ToArray()), "bad.csv", false, dryRun: true);

        Assert.True(result.Errors.Count > 60, $"only {result.Errors.Count} errors: the pool no longer spoils rows");
        Assert.Contains(result.Errors, e => e.SheetRowNumber == rows.Count && e.Column == RegisterColumns.Gender && e.Value == "女");
        Assert.Contains(result.Errors, e => e.SheetRowNumber == rows.Count + 1 && e.Column == RegisterColumns.BirthDate && e.Value == "2003年");
        foreach (var error in result.Errors)
        {
            // The names of the user's own software and file types are the words they use too.
            var text = System.Text.RegularExpressions.Regex.Replace(error.ToString(), @"Excel|WPS|\.xlsx|\.xls|\.csv", "");
            Assert.DoesNotMatch(@"[A-Za-z]{2,}", text);
            Assert.DoesNotMatch(@"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}:\d{2}:\d{2}", text);
        }
    }

    [Fact]
    public async Task Rows_outside_the_users_area_are_errors_and_new_areas_need_a_county_level_user()
    {
        var (_, _, otherTownship, otherVillage) = await PlacesAsync();
        var (township, _, _, _) = await PlacesAsync();
        var outside = Sheet(Person(otherTownship, otherVillage, Number(), "卫东", "户主", Gender.Male));
        var newVillage = $"新村{Interlocked.Increment(ref counter)}";
        var created = Sheet(Person(township, newVillage, Number(), "蒋平", "户主", Gender.Male));

        await using (var scope = await app.ScopeForAsync("township"))
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportRegister>();
            var result = await import.RunAsync(outside, "f.csv", false, dryRun: true);
            Assert.Contains(result.Errors, e => e.Message.Contains("不在您的管辖范围内", StringComparison.Ordinal));
            var attempt = await import.RunAsync(created, "f.csv", createAreas: true, dryRun: false);
            Assert.False(attempt.Written);
            Assert.Contains(attempt.Errors, e => e.Column == RegisterColumns.Village && e.Message.Contains("须由县级用户建立", StringComparison.Ordinal));
        }
        await using (var scope = await app.ScopeForAsync("county"))
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportRegister>();
            var preview = await import.RunAsync(created, "f.csv", createAreas: false, dryRun: true);
            Assert.Contains(preview.Errors, e => e.Message.Contains("请勾选", StringComparison.Ordinal));
            var written = await import.RunAsync(created, "f.csv", createAreas: true, dryRun: false);
            Assert.True(written.Written, string.Join("；", written.Errors));
            Assert.Contains(written.AreasToCreate, a => a.Contains(newVillage, StringComparison.Ordinal));
        }
        await using var db = app.SystemDb();
        var village = await db.Villages.SingleAsync(v => v.Name == newVillage);
        Assert.Matches(@"^\d{12}$", village.AdminCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_fault_in_the_middle_of_writing_leaves_the_database_as_it_was(bool bulk)
    {
        var (township, _, _, _) = await PlacesAsync();
        var newVillage = $"故障村{Interlocked.Increment(ref counter)}";
        var numbers = Enumerable.Range(0, 3).Select(_ => Number()).ToList();
        var sheet = Sheet(numbers.Select(n => Person(township, newVillage, n, "韩勇", "户主", Gender.Male)).ToArray());

        await using var scope = await app.ScopeForAsync("county");
        var currentUser = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        var import = new ImportRegister(new FaultyFactory(app, currentUser), currentUser, TimeProvider.System, scope.ServiceProvider.GetRequiredService<AuditLog>()) { BulkInsertNewHouseholds = bulk };
        await using var before = app.SystemDb();
        var (households, villages, batches) = (await before.Households.CountAsync(), await before.Villages.CountAsync(), await before.ImportBatches.CountAsync());

        // The new village is saved first, then the households (in the bulk path they are already in the tables when
        // the import record's save fails): all must be gone.
        var result = await import.RunAsync(sheet, "fault.csv", createAreas: true, dryRun: false);
        Assert.False(result.Written);
        Assert.Contains("数据库未作任何修改", Assert.Single(result.Errors).Message);
        await using var after = app.SystemDb();
        Assert.Equal((households, villages, batches),
            (await after.Households.CountAsync(), await after.Villages.CountAsync(), await after.ImportBatches.CountAsync()));
        Assert.False(await after.Villages.AnyAsync(v => v.Name == newVillage));
        Assert.False(await after.Members.AnyAsync(m => m.Household!.HouseholdNumber == numbers[0]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cancelling_once_the_households_are_written_leaves_the_database_as_it_was(bool bulk)
    {
        var (township, village, _, _) = await PlacesAsync();
        var numbers = Enumerable.Range(0, 3).Select(_ => Number()).ToList();
        var sheet = Sheet(numbers.Select(n => Person(township, village, n, "秦岭", "户主", Gender.Male)).ToArray());

        await using var scope = await app.ScopeForAsync("township");
        var import = new ImportRegister(scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            scope.ServiceProvider.GetRequiredService<CurrentUser>(), TimeProvider.System, scope.ServiceProvider.GetRequiredService<AuditLog>()) { BulkInsertNewHouseholds = bulk };
        using var cancel = new CancellationTokenSource();
        // Planning reports households 1, 2, 3; the fourth report comes once the households are written.
        var reports = 0;
        var result = await import.RunAsync(sheet, "cancel.csv", false, dryRun: false,
            new Report(_ => { if (++reports == 4) cancel.Cancel(); }), cancel.Token);
        Assert.Equal(4, reports);
        Assert.False(result.Written);
        Assert.Contains("导入已取消", Assert.Single(result.Errors).Message);
        await using var db = app.SystemDb();
        Assert.False(await db.Households.AnyAsync(h => numbers.Contains(h.HouseholdNumber)));
        Assert.False(await db.ImportBatches.AnyAsync(b => b.FileName == "cancel.csv"));
    }

    [Fact]
    public async Task New_households_written_straight_into_the_tables_are_stored_as_through_EF()
    {
        var (township, village, _, _) = await PlacesAsync();
        var numbers = Enumerable.Range(0, 3).Select(_ => Number()).ToList();
        var head = Person(township, village, numbers[0], "欧阳修文", "户主", Gender.Male);
        var wife = Person(township, village, numbers[0], "林秀", "配偶", Gender.Female);
        wife[RegisterColumns.Health] = "残疾（二级）";
        wife[RegisterColumns.MigrantWorkPlace] = "省外务工";
        wife[RegisterColumns.MigrantWorkMonths] = "6";
        wife[RegisterColumns.Phone] = "13800138000";
        var son = Person(township, village, numbers[0], "欧阳明", "之子", Gender.Male);
        son[RegisterColumns.SchoolingStatus] = "初中";
        son[RegisterColumns.EducationLevel] = "小学";
        var exited = Person(township, village, numbers[1], "陆平", "户主", Gender.Male);
        (exited[RegisterColumns.Status], exited[RegisterColumns.ExitYear], exited[RegisterColumns.Relocated]) = ("已脱贫", "2018", "是");
        exited[RegisterColumns.SecondaryCause] = "缺技术";
        var monitored = Person(township, village, numbers[2], "黎安", "户主", Gender.Female);
        (monitored[RegisterColumns.PovertyCategory], monitored[RegisterColumns.Status], monitored[RegisterColumns.MonitoringType]) =
            ("", "非建档立卡户", "边缘易致贫户");
        monitored[RegisterColumns.IdentificationYear] = "";
        monitored[RegisterColumns.PrimaryCause] = "";
        var sheet = Sheet(head, wife, son, exited, monitored);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 30, 15, TimeSpan.Zero));

        await using var scope = await app.ScopeForAsync("township");
        var factory = new ClockFactory(app, scope.ServiceProvider.GetRequiredService<CurrentUser>(), clock);
        var currentUser = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        var throughEf = await new ImportRegister(factory, currentUser, clock, scope.ServiceProvider.GetRequiredService<AuditLog>()) { BulkInsertNewHouseholds = false }
            .RunAsync(sheet, "ef.csv", false, dryRun: false);
        Assert.True(throughEf.Written, string.Join("；", throughEf.Errors));
        var expected = await StoredRowsAsync(numbers);
        await DeleteAsync(numbers);

        var straight = await new ImportRegister(factory, currentUser, clock, scope.ServiceProvider.GetRequiredService<AuditLog>()).RunAsync(sheet, "bulk.csv", false, dryRun: false);
        Assert.True(straight.Written, string.Join("；", straight.Errors));
        var actual = await StoredRowsAsync(numbers);
        Assert.Contains(expected, r => r.Contains("LivingMembers=3:", StringComparison.Ordinal));
        Assert.Equal(3 + 5 + 2, expected.Count(r => !r.StartsWith("FieldChanges", StringComparison.Ordinal)));
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// One home for the write rules: households keyed in through the forms are stored as the import stores the same
    /// rows, on both of its writing paths: same values, same status steps, same audit stamps. (Only the field history
    /// differs, on purpose: the form records each member it adds to an existing household.)
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Households_keyed_into_the_forms_are_stored_as_the_import_stores_the_same_rows(bool bulk)
    {
        var (township, village, _, _) = await PlacesAsync();
        var numbers = Enumerable.Range(0, 3).Select(_ => Number()).ToList();
        var head = Person(township, village, numbers[0], "卢建国", "户主", Gender.Male);
        head[RegisterColumns.Phone] = "０７１３－５１２３４５６";
        head[RegisterColumns.SecondaryCause] = "缺资金";
        var wife = Person(township, village, numbers[0], " 何  芳 ", "配偶", Gender.Female);
        wife[RegisterColumns.Health] = "残疾";
        wife[RegisterColumns.MigrantWorkPlace] = " 广东省东莞市 ";
        wife[RegisterColumns.MigrantWorkMonths] = "7";
        var son = Person(township, village, numbers[0], "卢小军", "之子", Gender.Male);
        (son[RegisterColumns.SchoolingStatus], son[RegisterColumns.EducationLevel]) = ("八年级", "小学");
        var exited = Person(township, village, numbers[1], "韦平安", "户主", Gender.Male);
        (exited[RegisterColumns.Status], exited[RegisterColumns.ExitYear]) = ("已脱贫", "2019");
        var monitored = Person(township, village, numbers[2], "覃秀英", "户主", Gender.Female);
        (monitored[RegisterColumns.PovertyCategory], monitored[RegisterColumns.Status], monitored[RegisterColumns.MonitoringType]) =
            ("", "非建档立卡户", "突发严重困难户");
        (monitored[RegisterColumns.IdentificationYear], monitored[RegisterColumns.PrimaryCause]) = ("", "因灾");
        var sheet = Sheet(head, wife, son, exited, monitored);
        Assert.Empty(sheet.Errors);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 30, 15, TimeSpan.Zero));

        await using var scope = await app.ScopeForAsync("township");
        var currentUser = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        var factory = new ClockFactory(app, currentUser, clock);
        var imported = await new ImportRegister(factory, currentUser, clock, scope.ServiceProvider.GetRequiredService<AuditLog>()) { BulkInsertNewHouseholds = bulk }
            .RunAsync(sheet, "same.csv", false, dryRun: false);
        Assert.True(imported.Written, string.Join("；", imported.Errors));
        var expected = (await StoredRowsAsync(numbers)).Where(r => !r.StartsWith("FieldChanges", StringComparison.Ordinal)).ToList();
        await DeleteAsync(numbers);

        // The same households as an official keys them in: the household first, then its members one by one, each
        // value typed as the file has it (full-width digits, stray spaces) and left to the forms' rules to clean.
        int villageId;
        await using (var db = app.SystemDb())
        {
            villageId = await db.Villages.Where(v => v.Name == village && v.Township!.Name == township).Select(v => v.Id).SingleAsync();
        }
        var saveHousehold = new SaveHousehold(factory, currentUser, clock);
        var saveMember = new SaveMember(factory, currentUser, clock);
        async Task<int> HouseholdAsync(SaveHousehold.Command command)
        {
            var result = await saveHousehold.HandleAsync(command);
            Assert.True(result.Succeeded, result.Outcome.Summary);
            return result.Value;
        }
        async Task MemberAsync(int householdId, Dictionary<string, string> row, Action<SaveMember.Command>? more = null)
        {
            var id = ResidentId.Parse(row[RegisterColumns.ResidentId]);
            var command = new SaveMember.Command
            {
                HouseholdId = householdId, Name = row[RegisterColumns.Name], ResidentId = id.Value,
                Relationship = RelationshipOf(row[RegisterColumns.Relationship]), Gender = id.Gender,
                BirthDate = id.BirthDate.ToDateTime(TimeOnly.MinValue), Ethnicity = "汉族", SchoolingStatus = SchoolingStatus.NotInSchool,
                Health = HealthStatus.Healthy, LabourAbility = LabourAbility.Ordinary,
                HasBasicMedicalInsurance = true, HasSeriousIllnessInsurance = true, HasPensionInsurance = false,
            };
            more?.Invoke(command);
            var result = await saveMember.HandleAsync(command);
            Assert.True(result.Succeeded, result.Outcome.Summary);
        }

        var family = await HouseholdAsync(new SaveHousehold.Command
        {
            VillageId = villageId, HouseholdNumber = numbers[0], Phone = "０７１３－５１２３４５６", Category = PovertyCategory.General,
            PrimaryCause = PovertyCause.Illness, SecondaryCause = PovertyCause.LackOfCapital, IdentificationYear = 2016,
            Status = HouseholdStatus.Identified,
        });
        await MemberAsync(family, head);
        await MemberAsync(family, wife, m => (m.Health, m.MigrantWorkPlace, m.MigrantWorkMonths) = (HealthStatus.Disabled, " 广东省东莞市 ", 7));
        await MemberAsync(family, son, m => (m.SchoolingStatus, m.EducationLevel) = (SchoolingStatus.JuniorHigh, "小学"));
        var exitedId = await HouseholdAsync(new SaveHousehold.Command
        {
            VillageId = villageId, HouseholdNumber = numbers[1], Category = PovertyCategory.General, PrimaryCause = PovertyCause.Illness,
            IdentificationYear = 2016, Status = HouseholdStatus.Exited, ExitYear = 2019,
        });
        await MemberAsync(exitedId, exited);
        var monitoredId = await HouseholdAsync(new SaveHousehold.Command
        {
            VillageId = villageId, HouseholdNumber = numbers[2], PrimaryCause = PovertyCause.Disaster, Status = HouseholdStatus.NotRegistered,
            MonitoringType = MonitoringType.SuddenHardship, MonitoringIdentifiedOn = new DateTime(2025, 11, 25),
        });
        await MemberAsync(monitoredId, monitored);
        // This year's intake is a procedure's (decision 0031): the form keys in last year's, and the approval dates it.
        await using (var db = app.SystemDb())
        {
            await db.Households.Where(h => h.Id == monitoredId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.MonitoringIdentifiedOn, new DateOnly(2026, 11, 25)), TestContext.Current.CancellationToken);
        }

        var keyedIn = (await StoredRowsAsync(numbers)).Where(r => !r.StartsWith("FieldChanges", StringComparison.Ordinal)).ToList();
        await DeleteAsync(numbers);
        Assert.Equal(3 + 5 + 2, expected.Count);
        Assert.Contains(expected, r => r.Contains("MigrantWorkPlace=广东省东莞市:", StringComparison.Ordinal));
        Assert.Contains(expected, r => r.Contains("Phone=encrypted(0713-5123456)", StringComparison.Ordinal));
        Assert.Equal(expected, keyedIn);
    }

    private static Relationship RelationshipOf(string label) =>
        Enum.GetValues<Relationship>().Single(r => r.Label() == label);

    [Fact]
    public async Task Writing_new_households_straight_into_the_tables_refuses_one_outside_the_scope()
    {
        var (_, _, otherTownship, otherVillage) = await PlacesAsync();
        await using var system = app.SystemDb();
        var village = await system.Villages.FirstAsync(v => v.Name == otherVillage && v.Township!.Name == otherTownship);
        var number = Number();

        await using var scope = await app.ScopeForAsync("township");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.Database.InTransactionAsync(async token =>
        {
            var household = new Household
            {
                HouseholdNumber = number, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
                Status = HouseholdStatus.Identified,
            };
            await Assert.ThrowsAsync<OutOfScopeException>(() => NewHouseholdRows.WriteAsync(db, [household], DateTimeOffset.UtcNow, token));
        });
        Assert.False(await system.Households.AnyAsync(h => h.HouseholdNumber == number));
    }

    /// <summary>
    /// The rows of the households as the database stores them (raw values and their types), ids and random versions
    /// reduced to their type and shape, so that two imports of the same file compare equal.
    /// </summary>
    private async Task<List<string>> StoredRowsAsync(IReadOnlyList<string> numbers)
    {
        var list = string.Join(", ", numbers.Select(n => $"'{n}'"));
        var households = $"SELECT \"Id\" FROM \"Households\" WHERE \"HouseholdNumber\" IN ({list})";
        await using var db = app.SystemDb();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = new List<string>();
        foreach (var (table, order) in new[]
                 {
                     ("Households", "\"HouseholdNumber\""), ("Members", "\"ResidentId\""), ("HouseholdStatusChanges", "\"Year\", \"Status\""),
                     ("FieldChanges", "\"Field\""),
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = table == "Households"
                ? $"SELECT * FROM \"Households\" WHERE \"Id\" IN ({households}) ORDER BY {order}"
                : $"SELECT * FROM \"{table}\" WHERE \"HouseholdId\" IN ({households}) ORDER BY {order}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Select(i =>
                {
                    var (name, value) = (reader.GetName(i), reader.GetValue(i));
                    // Encrypted columns differ by their random nonces; what they hold is compared, and that they are encrypted.
                    if (value is string stored && PersonalDataCipher.IsEncrypted(stored))
                    {
                        return $"{name}=encrypted({app.Cipher.Decrypt(stored, $"{table[..^1]}.{name}")})";
                    }
                    var shown = name is "Id" or "HouseholdId" or "EntityId" or "Version"
                        ? value is string s ? $"text({s.Length}, {(s.Any(char.IsLower) ? "lower" : "upper")})" : "…"
                        : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                    return $"{name}={shown}:{value.GetType().Name}";
                });
                rows.Add($"{table} {string.Join(" ", cells)}");
            }
        }
        return rows;
    }

    private async Task DeleteAsync(IReadOnlyList<string> numbers)
    {
        var list = string.Join(", ", numbers.Select(n => $"'{n}'"));
        var households = $"SELECT \"Id\" FROM \"Households\" WHERE \"HouseholdNumber\" IN ({list})";
        await using var db = app.SystemDb();
        foreach (var table in new[] { "FieldChanges", "HouseholdStatusChanges", "Members" })
        {
            var delete = $"DELETE FROM \"{table}\" WHERE \"HouseholdId\" IN ({households})";
            await db.Database.ExecuteSqlRawAsync(delete);
        }
        var deleteHouseholds = $"DELETE FROM \"Households\" WHERE \"HouseholdNumber\" IN ({list})";
        await db.Database.ExecuteSqlRawAsync(deleteHouseholds);
    }

    [Fact]
    public async Task Exporting_and_importing_unchanged_data_reports_no_change()
    {
        var (_, village, _, _) = await PlacesAsync();
        await using var db = app.SystemDb();
        var villageId = await db.Villages.Where(v => v.Name == village).Select(v => v.Id).FirstAsync();

        await using var scope = await app.ScopeForAsync("township");
        using var file = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ExportHouseholds>().WriteAsync(new ListHouseholds.Query { VillageId = villageId }, file);
        file.Position = 0;
        var sheet = await RegisterFileReader.ReadAsync(file, "export.xlsx");
        Assert.Empty(sheet.Errors);
        var result = await scope.ServiceProvider.GetRequiredService<ImportRegister>().RunAsync(sheet, "export.xlsx", false, dryRun: true);
        Assert.Empty(result.Errors);
        Assert.Equal(0, result.Changes);
        Assert.True(result.HouseholdsUnchanged > 0);
    }

    [Fact]
    public async Task The_command_line_import_previews_writes_and_refuses_with_exit_codes()
    {
        var (township, village, _, _) = await PlacesAsync();
        var number = Number();
        var row = Person(township, village, number, "褚建华", "户主", Gender.Male);
        var path = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, string.Join(',', RegisterColumns.All) + "\n"
            + string.Join(',', RegisterColumns.All.Select(c => row.GetValueOrDefault(c, ""))) + "\n", new UTF8Encoding(true));
        try
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            Assert.Equal(0, await ImportCommand.RunAsync(scope.ServiceProvider, ["import", path, "--user", "township", "--dry-run"]));
            await using (var db = app.SystemDb()) Assert.False(await db.Households.AnyAsync(h => h.HouseholdNumber == number));

            await using var write = app.Factory.Services.CreateAsyncScope();
            Assert.Equal(0, await ImportCommand.RunAsync(write.ServiceProvider, ["import", path, "--user", "township"]));
            await using (var db = app.SystemDb()) Assert.True(await db.Households.AnyAsync(h => h.HouseholdNumber == number));

            await using var outside = app.Factory.Services.CreateAsyncScope();
            Assert.Equal(1, await ImportCommand.RunAsync(outside.ServiceProvider, ["import", path, "--user", "township2"]));
            await using var bad = app.Factory.Services.CreateAsyncScope();
            Assert.Equal(2, await ImportCommand.RunAsync(bad.ServiceProvider, ["import", path]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Contexts like the portal's whose audit fields come from <paramref name="clock"/>.</summary>
    private sealed class ClockFactory(PortalAppFixture app, IAreaScopeSource user, TimeProvider clock) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>();
            DatabaseServiceCollectionExtensions.Configure(options, app.Provider, app.ConnectionString, app.Cipher)
                .AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(clock));
            return new PortalDbContext(options.Options, user);
        }
    }

    /// <summary>Reports on the caller's thread (unlike <see cref="Progress{T}"/>), so the test acts at that moment.</summary>
    private sealed class Report(Action<int> report) : IProgress<int>
    {
        void IProgress<int>.Report(int value) => report(value);
    }

    /// <summary>
    /// Contexts like the portal's whose save fails once new households are on their way (EF path) or written
    /// (bulk path, at the import record), as a lost connection would.
    /// </summary>
    private sealed class FaultyFactory(PortalAppFixture app, IAreaScopeSource user) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>();
            DatabaseServiceCollectionExtensions.Configure(options, app.Provider, app.ConnectionString, app.Cipher)
                .AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System))
                .AddInterceptors(new FailOnNewHouseholds());
            return new PortalDbContext(options.Options, user);
        }
    }

    private sealed class FailOnNewHouseholds : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries().Any(e => e.State == EntityState.Added && e.Entity is Household or ImportBatch)
                ? throw new DbUpdateException("注入的故障：连接中断")
                : ValueTask.FromResult(result);
    }

    [Fact]
    public async Task A_preview_names_no_household_outside_the_users_area_and_every_preview_is_audited()
    {
        var (township, village, _, _) = await PlacesAsync();
        await using var db = app.SystemDb();
        var townshipId = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var countyId = await db.Townships.Where(t => t.Id == townshipId).Select(t => t.CountyId).SingleAsync();
        // Same county, another township: other tests add counties of their own, where the check rightly says nothing.
        var foreign = await db.Members.Include(m => m.Household)
            .FirstAsync(m => m.CountyId == countyId && m.TownshipId != townshipId && !m.IsDeceased);
        var row = Row(township, village, Number(), "聂远", foreign.ResidentId, "户主", foreign.Gender.Label(), foreign.BirthDate);
        var clash = Row(township, village, foreign.Household!.HouseholdNumber, "聂近", NewId(Gender.Male), "户主", "男", new DateOnly(1980, 1, 1));
        var fileName = $"oracle-{Interlocked.Increment(ref counter)}.csv";

        await using var scope = await app.ScopeForAsync("township");
        var result = await scope.ServiceProvider.GetRequiredService<ImportRegister>().RunAsync(Sheet(row, clash), fileName, false, dryRun: true);

        Assert.Contains(result.Errors, e => e.Message == ElsewhereInCounty.ResidentId);
        Assert.Contains(result.Errors, e => e.Message == ElsewhereInCounty.HouseholdNumber);
        Assert.All(result.Errors, e => Assert.DoesNotContain(foreign.Household.HouseholdNumber, e.Message, StringComparison.Ordinal));
        var audit = await db.AuditLog.Where(a => a.Action == AuditActions.ImportRegisterPreview && a.UserName == "township")
            .Select(a => a.Detail).ToListAsync();
        Assert.Contains($"文件“{fileName}”，2行，2户，错误{result.Errors.Count}条，未写入", audit);
        Assert.All(audit, d => Assert.DoesNotContain(foreign.ResidentId, d!, StringComparison.Ordinal));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ImportTestsOnSqlite(SqliteAppFixture app) : ImportTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class ImportTestsOnPostgreSql(PostgreSqlAppFixture app) : ImportTests(app);
