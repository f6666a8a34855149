using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class AreaTreeTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_county_supervisor_adds_a_village_after_fixing_its_code()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "county");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "行政区划" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/areas$"));
        var tree = page.GetByTestId("area-tree");
        await Expect(tree.GetByTestId("township-421129101000")).ToContainTextAsync("栗子湾村");
        await PortalPages.ScreenshotAsync(page, "area-tree");

        await page.GetByTestId("new-village-421129101000").ClickAsync();
        var form = page.GetByTestId("village-form");
        await Expect(form).ToBeVisibleAsync();
        var number = Random.Shared.Next(300, 999);
        var name = $"新湾{number}村";
        await Input(form, "village-name").FillAsync(name);

        // A code of the neighbouring township: refused next to the field, and what was typed stays.
        var wrong = $"421129102{number}";
        await Input(form, "admin-code").FillAsync(wrong);
        await page.GetByTestId("save-village").ClickAsync();
        var codeField = form.Locator(".mud-input-control").Filter(new() { Has = page.Locator("input[data-testid=admin-code], [data-testid=admin-code] input") });
        await Expect(codeField).ToContainTextAsync("村代码前9位应与所属乡镇一致（421129101）");
        await Expect(Input(form, "admin-code")).ToHaveValueAsync(wrong);
        await PortalPages.ScreenshotAsync(page, "area-village-wrong-code");

        // A code another village already has: the server says whose it is, on the same field.
        await Input(form, "admin-code").FillAsync("421129101201");
        await page.GetByTestId("save-village").ClickAsync();
        await Expect(codeField).ToContainTextAsync("代码421129101201已被栗子湾村使用");
        await Expect(Input(form, "village-name")).ToHaveValueAsync(name);
        await PortalPages.ScreenshotAsync(page, "area-village-duplicate-code");

        var right = $"421129101{number}";
        await Input(form, "admin-code").FillAsync(right);
        await page.GetByTestId("save-village").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        var row = tree.GetByTestId($"village-{right}");
        await Expect(row).ToContainTextAsync(name);
        await Expect(tree.GetByTestId("township-421129101000")).ToContainTextAsync(name);
        await PortalPages.ScreenshotAsync(page, "area-tree-new-village");

        // The village's groups unfold under it.
        await tree.GetByTestId("village-421129101201").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("个小组") }).ClickAsync();
        await Expect(tree.GetByTestId("group-421129101201-第三村民小组")).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(page, "area-tree-groups");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_township_official_is_refused_the_area_page()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "行政区划" })).ToHaveCountAsync(0);
        await page.GotoAsync("/areas");
        await Expect(page.GetByTestId("access-denied")).ToContainTextAsync("无权访问");
        await Expect(page.GetByTestId("area-tree")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    // MudBlazor puts a text field's attributes on the <input> itself or on its wrapper, depending on the component.
    private static ILocator Input(ILocator form, string testId) =>
        form.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
