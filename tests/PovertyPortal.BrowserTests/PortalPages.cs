using Microsoft.Playwright;
using PovertyPortal.DemoData;

namespace PovertyPortal.BrowserTests;

/// <summary>What a user does on every visit: sign in and wait until the page is live.</summary>
public static class PortalPages
{
    public static async Task SignInAsync(IPage page, string userName, string password = DemoDataSeeder.DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>A pre-rendered page ignores clicks until its circuit is connected; the layout marks that moment.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-testid=user-badge][data-interactive=true]", new() { Timeout = 20_000 });

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(PortalBrowserFixture.ScreenshotDirectory, $"{name}.png"),
            FullPage = true,
        });
}
