using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

/// <summary>Year-end snapshots (issue 18): a county supervisor freezes last year, sees a second freeze refused, views the dashboard as of the snapshot and the changes since.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class SnapshotTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_county_supervisor_freezes_last_year_once_and_reads_the_dashboard_and_the_changes_as_of_it()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "county");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("nav-snapshots").ClickAsync();
        await Expect(page.GetByTestId("freeze-panel")).ToBeVisibleAsync();
        var year = DateTime.UtcNow.AddHours(8).Year - 1;

        await page.GetByTestId("freeze").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "冻结", Exact = true }).ClickAsync();
        // Freezing copies the whole county's year; on a loaded CI machine that has taken longer than the default 5 s.
        await Expect(page.GetByTestId("snapshot-table")).ToContainTextAsync($"截至{year}年末快照", new() { Timeout = 30_000 });
        await PortalPages.ScreenshotAsync(page, "snapshots-county");

        await page.GetByTestId("freeze").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "冻结", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("freeze-error")).ToContainTextAsync("不能重复冻结");

        await page.GetByTestId("compare").ClickAsync();
        await Expect(page.GetByTestId("diff-summary")).ToContainTextAsync($"截至{year}年末快照 至 实时登记库");
        await Expect(page.GetByTestId("diff-table")).ToBeVisibleAsync();

        await page.GetByTestId("snapshot-table").GetByRole(AriaRole.Link, new() { Name = "按快照查看总览" }).First.ClickAsync();
        await Expect(page.GetByTestId("dashboard-source-label")).ToContainTextAsync($"截至{year}年末快照");
        await Expect(page.GetByTestId("dashboard-source-label")).ToContainTextAsync("快照中无此项");
        await Expect(page.GetByTestId("figure-not-in-snapshot")).ToContainTextAsync("快照中无此项");
        await Expect(page.GetByTestId("figure-registered")).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(page, "dashboard-as-of-snapshot");
        await page.Context.CloseAsync();

        // The village's leader writes the 履职报告 of that year with the register chapter as frozen.
        var leader = await portal.NewPageAsync();
        await PortalPages.SignInAsync(leader, "leader");
        await PortalPages.WaitUntilInteractiveAsync(leader);
        await leader.GotoAsync($"/reports?year={year}");
        await PortalPages.WaitUntilInteractiveAsync(leader);
        await Expect(leader.GetByTestId("report-preview")).ToBeVisibleAsync();
        await Expect(leader.GetByTestId("report-as-of")).ToHaveCountAsync(0);
        await leader.Locator("[data-testid=report-as-of-snapshot] input, input[data-testid=report-as-of-snapshot]").First.CheckAsync();
        await Expect(leader.GetByTestId("report-as-of")).ToContainTextAsync($"截至{year}年末快照");
        await Expect(leader.GetByTestId("report-preview")).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(leader, "report-as-of-snapshot");
        await leader.Context.CloseAsync();
    }

    [Fact]
    public async Task The_snapshot_page_fits_a_phone()
    {
        var page = await portal.NewPageAsync(width: 390, height: 844);
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/snapshots");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("snapshot-table")).ToBeVisibleAsync();
        // A township official reads the snapshots and their changes but does not freeze.
        await Expect(page.GetByTestId("freeze-panel")).ToHaveCountAsync(0);
        await PortalPages.AssertFitsWidthAsync(page, 390);
        await PortalPages.ScreenshotAsync(page, "snapshots-township-phone");
        await page.Context.CloseAsync();
    }
}
