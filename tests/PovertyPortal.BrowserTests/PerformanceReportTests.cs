using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class PerformanceReportTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_work_team_leader_previews_the_report_saves_prose_and_downloads_pdf_and_word()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "leader");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "履职报告" }).ClickAsync();

        // The leader has one village, chosen already; the year is typed.
        var year = page.Locator("input[data-testid=report-year], [data-testid=report-year] input").First;
        await year.FillAsync("2018");
        await year.PressAsync("Tab");
        var preview = page.GetByTestId("report-preview");
        await Expect(preview).ToContainTextAsync("栗子湾村2018年驻村工作队履职报告");
        // Other browser tests add households to the seed village, so the figure is checked for its form here; the
        // integration tests check 112户310人 against a portal of their own.
        await Expect(page.GetByTestId("figure-registry")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"共 \d+ 户 \d+ 人"));
        await Expect(page.GetByTestId("figure-categories")).ToContainTextAsync("低保");
        await Expect(page.GetByTestId("figure-exits")).ToContainTextAsync("2018年");
        await Expect(page.GetByTestId("figure-policies")).ToContainTextAsync("社会保障兜底一批");
        await Expect(page.GetByTestId("figure-worklogs")).ToContainTextAsync("入户走访");
        await Expect(page.GetByTestId("figure-projects")).ToContainTextAsync("光伏电站150千瓦");
        await Expect(page.GetByTestId("figure-income")).ToContainTextAsync("稳定经营性");

        var practices = page.Locator("textarea[data-testid=prose-practices], [data-testid=prose-practices] textarea").First;
        await practices.FillAsync("组织入户核查，完善贫困户档案。\n开展结对帮扶，帮助制订脱贫计划。");
        await page.GetByTestId("prose-save").ClickAsync();
        await Expect(page.GetByTestId("prose-version")).ToContainTextAsync("版");
        await PortalPages.ScreenshotAsync(page, "performance-report");

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-pdf").ClickAsync());
        Assert.Equal("栗子湾村2018年驻村工作队履职报告.pdf", pdf.SuggestedFilename);
        var pdfPath = await pdf.PathAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(pdfPath))[..4]), StringComparison.Ordinal);

        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-public-docx").ClickAsync());
        Assert.Equal("栗子湾村2018年驻村工作队履职报告（公开版）.docx", word.SuggestedFilename);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_county_supervisor_downloads_every_village_as_one_zip_with_a_progress_bar()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "county");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/reports?year=2018");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("county-batch")).ToBeVisibleAsync();

        var zip = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("batch-start").ClickAsync(), new() { Timeout = 120_000 });

        Assert.Equal("2018年驻村工作队履职报告（全县）.zip", zip.SuggestedFilename);
        await Expect(page.GetByTestId("batch-progress")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("batch-status")).ToContainTextAsync("已生成");
        await PortalPages.ScreenshotAsync(page, "performance-report-county");
        await page.Context.CloseAsync();
    }
}
