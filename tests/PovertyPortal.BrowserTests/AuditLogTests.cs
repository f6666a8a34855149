using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class AuditLogTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_county_supervisor_filters_the_audit_log_and_it_fits_a_phone()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "county");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "审计日志" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/audit$"));
        var table = page.GetByTestId("audit-table");
        // The supervisor's own sign-in is there, with its address and outcome.
        await Expect(table).ToContainTextAsync("登录");
        await Expect(table).ToContainTextAsync("成功");
        await PortalPages.ScreenshotAsync(page, "audit-log");

        await page.Locator("[data-testid=audit-user] input, input[data-testid=audit-user]").First.FillAsync("county");
        await page.GetByTestId("audit-search").ClickAsync();
        await Expect(table.GetByTestId("audit-row-action").First).ToBeVisibleAsync();

        // The export is audited from inside the circuit, with the address captured when the circuit opened.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("audit-export").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Locator("[data-testid=audit-text] input, input[data-testid=audit-text]").First.FillAsync("审计日志");
        await page.GetByTestId("audit-search").ClickAsync();
        await Expect(table).ToContainTextAsync("导出审计日志");
        await Expect(table).ToContainTextAsync("127.0.0.1");

        // 390 px: the table turns into stacked cards and nothing runs off the right edge.
        await page.SetViewportSizeAsync(390, 844);
        await Expect(table).ToContainTextAsync("导出审计日志");
        await PortalPages.AssertFitsWidthAsync(page, 390);
        await PortalPages.ScreenshotAsync(page, "audit-log-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_township_official_is_refused_the_audit_log_and_the_refusal_is_shown()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/audit");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
