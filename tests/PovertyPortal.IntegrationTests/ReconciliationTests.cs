using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Reconciliation;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Reconciliation;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// 账账相符 (issue 18) through its handlers: files in GBK and as .xlsx, missing columns, duplicated and bad IDs, only in the
/// file, only in the portal and differing fields, the scope of the comparison, applying a difference (field history and
/// audit) and sending differences to the ledger. Each test registers households of its own, so the demo's stay as they are.
/// </summary>
public abstract class ReconciliationTests(PortalAppFixture app)
{
    private static int counter;

    private static readonly Encoding Gbk = GetGbk();

    private static Encoding GetGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }

    private sealed record Person(int MemberId, string Name, string ResidentId);

    private sealed record TestHousehold(int Id, string Number, int VillageId, Person Head, Person Spouse);

    private async Task<(int Township, int Village)> TownshipVillageAsync(string user)
    {
        await using var db = app.SystemDb();
        var township = await db.Users.Where(u => u.UserName == user).Select(u => u.TownshipId).SingleAsync();
        var village = await db.Villages.Where(v => v.TownshipId == township).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        return (township!.Value, village);
    }

    private static string NewId(Gender gender) =>
        ResidentId.Create("421129", new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20_000)), Random.Shared.Next(100, 999), gender).Value;

    /// <summary>A household of a head and a spouse, registered by the township official through the forms' handlers.</summary>
    private async Task<TestHousehold> RegisterAsync(int villageId, string head = "王建国", string spouse = "刘秀英")
    {
        await using var scope = await app.ScopeForAsync("township");
        var number = $"RC{Environment.TickCount64 % 100000:00000}{Interlocked.Increment(ref counter):000}";
        var saved = await scope.ServiceProvider.GetRequiredService<SaveHousehold>().HandleAsync(new SaveHousehold.Command
        {
            VillageId = villageId, HouseholdNumber = number, Category = PovertyCategory.General, PrimaryCause = PovertyCause.Illness,
            IdentificationYear = 2016, Status = HouseholdStatus.Identified, LoadedAt = DateTimeOffset.UtcNow,
        });
        Assert.True(saved.Succeeded, saved.Outcome.Summary);
        async Task<Person> AddAsync(string name, Relationship relationship, Gender gender)
        {
            var id = NewId(gender);
            var member = await scope.ServiceProvider.GetRequiredService<SaveMember>().HandleAsync(new SaveMember.Command
            {
                HouseholdId = saved.Value, Name = name, Relationship = relationship, Gender = gender,
                BirthDate = ResidentId.Parse(id).BirthDate.ToDateTime(TimeOnly.MinValue), ResidentId = id, LoadedAt = DateTimeOffset.UtcNow,
            });
            Assert.True(member.Succeeded, member.Outcome.Summary);
            return new Person(member.Value, name, id);
        }
        var headPerson = await AddAsync(head, Relationship.Head, Gender.Male);
        var spousePerson = await AddAsync(spouse, Relationship.Spouse, Gender.Female);
        return new TestHousehold(saved.Value, number, villageId, headPerson, spousePerson);
    }

    private static byte[] Csv(Encoding encoding, params string[] lines) => encoding.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static async Task<ReconciliationSheet> ReadAsync(byte[] file, string name, ReconciliationSourceKind kind,
        IReadOnlyDictionary<ReconciliationField, string>? mapping = null)
    {
        using var stream = new MemoryStream(file);
        var (header, error) = await ReconciliationFileReader.ReadHeaderAsync(stream, name);
        Assert.True(header is not null, error);
        return await ReconciliationFileReader.ReadAsync(stream, name, mapping ?? ReconciliationFileReader.Propose(header, kind, null));
    }

    private async Task<CompareWithFile.Result> CompareAsync(string user, ReconciliationSourceKind kind, ReconciliationSheet sheet, string fileName,
        int? township = null, int? village = null, IReadOnlyCollection<ReconciliationField>? fields = null)
    {
        await using var scope = await app.ScopeForAsync(user);
        var mapped = fields ?? ReconciliationFields.Mappable(kind);
        return await scope.ServiceProvider.GetRequiredService<CompareWithFile>().HandleAsync(
            new CompareWithFile.Query(kind, kind.Label(), fileName, sheet, mapped, township, village));
    }

    [Fact]
    public async Task A_GBK_export_shows_who_is_only_in_the_file_only_in_the_portal_and_every_differing_field_with_bad_and_repeated_ids_as_file_errors()
    {
        var (_, village) = await TownshipVillageAsync("township");
        var same = await RegisterAsync(village);
        var renamed = await RegisterAsync(village);
        var missing = await RegisterAsync(village);
        var stranger = NewId(Gender.Female);
        var badCheckDigit = same.Head.ResidentId[..17] + (same.Head.ResidentId[17] == '1' ? "2" : "1");

        // The national export's columns under its own names, a title row above the header, GBK as Chinese Excel saves a .csv.
        var file = Csv(Gbk,
            "国家防返贫监测信息系统 人员信息导出,,,,",
            "户编号,姓名,公民身份号码,与户主关系,脱贫状态,家庭人口",
            $"{same.Number},{same.Head.Name},{same.Head.ResidentId},户主,未脱贫,2",
            $"{same.Number},{same.Spouse.Name},{same.Spouse.ResidentId},配偶,,",
            $"{renamed.Number},王建华,{renamed.Head.ResidentId},户主,已脱贫,3",
            $"{renamed.Number},{renamed.Spouse.Name},{renamed.Spouse.ResidentId.ToLowerInvariant()},之妻,,",
            $"F-0001,赵外来,{stranger},户主,未脱贫,1",
            $"F-0001,错号码,{badCheckDigit},配偶,,",
            $"{same.Number},{same.Head.Name},{same.Head.ResidentId},户主,未脱贫,2");
        var sheet = await ReadAsync(file, "国家系统导出.csv", ReconciliationSourceKind.NationalExport);
        Assert.False(sheet.Failed);
        Assert.Equal(5, sheet.Rows.Count);
        Assert.Collection(sheet.Errors,
            e => Assert.Equal((8, "公民身份号码"), (e.SheetRowNumber, e.Column)),
            e => Assert.Equal((9, "身份证号与第3行重复，只比对第3行"), (e.SheetRowNumber, e.Message)));
        Assert.Contains("校验", sheet.Errors[0].Message, StringComparison.Ordinal);

        var result = await CompareAsync("township", ReconciliationSourceKind.NationalExport, sheet, "国家系统导出.csv", village: village);
        Assert.Null(result.Refusal);
        var ours = result.Differences.Where(d => d.HouseholdNumber is { } n && (n == same.Number || n == renamed.Number || n == missing.Number || n == "F-0001")).ToList();

        // Only in the portal: the household the file leaves out, both people, one household.
        Assert.Equal(new[] { missing.Head.Name, missing.Spouse.Name }.Order(StringComparer.Ordinal), ours.Where(d => d.Kind == DifferenceKind.OnlyInPortal).Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.All(ours.Where(d => d.Kind == DifferenceKind.OnlyInPortal), d => Assert.Equal(missing.Number, d.HouseholdNumber));
        // Only in the file: the stranger, masked, with the file's household number and row.
        var onlyInFile = Assert.Single(result.Differences, d => d.Kind == DifferenceKind.OnlyInFile);
        Assert.Equal(("赵外来", ResidentId.Mask(stranger), "F-0001", 7, CompareWithFile.OutsideFile),
            (onlyInFile.Name, onlyInFile.ResidentIdMasked, onlyInFile.HouseholdNumber, onlyInFile.FileRow, onlyInFile.VillageName));
        // Differing fields: the name, the household's status and size once for the household (the spouse's empty cells say nothing).
        var fields = ours.Where(d => d.Kind == DifferenceKind.Field).OrderBy(d => d.Field).ToList();
        Assert.Equal(
            [(ReconciliationField.Name, "王建国", "王建华", true), (ReconciliationField.HouseholdStatus, "未脱贫", "已脱贫", false),
             (ReconciliationField.HouseholdSize, "2", "3", false)],
            fields.Select(d => (d.Field!.Value, d.PortalValue!, d.FileValue!, d.CanApply)));
        Assert.All(fields, d => Assert.Equal(renamed.Number, d.HouseholdNumber));
        Assert.Equal(ResidentId.Mask(renamed.Head.ResidentId), fields[0].ResidentIdMasked);

        // Counts per village: the village's own row, and the file's stranger outside any village.
        var counts = Assert.Single(result.Villages, v => v.VillageId == village);
        Assert.Equal(4, counts.Matched);
        Assert.True(counts.OnlyInPortalHouseholds >= 1 && counts.OnlyInPortalPeople >= 2);
        Assert.Equal(3, counts.DifferingFields);
        var outside = Assert.Single(result.Villages, v => v.VillageId is null);
        Assert.Equal((1, 1), (outside.OnlyInFilePeople, outside.OnlyInFileHouseholds));
        Assert.Equal(2, result.FileErrors.Count);

        // The run is audited with counts, never a name or an ID.
        await using var db = app.SystemDb();
        var audit = await db.AuditLog.Where(a => a.Action == AuditActions.ReconciliationRun && a.UserName == "township").OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains("仅文件中有1人", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger, audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("赵外来", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused_with_a_chinese_message_naming_them()
    {
        // No ID column anywhere: the header row is not found.
        using (var noId = new MemoryStream(Csv(Encoding.UTF8, "姓名,救助类别", "张三,低保")))
        {
            var (header, error) = await ReconciliationFileReader.ReadHeaderAsync(noId, "民政.csv");
            Assert.Null(header);
            Assert.StartsWith("未找到表头行：应有一行写着“身份证号”", error, StringComparison.Ordinal);
        }

        // The header is found and proposed by its Chinese names; the user leaves 姓名 unmapped: the file is refused whole.
        var file = Csv(Encoding.UTF8, "序号,身份证号码,救助对象姓名,救助类别", $"1,{NewId(Gender.Male)},张三,低保");
        using var stream = new MemoryStream(file);
        var (found, _) = await ReconciliationFileReader.ReadHeaderAsync(stream, "民政.csv");
        Assert.NotNull(found);
        var proposal = ReconciliationFileReader.Propose(found, ReconciliationSourceKind.CivilAffairs, null);
        Assert.Equal(new Dictionary<ReconciliationField, string>
        {
            [ReconciliationField.ResidentId] = "身份证号码", [ReconciliationField.Name] = "救助对象姓名", [ReconciliationField.Category] = "救助类别",
        }, proposal);
        proposal.Remove(ReconciliationField.Name);
        var sheet = await ReconciliationFileReader.ReadAsync(stream, "民政.csv", proposal);
        Assert.True(sheet.Failed);
        Assert.Equal("缺少必需的列：姓名。请在“列对应关系”中指定", Assert.Single(sheet.Errors).Message);
        var refused = await CompareAsync("township", ReconciliationSourceKind.CivilAffairs, sheet, "民政.csv");
        Assert.Equal("缺少必需的列：姓名。请在“列对应关系”中指定", refused.Refusal);

        // A saved mapping naming a column this file does not have: named too.
        proposal[ReconciliationField.Name] = "姓名";
        var absent = await ReconciliationFileReader.ReadAsync(stream, "民政.csv", proposal);
        Assert.Equal("文件中没有这些列：姓名（姓名）。请检查表头或重新选择列对应关系", Assert.Single(absent.Errors).Message);

        // The handler refuses a mapping without them too, naming them, and keeps what was chosen for the next upload.
        await using var scope = await app.ScopeForAsync("township");
        var save = scope.ServiceProvider.GetRequiredService<SaveReconciliationSource>();
        var missing = await save.HandleAsync(new SaveReconciliationSource.Command
        {
            Kind = ReconciliationSourceKind.CivilAffairs, Mapping = new() { [ReconciliationField.Category] = "救助类别" },
        });
        Assert.Equal("请指定这些列：身份证号、姓名", missing.Summary);
        Assert.True((await save.HandleAsync(new SaveReconciliationSource.Command
        {
            Kind = ReconciliationSourceKind.CivilAffairs,
            Mapping = new() { [ReconciliationField.ResidentId] = "身份证号码", [ReconciliationField.Name] = "救助对象姓名", [ReconciliationField.Category] = "保障类别" },
        })).Succeeded);
        var civil = (await scope.ServiceProvider.GetRequiredService<ListReconciliationSources>().HandleAsync())
            .Single(s => s.Kind == ReconciliationSourceKind.CivilAffairs);
        Assert.True(civil.Saved);
        Assert.Equal("保障类别", civil.Mapping[ReconciliationField.Category]);
        // Proposed again at the next upload: the saved column where the file has it, else the header's own name.
        Assert.Equal("救助类别", ReconciliationFileReader.Propose(found, ReconciliationSourceKind.CivilAffairs, civil.Mapping)[ReconciliationField.Category]);
        Assert.Equal("救助对象姓名", ReconciliationFileReader.Propose(found, ReconciliationSourceKind.CivilAffairs, civil.Mapping)[ReconciliationField.Name]);
    }

    [Fact]
    public async Task Ten_thousand_differences_in_an_xlsx_are_all_listed_counted_and_exported()
    {
        var (_, village) = await TownshipVillageAsync("township");
        var household = await RegisterAsync(village);
        const int strangers = 9_999;
        var path = new MemoryStream();
        using (var sheet = new XlsxSheetWriter(path, "名单", [new(20, XlsxStyle.Text), new(10), new(10)], frozenRows: 1))
        {
            sheet.WriteRow(1, [new("身份证号"), new("姓名"), new("参保状态")]);
            // The household's head, listed as not insured; then strangers, each with an ID of its own.
            sheet.WriteRow(2, [new(household.Head.ResidentId, XlsxStyle.Text), new(household.Head.Name), new("未参保")]);
            var ids = new HashSet<string>();
            for (var i = 0; ids.Count < strangers; i++)
            {
                var id = ResidentId.Create("429999", new DateOnly(1940, 1, 1).AddDays(i % 25_000), 100 + i / 25_000, (i & 1) == 0 ? Gender.Male : Gender.Female).Value;
                if (ids.Add(id)) sheet.WriteRow(ids.Count + 2, [new(id, XlsxStyle.Text), new($"外来{i}"), new("已参保")]);
            }
        }
        var read = await ReadAsync(path.ToArray(), "医保.xlsx", ReconciliationSourceKind.MedicalInsurance);
        Assert.Equal(strangers + 1, read.Rows.Count);
        Assert.Empty(read.Errors);

        var result = await CompareAsync("county", ReconciliationSourceKind.MedicalInsurance, read, "医保.xlsx");
        Assert.Equal(strangers, result.OnlyInFilePeople);
        var insurance = Assert.Single(result.Differences, d => d.Kind == DifferenceKind.Field);
        Assert.Equal((ReconciliationField.BasicMedicalInsurance, "是", "否", household.Head.MemberId), (insurance.Field, insurance.PortalValue, insurance.FileValue, insurance.MemberId));
        Assert.Equal(strangers + 1 + result.OnlyInPortalPeople, result.Differences.Count);
        Assert.True(result.Differences.Count >= 10_000);
        Assert.False(result.Truncated);

        await using var scope = await app.ScopeForAsync("county");
        using var output = new MemoryStream();
        var written = await scope.ServiceProvider.GetRequiredService<ExportReconciliation>().WriteAsync(result, "医保参保名单", "医保.xlsx", output);
        Assert.Equal(result.Differences.Count, written);
        output.Position = 0;
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(output, false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        Assert.Equal(written + 1, rows);
    }

    [Fact]
    public async Task A_township_official_compares_only_their_own_township_and_never_sees_another_townships_people()
    {
        var (_, village) = await TownshipVillageAsync("township");
        var household = await RegisterAsync(village, "孙为民", "周桂兰");
        var file = Csv(Encoding.UTF8, "身份证号,姓名", $"{household.Head.ResidentId},孙卫民", $"{household.Spouse.ResidentId},周桂兰");
        var sheet = await ReadAsync(file, "名单.csv", ReconciliationSourceKind.Other);

        // 白果镇's official: both people are "only in the file"; nothing of 石桥镇 is named, not even as only in the portal.
        var other = await CompareAsync("township2", ReconciliationSourceKind.Other, sheet, "名单.csv");
        Assert.Equal(2, other.OnlyInFilePeople);
        Assert.Equal(0, other.Matched);
        Assert.DoesNotContain(other.Differences, d => d.HouseholdNumber == household.Number || d.Name == "孙为民" || d.VillageId == village);
        Assert.All(other.Differences.Where(d => d.Kind != DifferenceKind.OnlyInFile), d => Assert.NotEqual(household.Id, d.HouseholdId));
        // Asking for the other township's village by id changes nothing: the data layer's scope answers, not the query.
        var crafted = await CompareAsync("township2", ReconciliationSourceKind.Other, sheet, "名单.csv", village: village);
        Assert.Equal((0, 0, 2), (crafted.Matched, crafted.OnlyInPortalPeople, crafted.OnlyInFilePeople));

        // 石桥镇's own official sees the name that differs; a work-team member may not compare at all.
        var own = await CompareAsync("township", ReconciliationSourceKind.Other, sheet, "名单.csv", village: village,
            fields: [ReconciliationField.ResidentId, ReconciliationField.Name]);
        var name = Assert.Single(own.Differences, d => d.Kind == DifferenceKind.Field);
        Assert.Equal(("孙为民", "孙卫民"), (name.PortalValue, name.FileValue));
        Assert.Equal("您的角色不能进行账账相符比对", (await CompareAsync("member", ReconciliationSourceKind.Other, sheet, "名单.csv")).Refusal);
    }

    [Fact]
    public async Task Applying_a_difference_goes_through_the_forms_handlers_with_field_history_and_an_audit_naming_the_reconciliation()
    {
        var (_, village) = await TownshipVillageAsync("township");
        var household = await RegisterAsync(village, "吴长顺", "郑玉珍");
        var file = Csv(Encoding.UTF8, "身份证号,姓名,救助类别", $"{household.Head.ResidentId},吴长顺,低保", $"{household.Spouse.ResidentId},郑玉珍,");
        var sheet = await ReadAsync(file, "民政低保.csv", ReconciliationSourceKind.CivilAffairs);
        var result = await CompareAsync("township", ReconciliationSourceKind.CivilAffairs, sheet, "民政低保.csv", village: village);
        var category = Assert.Single(result.Differences, d => d.HouseholdId == household.Id);
        Assert.Equal((ReconciliationField.Category, "一般贫困户", "低保贫困户"), (category.Field, category.PortalValue, category.FileValue));

        // Nothing has changed by comparing.
        await using (var db = app.SystemDb())
        {
            Assert.Equal(PovertyCategory.General, await db.Households.Where(h => h.Id == household.Id).Select(h => h.Category).SingleAsync());
        }

        await using (var scope = await app.ScopeForAsync("township"))
        {
            var apply = scope.ServiceProvider.GetRequiredService<ApplyReconciliationDifference>();
            var applied = await apply.HandleAsync(new ApplyReconciliationDifference.Command(category, "民政低保/特困名单", "民政低保.csv"));
            Assert.True(applied.Succeeded, applied.Summary);
            // 家庭人口 cannot be taken over: it follows from the members.
            var size = category with { Field = ReconciliationField.HouseholdSize, FileValue = "3", CanApply = false };
            Assert.Equal("这条差异不能直接采用，请在户页面核实后修改", (await apply.HandleAsync(new(size, "国家系统", "x.csv"))).Summary);
        }
        // Another township's official cannot apply it: the member form's handler does not find the household.
        await using (var scope = await app.ScopeForAsync("township2"))
        {
            var name = category with { Field = ReconciliationField.Name, FileValue = "吴常顺", MemberId = household.Head.MemberId };
            var refused = await scope.ServiceProvider.GetRequiredService<ApplyReconciliationDifference>().HandleAsync(new(name, "其他", "x.csv"));
            Assert.Equal("该成员不存在，或不在您的管辖范围内", refused.Summary);
        }

        await using var check = app.SystemDb();
        Assert.Equal(PovertyCategory.Dibao, await check.Households.Where(h => h.Id == household.Id).Select(h => h.Category).SingleAsync());
        Assert.Equal("吴长顺", await check.Members.Where(m => m.Id == household.Head.MemberId).Select(m => m.Name).SingleAsync());
        var change = await check.FieldChanges.SingleAsync(c => c.EntityType == nameof(Household) && c.EntityId == household.Id && c.Field == nameof(Household.Category));
        Assert.Equal(("一般贫困户", "低保贫困户", "township"), (change.OldValue, change.NewValue, change.UserName));
        var recordId = household.Id.ToString(CultureInfo.InvariantCulture);
        var audit = await check.AuditLog.SingleAsync(a => a.Action == AuditActions.ReconciliationApplied && a.RecordId == recordId);
        Assert.Equal((nameof(Household), "township"), (audit.RecordType, audit.UserName));
        Assert.Equal("账账相符：按“民政低保/特困名单”（文件“民政低保.csv”第2行）修改低保/特困类别", audit.Detail);
    }

    [Fact]
    public async Task Chosen_differences_go_to_the_ledger_as_data_comparison_problems_naming_the_source_and_the_file()
    {
        var (township, village) = await TownshipVillageAsync("township");
        var household = await RegisterAsync(village, "冯德明", "蒋淑芬");
        var stranger = NewId(Gender.Male);
        var file = Csv(Encoding.UTF8, "身份证号,姓名,残疾等级", $"{household.Head.ResidentId},冯德明,二级", $"{stranger},韩外来,一级");
        var sheet = await ReadAsync(file, "残联.csv", ReconciliationSourceKind.DisabledPersons);
        var result = await CompareAsync("township", ReconciliationSourceKind.DisabledPersons, sheet, "残联.csv", village: village);
        var disability = Assert.Single(result.Differences, d => d.HouseholdId == household.Id);
        Assert.Equal((ReconciliationField.Disability, "非残疾", "残疾（二级）"), (disability.Field, disability.PortalValue, disability.FileValue));
        var onlyInFile = Assert.Single(result.Differences, d => d.Kind == DifferenceKind.OnlyInFile);

        await using (var scope = await app.ScopeForAsync("township"))
        {
            var send = scope.ServiceProvider.GetRequiredService<SendReconciliationToLedger>();
            var command = new SendReconciliationToLedger.Command
            {
                Differences = [disability, onlyInFile], SourceName = "残联残疾人名单", FileName = "残联.csv",
                ResponsibleUnit = "石桥镇残联", ResponsiblePerson = "何专干", Deadline = DateTime.Today.AddDays(30),
            };
            Assert.Equal("“仅文件中有”的人员不在系统中，请选择由哪个乡（镇）核实", (await send.HandleAsync(command)).Outcome.Summary);
            command.TownshipId = township;
            var sent = await send.HandleAsync(command);
            Assert.True(sent.Outcome.Succeeded, sent.Outcome.Summary);
            Assert.Equal(2, sent.Created);
        }

        await using var db = app.SystemDb();
        var problems = await db.Problems.Where(p => p.SourceReference == "账账相符：残联残疾人名单·残联.csv").OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal((ProblemSource.DataComparison, township, ProblemStatus.Pending), (p.Source, p.TownshipId, p.Status)));
        Assert.Equal((household.Id, (int?)village), (problems[0].HouseholdId, problems[0].VillageId));
        // The masked ID, never the full one, and no health value in the ledger's text.
        Assert.Contains(ResidentId.Mask(household.Head.ResidentId), problems[0].Description, StringComparison.Ordinal);
        Assert.DoesNotContain(household.Head.ResidentId, problems[0].Description, StringComparison.Ordinal);
        Assert.DoesNotContain("二级", problems[0].Description, StringComparison.Ordinal);
        Assert.Equal($"韩外来（{ResidentId.Mask(stranger)}）：在“残联残疾人名单”中（第3行），系统中未登记，请核实。", problems[1].Description);
        Assert.Null(problems[1].HouseholdId);
        var ids = problems.Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == AuditActions.ProblemRaised && ids.Contains(a.RecordId!)));
        // Sending changed nothing in the register.
        Assert.Equal(HealthStatus.Healthy, (await db.Members.SingleAsync(m => m.Id == household.Head.MemberId)).Health);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ReconciliationTestsOnSqlite(SqliteAppFixture app) : ReconciliationTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class ReconciliationTestsOnPostgreSql(PostgreSqlAppFixture app) : ReconciliationTests(app);
