using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class VillageProfileTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_work_team_leader_edits_the_village_profile_and_sees_the_new_figure()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "leader");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "本村概况" }).ClickAsync();
        var profile = page.GetByTestId("village-profile");
        await Expect(profile).ToContainTextAsync("1,488 人");

        await page.GetByTestId("edit-profile").ClickAsync();
        var form = page.GetByTestId("profile-form");
        await Expect(form).ToBeVisibleAsync();

        // Fewer people than households is refused next to the field, and the typed figure stays.
        await Input(form, "population").FillAsync("300");
        await page.GetByTestId("save-profile").ClickAsync();
        await Expect(form).ToContainTextAsync("人口不能少于户数");
        await Expect(Input(form, "population")).ToHaveValueAsync("300");
        await PortalPages.ScreenshotAsync(page, "village-profile-error");

        await Input(form, "population").FillAsync("1502");
        await Input(form, "leading-industries").FillAsync("花生、板栗、油茶、中药材、光伏、茶叶");
        await page.GetByTestId("save-profile").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        await Expect(profile).ToContainTextAsync("1,502 人");
        await Expect(profile).ToContainTextAsync("光伏、茶叶");
        await PortalPages.ScreenshotAsync(page, "village-profile-saved");
        await page.Context.CloseAsync();
    }

    private static ILocator Input(ILocator form, string testId) =>
        form.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
