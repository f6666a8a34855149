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

    /// <summary>
    /// Nothing runs off the right edge at <paramref name="width"/> px. MudBlazor turns tables into stacked cards a moment
    /// after the viewport changes, so the layout is given a few seconds to settle before the width is judged.
    /// </summary>
    public static async Task AssertFitsWidthAsync(IPage page, int width)
    {
        // Polled from here, not with WaitForFunctionAsync: while that one polls, Playwright evaluates its predicate with
        // eval, which the portal's CSP (script-src 'self') refuses.
        var actual = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        for (var waited = 0; actual > width && waited < 5_000; waited += 100)
        {
            await Task.Delay(100);
            actual = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        }
        Assert.True(actual <= width, $"page is {actual}px wide");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(PortalBrowserFixture.ScreenshotDirectory, $"{name}.png"),
            FullPage = true,
        });
}
