using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Documents.PerformanceReport;
using PovertyPortal.Web.Features.Benefits;
using PovertyPortal.Web.Features.Reports;
using PovertyPortal.Web.Features.VillageWork;
using Composer = PovertyPortal.Documents.PerformanceReport.PerformanceReportComposer;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// 三、四、五 and the 五天四夜 figure of the performance report, filled by the sections over the queries of issues 5
/// and 6: the report, its PDF and its Word file say what those queries and the database say.
/// </summary>
public abstract class PerformanceReportWiringTests(PortalAppFixture app)
{
    private const string LizhiwanCode = "421129101201";

    private async Task<int> VillageIdAsync()
    {
        await using var db = app.SystemDb();
        return await db.Villages.Where(v => v.AdminCode == LizhiwanCode).Select(v => v.Id).SingleAsync();
    }

    private static string WordText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, false);
        return string.Concat(word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText)).Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>The sentences the report must contain, built from the queries' own results and the tables.</summary>
    private async Task<(LoadPerformanceReport.Result Report, List<string> Expected, List<string> Heads)> LoadWithExpectationsAsync(AsyncServiceScope scope, int village)
    {
        var report = (await scope.ServiceProvider.GetRequiredService<LoadPerformanceReport>().HandleAsync(village, 2018))!;
        var sums = (await scope.ServiceProvider.GetRequiredService<GetVillageBenefitSums>().HandleAsync(village, 2018))!;
        var work = (await scope.ServiceProvider.GetRequiredService<GetVillageWorkSummary>().HandleAsync(village, 2018))!;

        var dibao = sums.Groups.SelectMany(g => g.Programs).Single(p => p.ProgramCode == "Dibao");
        var loans = sums.Groups.Single(g => g.Group == BenefitGroup.Finance);
        var visits = work.WorkLogs.Single(c => c.Year == 2018 && c.Label == "入户走访");

        await using var db = app.SystemDb();
        var solarKw = (await db.VillageProjects.Where(p => p.VillageId == village && p.Type == ProjectType.SolarPlant && p.Status == ProjectStatus.Completed)
            .Select(p => p.Quantity).ToListAsync()).Sum(q => q ?? 0);
        var income = (await db.CollectiveIncomeEntries.Where(e => e.VillageId == village && e.Year == 2018).Select(e => e.Amount).ToListAsync()).Sum();
        var dibaoAmount = (await db.BenefitRecords.Where(r => r.VillageId == village && r.Year == 2018 && r.Program!.Code == "Dibao")
            .Select(r => r.Amount).ToListAsync()).Sum();

        // The section may name another of the query's example heads first, so that paragraphs do not repeat one household.
        var shown = report.Data.PolicyGroups.SelectMany(g => g.Programs).ToDictionary(p => p.Name, p => p.ExampleHeads[0]);
        Assert.Contains(shown["低保"], dibao.ExampleHeads);
        Assert.Contains(shown["小额信贷"], loans.Programs[0].ExampleHeads);

        List<string> expected =
        [
            $"以{shown["低保"]}等{Composer.N(dibao.Households)}户{Composer.N(dibao.People)}人享受低保，资金{Composer.Yuan(dibaoAmount)}",
            $"金融扶贫。以{shown["小额信贷"]}等{Composer.N(loans.Households)}户{Composer.N(loans.People)}人享受小额信贷，资金{Composer.Yuan(loans.Amount)}",
            $"入户走访{Composer.N(visits.Logs)}次",
            $"光伏电站{Composer.N(solarKw)}千瓦",
            $"稳定经营性收入{Composer.Yuan(work.Income.StableOperating)}，{(work.Income.MeetsIndicator ? "达到" : "尚未达到")}5万元以上的指标",
            $"2018年村集体经济收入{Composer.Yuan(income)}",
        ];
        var heads = sums.Groups.SelectMany(g => g.Programs).SelectMany(p => p.ExampleHeads).Distinct().ToList();
        return (report, expected, heads);
    }

    [Fact]
    public async Task The_sections_fill_policies_work_logs_projects_income_and_compliance_from_the_queries()
    {
        var village = await VillageIdAsync();
        await using var scope = await app.ScopeForAsync("leader");
        var report = (await scope.ServiceProvider.GetRequiredService<LoadPerformanceReport>().HandleAsync(village, 2018))!;
        var sums = (await scope.ServiceProvider.GetRequiredService<GetVillageBenefitSums>().HandleAsync(village, 2018))!;
        var work = (await scope.ServiceProvider.GetRequiredService<GetVillageWorkSummary>().HandleAsync(village, 2018))!;
        var data = report.Data;

        Assert.Equal(sums.Groups.Select(g => (g.Label, g.Households, g.People, g.Amount)), data.PolicyGroups.Select(g => (g.Name, g.Households, g.People, g.Amount)));
        Assert.Contains(data.PolicyGroups, g => g.Name == "金融扶贫" && g.Programs.Any(p => p.Name == "小额信贷"));
        Assert.Contains(data.PolicyGroups, g => g.Name == "光伏扶贫");
        Assert.Equal(sums.Groups.SelectMany(g => g.Programs).Select(p => (p.ProgramName, p.Households, p.People, p.Amount, p.ExampleHeads.Count)),
            data.PolicyGroups.SelectMany(g => g.Programs).Select(p => (p.Name, p.Households, p.People, p.Amount, p.ExampleHeads.Count)));
        Assert.All(data.PolicyGroups.SelectMany(g => g.Programs).Where(p => p.Households > 0), p => Assert.NotEmpty(p.ExampleHeads));

        Assert.NotEmpty(data.WorkLogCounts);
        Assert.Equal(work.WorkLogs.Where(c => c.Year == 2018).Select(c => (c.Label, c.Logs)), data.WorkLogCounts.Select(c => (c.Kind, c.Count)));
        Assert.Contains(data.Projects, p => p.Name == "光伏电站" && p.Quantity == 150 && p.Unit == "千瓦");
        Assert.Equal(work.Industries.Count, data.Industries.Count);
        Assert.Equal(work.Income.Total, data.CollectiveIncome.Sum(c => c.Amount));
        Assert.Equal(work.Income.StableOperating, data.CollectiveIncome.Where(c => c.IsStableOperating).Sum(c => c.Amount));

        var compliance = work.Compliance.Teams.Where(t => t.Tally.JudgedWeeks > 0).ToList();
        Assert.NotEmpty(compliance);
        Assert.Equal(compliance.Select(t => (t.DispatchingUnit, t.Tally.JudgedWeeks, t.Tally.KeptWeeks)),
            data.Teams.Where(t => t.Compliance is not null).Select(t => (t.DispatchingUnit, t.Compliance!.WeeksDue, t.Compliance.WeeksCompliant)));
    }

    [Fact]
    public async Task The_pdf_and_the_word_file_say_the_queries_figures_and_the_public_edition_masks_the_heads()
    {
        var village = await VillageIdAsync();
        await using var scope = await app.ScopeForAsync("leader");
        var (report, expected, heads) = await LoadWithExpectationsAsync(scope, village);
        var files = scope.ServiceProvider.GetRequiredService<PerformanceReportFiles>();

        var pdf = PerformanceReportTests.PdfText(files.Render(report.Data, ReportFormat.Pdf, ReportEdition.Internal));
        var word = WordText(files.Render(report.Data, ReportFormat.Docx, ReportEdition.Internal));
        foreach (var sentence in expected)
        {
            Assert.Contains(sentence, pdf);
            Assert.Contains(sentence, word);
        }
        Assert.Contains("三、政策落实情况", pdf);
        Assert.Contains("四、主要做法", pdf);
        Assert.Contains("五、取得主要成效", pdf);

        var publicPdf = PerformanceReportTests.PdfText(files.Render(report.Data, ReportFormat.Pdf, ReportEdition.Public));
        var publicWord = WordText(files.Render(report.Data, ReportFormat.Docx, ReportEdition.Public));
        Assert.NotEmpty(heads);
        foreach (var head in heads.Where(h => report.Data.Teams.SelectMany(t => t.Members).All(m => m.Name != h)))
        {
            Assert.DoesNotContain(head, publicPdf);
            Assert.DoesNotContain(head, publicWord);
        }
        Assert.Contains($"以{Composer.MaskName(heads[0])}等", publicPdf + publicWord);
    }
}

[Collection(nameof(ReportSqliteCollection))]
public sealed class PerformanceReportWiringTestsOnSqlite(SqliteAppFixture app) : PerformanceReportWiringTests(app);

[Collection(nameof(ReportPostgreSqlCollection))]
public sealed class PerformanceReportWiringTestsOnPostgreSql(PostgreSqlAppFixture app) : PerformanceReportWiringTests(app);
