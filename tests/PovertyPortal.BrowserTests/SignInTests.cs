using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<PortalBrowserFixture>;

[Collection(nameof(BrowserCollection))]
public sealed class SignInTests(PortalBrowserFixture portal)
{
    [Theory]
    [InlineData("admin", "home-admin", "系统管理员", "系统管理")]
    [InlineData("county", "home-county", "县级督导", "全县脱贫攻坚概况")]
    [InlineData("township", "home-township", "乡镇干部", "全乡镇脱贫攻坚概况")]
    [InlineData("township2", "home-township", "乡镇干部", "全乡镇脱贫攻坚概况")]
    [InlineData("leader", "home-village", "驻村工作队长", "本村工作概况")]
    [InlineData("member", "home-village", "驻村工作队员", "本村工作概况")]
    public async Task Each_demo_role_lands_on_its_own_Chinese_home_page(string userName, string homeTestId, string roleLabel, string heading)
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, userName);
        await PortalPages.WaitUntilInteractiveAsync(page);

        await Expect(page.GetByTestId(homeTestId)).ToBeVisibleAsync();
        await Expect(page.GetByTestId(homeTestId)).ToContainTextAsync(heading);
        await Expect(page.GetByTestId("user-badge")).ToContainTextAsync(roleLabel);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        if (homeTestId != "home-admin")
        {
            // Every role but the administrator sees figures of its own area straight away.
            await Expect(page.GetByTestId(homeTestId == "home-village" ? "village-registry" : "summary-cards")).ToBeVisibleAsync();
        }
        await PortalPages.ScreenshotAsync(page, $"home-{userName}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_answered_in_Chinese_and_the_user_name_is_kept()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "member", "Wrong-password-2026");
        await Expect(page.Locator(".account-alert-error")).ToContainTextAsync("用户名或密码错误");
        await Expect(page.Locator("#username")).ToHaveValueAsync("member");
        await PortalPages.ScreenshotAsync(page, "login-error");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_returns_to_the_login_page()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "member");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync("**/account/login");
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("用户登录");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_script_reaches_the_circuit_to_report_real_input()
    {
        // The server counts only the input idle-logout.js reports as activity; this proves the report arrives.
        var page = await portal.NewPageAsync(width: 390, height: 844);
        await PortalPages.SignInAsync(page, "member");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.WaitForFunctionAsync("() => window.portalActivity && window.portalActivity.circuit !== null");
        var reported = await page.EvaluateAsync<bool>(
            "() => window.portalActivity.circuit.invokeMethodAsync('ReportInput').then(() => true, () => false)");
        Assert.True(reported);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }
}
