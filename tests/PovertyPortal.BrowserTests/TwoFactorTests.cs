using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class TwoFactorTests(PortalBrowserFixture portal)
{
    private const string Password = "Qingshi-2026-phone";

    [Fact]
    public async Task A_user_on_a_phone_sets_up_the_second_factor_and_signs_in_with_a_code_under_the_content_security_policy()
    {
        var userName = await CreateTownshipOfficialAsync();
        var page = await portal.NewPageAsync(width: 390, height: 844);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refused.Add(message.Text);
        };

        await PortalPages.SignInAsync(page, userName, Password);
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/account/two-factor");
        await Expect(page.GetByTestId("two-factor-qr")).ToBeVisibleAsync();
        // The QR code is an image drawn on the server: it has a size once loaded.
        Assert.True(await page.GetByTestId("two-factor-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        await PortalPages.ScreenshotAsync(page, "two-factor-setup-390");
        var key = (await page.GetByTestId("two-factor-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        await page.GetByTestId("two-factor-code").FillAsync(Totp.Now(key));
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await PortalPages.ScreenshotAsync(page, "two-factor-recovery-codes-390");
        await page.GetByTestId("two-factor-done").ClickAsync();
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync("**/account/login");

        await PortalPages.SignInAsync(page, userName, Password);
        await page.WaitForURLAsync("**/account/login-2fa**");
        await page.GetByTestId("two-factor-code").FillAsync("000000" == Totp.Now(key) ? "111111" : "000000");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator(".account-alert-error")).ToContainTextAsync("动态验证码错误");
        await PortalPages.ScreenshotAsync(page, "two-factor-login-error-390");
        await page.GetByTestId("two-factor-code").FillAsync(Totp.Now(key));
        await page.ClickAsync("button[type=submit]");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("home-township")).ToBeVisibleAsync();
        await PortalPages.ScreenshotAsync(page, "two-factor-home-390");

        Assert.Empty(refused);
        await page.Context.CloseAsync();
    }

    private async Task<string> CreateTownshipOfficialAsync()
    {
        var userName = $"phone{DateTime.UtcNow:HHmmssfff}";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var township = users.Users.First(u => u.UserName == "township");
        var user = new PortalUser { UserName = userName, DisplayName = "手机测试", CountyId = township.CountyId, TownshipId = township.TownshipId };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.TownshipOfficial)).Succeeded);
        return userName;
    }
}
