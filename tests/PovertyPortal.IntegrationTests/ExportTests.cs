using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.IntegrationTests;

public abstract class ExportTests(PortalAppFixture app)
{
    private static List<string[]> ReadRows(Stream file)
    {
        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToList();
    }

    [Fact]
    public async Task A_township_official_exports_their_villages_register_with_complete_IDs_and_it_is_audited()
    {
        await using var db = app.SystemDb();
        var townshipId = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var village = await db.Villages.Where(v => v.TownshipId == townshipId).OrderBy(v => v.Id).FirstAsync();
        var expected = await db.Members.Where(m => m.VillageId == village.Id).Select(m => m.ResidentId).ToListAsync();

        await using var scope = await app.ScopeForAsync("township");
        using var file = new MemoryStream();
        var summary = await scope.ServiceProvider.GetRequiredService<ExportHouseholds>()
            .WriteAsync(new ListHouseholds.Query { VillageId = village.Id }, file);

        var rows = ReadRows(file);
        Assert.Equal(RegisterColumns.All, rows[0]);
        Assert.Equal(expected.Count, rows.Count - 1);
        Assert.Equal(expected.Order(), rows.Skip(1).Select(r => r[6]).Order());
        Assert.All(rows.Skip(1), r => Assert.Equal(village.Name, r[2]));
        Assert.True(summary.Complete);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.ExportRegister && a.UserName == "township"
            && a.Detail == $"{summary.Households}户{summary.Members}人，证件号码完整；筛选：村={village.Name}"));
    }

    [Fact]
    public async Task A_role_that_may_not_see_IDs_gets_them_masked_and_nobody_gets_another_townships_rows()
    {
        await using var db = app.SystemDb();
        var townshipId = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var otherVillage = await db.Villages.Where(v => v.TownshipId != townshipId).Select(v => v.Id).FirstAsync();

        await using (var scope = await app.ScopeForAsync("admin"))
        {
            using var file = new MemoryStream();
            var summary = await scope.ServiceProvider.GetRequiredService<ExportHouseholds>().WriteAsync(new ListHouseholds.Query(), file);
            Assert.False(summary.Complete);
            Assert.All(ReadRows(file).Skip(1), r =>
            {
                Assert.Matches(@"^\d{6}\*{8}[\dX]{4}$", r[6]);
                // Masked ID, so birth year only and no health: nothing gives the eight hidden digits back.
                Assert.Matches(@"^\d{4}年$", r[9]);
                Assert.Equal(PersonalData.Hidden, r[13]);
                Assert.True(r[28].Length == 0 || r[28].Contains("****", StringComparison.Ordinal), r[28]);
            });
        }
        await using (var scope = await app.ScopeForAsync("township"))
        {
            using var file = new MemoryStream();
            var summary = await scope.ServiceProvider.GetRequiredService<ExportHouseholds>()
                .WriteAsync(new ListHouseholds.Query { VillageId = otherVillage }, file);
            Assert.Equal((0, 0), (summary.Households, summary.Members));
            Assert.Single(ReadRows(file));
        }
    }

    [Fact]
    public async Task An_exports_filter_is_audited_in_chinese_whatever_the_filter()
    {
        await using var scope = await app.ScopeForAsync("county");
        using var file = new MemoryStream();
        var query = new ListHouseholds.Query
        {
            Standing = RegistryStanding.Remaining, Year = 2018, IncomeWarning = Domain.Income.IncomeWarning.BelowLine, IncomeYear = 2018,
            Assurance = new AssuranceFailure(Domain.Assurance.AssuranceItemKind.HousingSafety, 2018),
        };
        await scope.ServiceProvider.GetRequiredService<ExportHouseholds>().WriteAsync(query, file);

        await using var db = app.SystemDb();
        var detail = await db.AuditLog.Where(a => a.Action == AuditActions.ExportRegister && a.UserName == "county")
            .OrderByDescending(a => a.Id).Select(a => a.Detail).FirstAsync();
        Assert.Contains("年末状态=未脱贫", detail);
        Assert.Contains("2018年", detail);
        Assert.DoesNotMatch("[A-Za-z]", detail!);
    }

    [Fact]
    public async Task A_team_member_may_not_export_and_the_refusal_is_audited_with_its_filter()
    {
        await using var db = app.SystemDb();
        var villageId = await db.Users.Where(u => u.UserName == "member").Select(u => u.VillageId).SingleAsync();
        var village = await db.Villages.Where(v => v.Id == villageId).Select(v => v.Name).SingleAsync();

        await using var scope = await app.ScopeForAsync("member");
        using var file = new MemoryStream();
        var summary = await scope.ServiceProvider.GetRequiredService<ExportHouseholds>()
            .WriteAsync(new ListHouseholds.Query { VillageId = villageId, Status = HouseholdStatus.Exited, Text = "张" }, file);

        Assert.Equal(ExportHouseholds.Refusal, summary.Refused);
        Assert.Equal(0, file.Length);
        var details = await db.AuditLog.Where(a => a.Action == AuditActions.ExportRegisterRefused && a.UserName == "member")
            .Select(a => a.Detail).ToListAsync();
        // The search text may be a name or an ID's last digits: the entry says only that there was one.
        Assert.Contains($"角色驻村工作队员不能导出；筛选：村={village}，贫困户状态={HouseholdStatus.Exited.Label()}，含搜索词", details);
    }

    [Fact]
    public async Task A_team_leader_exports_their_village_in_full_as_a_role_that_may_reveal_IDs()
    {
        await using var db = app.SystemDb();
        var villageId = await db.Users.Where(u => u.UserName == "leader").Select(u => u.VillageId).SingleAsync();
        var expected = await db.Members.Where(m => m.VillageId == villageId).CountAsync();

        await using var scope = await app.ScopeForAsync("leader");
        using var file = new MemoryStream();
        var summary = await scope.ServiceProvider.GetRequiredService<ExportHouseholds>().WriteAsync(new ListHouseholds.Query(), file);

        Assert.Null(summary.Refused);
        Assert.True(summary.Complete);
        var rows = ReadRows(file).Skip(1).ToList();
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal(ResidentId.Parse(r[6]).BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r[9]));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ExportTestsOnSqlite(SqliteAppFixture app) : ExportTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class ExportTestsOnPostgreSql(PostgreSqlAppFixture app) : ExportTests(app);
