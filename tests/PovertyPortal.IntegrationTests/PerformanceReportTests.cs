using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.Areas;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Documents.PerformanceReport;
using PovertyPortal.Web.Features.Reports;
using PovertyPortal.Web.Infrastructure;
using UglyToad.PdfPig;

namespace PovertyPortal.IntegrationTests;

/// <summary>The performance report from the database: figures, scope, prose versions, the command and the county batch.</summary>
public abstract class PerformanceReportTests(PortalAppFixture app)
{
    private const string LizhiwanCode = "421129101201";

    private async Task<int> VillageIdAsync(string code)
    {
        await using var db = app.SystemDb();
        return await db.Villages.Where(v => v.AdminCode == code).Select(v => v.Id).SingleAsync();
    }

    // The type area of a GB/T 9704 page in PDF coordinates: running header and page numbers lie outside it.
    private const double AreaTop = 841.89 - 37 * 72 / 25.4;
    private const double AreaBottom = 841.89 - (37 + 225) * 72 / 25.4;

    /// <summary>The body text in reading order: lines top to bottom, letters left to right, joined without spaces.</summary>
    internal static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().SelectMany(page => page.Letters
                .Where(l => l.StartBaseLine.Y < AreaTop && l.StartBaseLine.Y > AreaBottom)
                .GroupBy(l => Math.Round(l.StartBaseLine.Y, 0))
                .OrderByDescending(g => g.Key)
                .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))))
            .Replace(" ", "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_village_report_has_the_registers_figures()
    {
        var village = await VillageIdAsync(LizhiwanCode);
        await using var scope = await app.ScopeForAsync("leader");

        var report = await scope.ServiceProvider.GetRequiredService<LoadPerformanceReport>().HandleAsync(village, 2018);

        Assert.NotNull(report);
        var r = report.Data.Registry!;
        Assert.Equal((112, 310), (r.Households, r.People));
        Assert.Equal([new HouseholdsPeople("特困供养（五保）", 22, 22), new HouseholdsPeople("低保", 37, 89), new HouseholdsPeople("一般贫困户", 53, 199)], r.Categories);
        Assert.Equal(14, r.Causes.Single(c => c.Label == "因病").Households);
        Assert.Equal(11, r.Causes.Single(c => c.Label == "因学").Households);
        Assert.Equal(33, r.Causes.Single(c => c.Label == "因残").Households);
        Assert.Equal((20, 25, 2), (r.RelocatedHouseholds, r.RelocatedPeople, r.RelocationSites));
        Assert.Equal([new YearFigures(2014, 2, 8), new YearFigures(2015, 9, 30), new YearFigures(2016, 26, 98), new YearFigures(2017, 7, 29), new YearFigures(2018, 67, 142)], r.ExitsPerYear);
        Assert.Equal((1, 3), (r.RemainingHouseholds, r.RemainingPeople));
        Assert.Equal((393, 1488), (report.Data.Profile!.HouseholdCount, report.Data.Profile.Population));
        Assert.Equal(["石桥镇工商所", "石桥镇食品药品监管所"], report.Data.Teams.Select(t => t.DispatchingUnit));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task The_pdf_reads_back_with_every_figure_of_the_database()
    {
        var village = await VillageIdAsync(LizhiwanCode);
        await using var scope = await app.ScopeForAsync("leader");
        var report = (await scope.ServiceProvider.GetRequiredService<LoadPerformanceReport>().HandleAsync(village, 2018))!;

        var pdf = scope.ServiceProvider.GetRequiredService<PerformanceReportFiles>().Render(report.Data, ReportFormat.Pdf, ReportEdition.Internal);
        var text = PdfText(pdf);

        Assert.Contains("栗子湾村2018年驻村工作队履职报告", text);
        Assert.Contains("共有贫困户112户310人", text);
        Assert.Contains("特困供养（五保）22户22人，低保37户89人，一般贫困户53户199人", text);
        Assert.Contains("因病致贫14户", text);
        Assert.Contains("因学致贫11户", text);
        Assert.Contains("因残致贫33户", text);
        Assert.Contains("易地搬迁20户25人", text);
        Assert.Contains("2014年脱贫2户8人，2015年脱贫9户30人，2016年脱贫26户98人，2017年脱贫7户29人，2018年脱贫67户142人", text);
        Assert.Contains("贫困人口存量1户3人", text);
        Assert.Contains("393户，1,488人", text);
        Assert.DoesNotContain(text, c => c is >= '\u2F00' and <= '\u2FDF' or >= '\u2E80' and <= '\u2EFF');
        Assert.True(pdf.Length < 1_000_000);

        // Kept as test output for people to look at: the PDF and its first page as PNG (poppler's pdftoppm).
        var output = Path.Combine(ArtifactsDirectory(), $"lizhiwan-2018-{app.Provider}.pdf");
        await File.WriteAllBytesAsync(output, pdf);
        var prefix = Path.ChangeExtension(output, null) + "-page1";
        using var pdftoppm = System.Diagnostics.Process.Start("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", output, prefix])!;
        await pdftoppm.WaitForExitAsync();
        Assert.Equal(0, pdftoppm.ExitCode);
        Assert.True(File.Exists(prefix + ".png"));
    }

    private static string ArtifactsDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PovertyPortal.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "test-results", "reports");
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public async Task Prose_is_saved_as_versions_and_the_report_uses_the_newest()
    {
        var village = await VillageIdAsync(LizhiwanCode);
        await using var scope = await app.ScopeForAsync("leader");
        var save = scope.ServiceProvider.GetRequiredService<SaveReportProse>();

        var first = await save.HandleAsync(new SaveReportProse.Command { VillageId = village, Year = 2031, Practices = "入户核查。\n整理档案。" });
        var second = await save.HandleAsync(new SaveReportProse.Command { VillageId = village, Year = 2031, Practices = "入户核查，完善档案。\r\n结对帮扶。\n\n宣讲政策。", Closing = "总之，成效明显。" });

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal((1, 2), (first.Value, second.Value));
        var report = (await scope.ServiceProvider.GetRequiredService<LoadPerformanceReport>().HandleAsync(village, 2031))!;
        Assert.Equal(["入户核查，完善档案。", "结对帮扶。", "宣讲政策。"], report.Data.Prose.Practices);
        Assert.Equal("总之，成效明显。", report.Data.Prose.Closing);
        var versions = await scope.ServiceProvider.GetRequiredService<ListReportProseVersions>().HandleAsync(village, 2031);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal("leader", versions[0].CreatedBy);
    }

    [Fact]
    public async Task Too_long_prose_is_refused_on_its_field_and_nothing_is_saved()
    {
        var village = await VillageIdAsync(LizhiwanCode);
        await using var scope = await app.ScopeForAsync("township");
        var result = await scope.ServiceProvider.GetRequiredService<SaveReportProse>()
            .HandleAsync(new SaveReportProse.Command { VillageId = village, Year = 2032, Introduction = new string('字', 4001) });

        Assert.Equal("开头语不能超过4000个字", result.Outcome[nameof(SaveReportProse.Command.Introduction)]);
        await using var db = app.SystemDb();
        Assert.False(await db.ReportProseVersions.AnyAsync(p => p.Year == 2032));
    }

    [Fact]
    public async Task Users_outside_the_village_can_neither_read_the_report_nor_write_its_prose()
    {
        var village = await VillageIdAsync(LizhiwanCode);
        await using (var leader = await app.ScopeForAsync("leader"))
        {
            var saved = await leader.ServiceProvider.GetRequiredService<SaveReportProse>().HandleAsync(new SaveReportProse.Command { VillageId = village, Year = 2033, Introduction = "本村文字" });
            Assert.True(saved.Succeeded);
        }

        await using var other = await app.ScopeForAsync("township2");
        Assert.Null(await other.ServiceProvider.GetRequiredService<LoadPerformanceReport>().HandleAsync(village, 2018));
        Assert.DoesNotContain(await other.ServiceProvider.GetRequiredService<LoadPerformanceReport>().ListVillagesAsync(), v => v.Id == village);
        Assert.Empty(await other.ServiceProvider.GetRequiredService<ListReportProseVersions>().HandleAsync(village, 2033));
        var write = await other.ServiceProvider.GetRequiredService<SaveReportProse>().HandleAsync(new SaveReportProse.Command { VillageId = village, Year = 2033, Introduction = "越权" });
        Assert.False(write.Succeeded);

        await using var member = await app.ScopeForAsync("member");
        var byMember = await member.ServiceProvider.GetRequiredService<SaveReportProse>().HandleAsync(new SaveReportProse.Command { VillageId = village, Year = 2033, Introduction = "队员" });
        Assert.Equal("您没有编辑履职报告文字的权限", byMember.Outcome[""]);

        await using var db = app.SystemDb();
        Assert.Equal(1, await db.ReportProseVersions.CountAsync(p => p.VillageId == village && p.Year == 2033));
    }

    [Fact]
    public async Task The_report_command_writes_pdf_and_word_and_refuses_with_exit_codes()
    {
        var directory = Directory.CreateTempSubdirectory("report-command").FullName;
        async Task<int> Run(params string[] args)
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            return await ReportCommand.RunAsync(scope.ServiceProvider, ["report", .. args]);
        }

        var pdf = Path.Combine(directory, "r.pdf");
        Assert.Equal(0, await Run("--village", "栗子湾村", "--year", "2018", "--format", "pdf", "--out", pdf));
        Assert.Contains("共有贫困户112户310人", PdfText(await File.ReadAllBytesAsync(pdf)));

        var docx = Path.Combine(directory, "r.docx");
        Assert.Equal(0, await Run("--village", LizhiwanCode, "--year", "2018", "--format", "docx", "--out", docx, "--user", "township"));
        using (var zip = ZipFile.OpenRead(docx)) Assert.NotNull(zip.GetEntry("word/document.xml"));

        Assert.Equal(1, await Run("--village", "不存在村", "--year", "2018", "--format", "pdf", "--out", pdf));
        Assert.Equal(1, await Run("--village", "栗子湾村", "--year", "2018", "--format", "pdf", "--out", pdf, "--user", "township2"));
        Assert.Equal(2, await Run("--village", "栗子湾村", "--year", "18", "--format", "pdf", "--out", pdf));
        Assert.Equal(2, await Run("--village", "栗子湾村", "--year", "2018", "--format", "odt", "--out", pdf));
        Assert.Equal(2, await Run("--village", "栗子湾村", "--year", "2018"));
        Assert.Equal(2, await Run("--village", "栗子湾村", "--year", "2018", "--format", "pdf", "--out", pdf, "--user", "nobody"));
    }

    [Fact]
    public async Task A_village_without_data_for_the_year_gets_no_report()
    {
        int villageId;
        await using (var db = app.SystemDb())
        {
            var township = await db.Townships.FirstAsync();
            var village = new Village { CountyId = township.CountyId, TownshipId = township.Id, AdminCode = $"4211291019{Random.Shared.Next(10, 99)}", Name = $"空村{Guid.NewGuid():N}"[..8] };
            db.Villages.Add(village);
            await db.SaveChangesAsync();
            villageId = village.Id;
        }
        await using var scope = await app.ScopeForAsync("county");
        var report = await scope.ServiceProvider.GetRequiredService<LoadPerformanceReport>().HandleAsync(villageId, 2018);

        Assert.NotNull(report);
        Assert.False(report.HasData);
    }

    [Fact]
    public async Task The_county_batch_zips_every_village_and_only_county_users_may_run_it()
    {
        await using var scope = await app.ScopeForAsync("county");
        using var zip = new MemoryStream();
        var steps = new List<BuildCountyReports.Progress>();

        var summary = await scope.ServiceProvider.GetRequiredService<BuildCountyReports>()
            .WriteZipAsync(2018, ReportFormat.Pdf, ReportEdition.Public, zip, new SyncProgress(steps.Add));

        zip.Position = 0;
        using var archive = new ZipArchive(zip);
        var pdfs = archive.Entries.Where(e => e.Name.EndsWith(".pdf", StringComparison.Ordinal)).ToList();
        Assert.Equal(summary.Written, pdfs.Count);
        Assert.True(pdfs.Count >= 8);
        Assert.Contains(pdfs, e => e.Name == $"{LizhiwanCode}-栗子湾村2018年驻村工作队履职报告（公开版）.pdf");
        Assert.Equal(steps[^1].Total, steps[^1].Done);

        await using var township = await app.ScopeForAsync("township");
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            township.ServiceProvider.GetRequiredService<BuildCountyReports>().WriteZipAsync(2018, ReportFormat.Pdf, ReportEdition.Public, new MemoryStream()));
    }

    private sealed class SyncProgress(Action<BuildCountyReports.Progress> report) : IProgress<BuildCountyReports.Progress>
    {
        public void Report(BuildCountyReports.Progress value) => report(value);
    }
}

// A portal of their own: the report's figures must equal the seed (112户310人), and other test classes add
// households to the seed village.
[CollectionDefinition(nameof(ReportSqliteCollection))]
public sealed class ReportSqliteCollection : ICollectionFixture<SqliteAppFixture>;

[CollectionDefinition(nameof(ReportPostgreSqlCollection))]
public sealed class ReportPostgreSqlCollection : ICollectionFixture<PostgreSqlAppFixture>;

[Collection(nameof(ReportSqliteCollection))]
public sealed class PerformanceReportTestsOnSqlite(SqliteAppFixture app) : PerformanceReportTests(app);

[Collection(nameof(ReportPostgreSqlCollection))]
public sealed class PerformanceReportTestsOnPostgreSql(PostgreSqlAppFixture app) : PerformanceReportTests(app);
