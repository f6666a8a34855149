using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class UserManagementTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_county_supervisor_creates_a_township_official_after_fixing_the_forms_errors()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "county");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/users");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("user-table")).ToContainTextAsync("township");

        await page.GetByTestId("new-user").ClickAsync();
        var form = page.GetByTestId("user-form");
        await Expect(form).ToBeVisibleAsync();

        // Saving an empty form shows each message next to its field and keeps the dialog open.
        await page.GetByTestId("save-user").ClickAsync();
        await Expect(form).ToContainTextAsync("请填写用户名");
        await Expect(form).ToContainTextAsync("请填写姓名");
        await Expect(form).ToContainTextAsync("请选择角色");

        var userName = $"wang{DateTime.UtcNow:HHmmssfff}";
        await Input(form, "user-name").FillAsync(userName);
        await Input(form, "display-name").FillAsync("王小明");
        await Input(form, "initial-password").FillAsync("short");
        await form.GetByTestId("role").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "乡镇干部" }).ClickAsync();
        await form.GetByTestId("township").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "白果镇" }).ClickAsync();
        await page.GetByTestId("save-user").ClickAsync();
        await Expect(form).ToContainTextAsync("密码长度至少为12位");
        await Expect(Input(form, "user-name")).ToHaveValueAsync(userName);
        await PortalPages.ScreenshotAsync(page, "user-form-errors");

        await Input(form, "initial-password").FillAsync("Baiguo-2026-xyz");
        await page.GetByTestId("save-user").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("user-table")).ToContainTextAsync(userName);
        await Expect(page.GetByTestId("user-table")).ToContainTextAsync("青石县白果镇");
        await PortalPages.ScreenshotAsync(page, "user-list");
        await page.Context.CloseAsync();
    }

    // MudBlazor puts a text field's attributes on the <input> itself or on its wrapper, depending on the component.
    private static ILocator Input(ILocator form, string testId) =>
        form.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
