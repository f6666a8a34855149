using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

/// <summary>大数据比对 in the browser (issue 18): a township official runs the checks and sends a finding to the ledger; a county supervisor switches a rule off.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class DataCheckTests(PortalBrowserFixture portal)
{
    private static ILocator Field(IPage page, string testId) => page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    [Fact]
    public async Task A_township_official_runs_the_checks_sends_a_finding_to_the_ledger_and_the_page_fits_a_phone()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("nav-data-checks").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/data-checks$"));

        await page.GetByTestId("run-checks").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("比对完成", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("last-run")).ToContainTextAsync("石桥镇");
        var table = page.GetByTestId("finding-table");
        await Expect(table.Locator("tbody tr").First).ToContainTextAsync("未解决");
        await PortalPages.ScreenshotAsync(page, "data-checks-findings");

        await table.Locator("tbody tr").First.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("open-ledger-dialog").ClickAsync();
        // The township's government is proposed as the unit; without a person the form says what is missing.
        await Expect(Field(page, "ledger-unit")).ToHaveValueAsync("石桥镇人民政府");
        await page.GetByTestId("send-to-ledger").ClickAsync();
        await Expect(page.GetByTestId("ledger-form")).ToContainTextAsync("请填写整改责任人");
        await Field(page, "ledger-person").FillAsync("李晓红");
        await page.GetByTestId("send-to-ledger").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("已转入整改台账1条");
        await page.GetByTestId("finding-state").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "全部" }).ClickAsync();
        await Expect(table).ToContainTextAsync("已转台账");

        await page.SetViewportSizeAsync(390, 844);
        await Expect(table).ToContainTextAsync("已转台账");
        await PortalPages.AssertFitsWidthAsync(page, 390);
        await PortalPages.ScreenshotAsync(page, "data-checks-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_county_supervisor_switches_a_rule_off_only_with_a_reason()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "county");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/data-checks");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("last-run")).ToBeVisibleAsync();
        await page.Locator(".mud-tab", new() { HasText = "比对规则" }).ClickAsync();
        var rules = page.GetByTestId("rule-table");
        await Expect(rules).ToContainTextAsync("性别与户主关系不符");

        await page.GetByTestId("edit-rule-DC33").ClickAsync();
        await Field(page, "rule-disabled").CheckAsync();
        await page.GetByTestId("save-rule").ClickAsync();
        await Expect(page.GetByTestId("rule-form")).ToContainTextAsync("停用规则须填写理由");
        await page.Locator("[data-testid=rule-reason] textarea, textarea[data-testid=rule-reason]").First.FillAsync("本县户籍信息由公安系统统一核对");
        await page.GetByTestId("save-rule").ClickAsync();
        await Expect(rules).ToContainTextAsync("已停用：本县户籍信息由公安系统统一核对");
        await PortalPages.ScreenshotAsync(page, "data-checks-rules");
        await page.Context.CloseAsync();
    }
}
