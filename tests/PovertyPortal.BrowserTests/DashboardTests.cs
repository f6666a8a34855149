using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class DashboardTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_county_user_goes_from_the_dashboard_to_a_township_and_from_a_figure_to_the_same_number_of_households()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "county");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("nav-dashboard").ClickAsync();
        await Expect(page.GetByTestId("area-figures-table")).ToContainTextAsync("各乡镇情况");
        await PortalPages.ScreenshotAsync(page, "dashboard-county");

        // Into the first township: its villages are the rows now.
        var township = page.GetByTestId("area-figures-table").GetByTestId("area-link").First;
        var townshipName = await township.InnerTextAsync();
        await township.ClickAsync();
        await Expect(page.GetByTestId("area-figures-table")).ToContainTextAsync($"{townshipName}各村情况");
        await Expect(page.GetByTestId("dashboard-crumbs")).ToContainTextAsync(townshipName);
        await PortalPages.ScreenshotAsync(page, "dashboard-township");

        // The township's exited households (the total row), then the list behind that number.
        var figure = page.GetByTestId("area-figures-table").Locator("tfoot [data-column=exited] a");
        var count = Digits(await figure.InnerTextAsync());
        Assert.True(count > 0);
        await figure.ClickAsync();
        await Expect(page.GetByTestId("household-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("household-total")).ToHaveTextAsync($"共{count:#,##0}户");
        await Expect(page.GetByTestId("figure-filter")).ToContainTextAsync("已脱贫");
        await PortalPages.ScreenshotAsync(page, "dashboard-linked-household-list");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_township_official_sees_the_villages_of_their_own_township()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("home-dashboard").ClickAsync();
        await Expect(page.GetByTestId("area-figures-table")).ToContainTextAsync("各村情况");
        await Expect(page.GetByTestId("area-figures-table").GetByTestId("area-link").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/villages/\\d+$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_income_figure_opens_the_same_number_of_households_and_the_dashboard_downloads_as_a_pdf()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "county");
        await PortalPages.WaitUntilInteractiveAsync(page);
        // The demo village's incomes are of 2018, the year of the seed documents.
        await page.GotoAsync("/dashboard?year=2018");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("support-headline")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("benefits-by-group")).ToContainTextAsync("社会保障兜底一批");
        await PortalPages.ScreenshotAsync(page, "dashboard-support-figures");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("dashboard-pdf").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));

        var figure = page.GetByTestId("figure-near-line").GetByTestId("figure-value");
        var count = Digits(await figure.InnerTextAsync());
        await figure.ClickAsync();
        await Expect(page.GetByTestId("household-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("household-total")).ToHaveTextAsync($"共{count:#,##0}户");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_donut_segment_and_an_assurance_count_open_the_households_behind_them()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "county");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/dashboard?year=2018");
        await PortalPages.WaitUntilInteractiveAsync(page);

        // The largest cause is the first row under the donut and its first segment.
        var causes = page.GetByTestId("poverty-causes");
        var count = Digits(await causes.Locator("tbody tr").First.Locator("a").InnerTextAsync());
        var cause = (await causes.Locator("tbody tr").First.Locator("td").First.InnerTextAsync()).Trim();
        // A click event on the segment itself: the centre of a large segment's box may lie in the donut's hole.
        await causes.Locator("path.mud-chart-serie").First.DispatchEventAsync("click");
        await Expect(page.GetByTestId("household-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("household-total")).ToHaveTextAsync($"共{count:#,##0}户");
        await Expect(page.GetByTestId("figure-filter")).ToContainTextAsync($"主要致贫原因：{cause}");

        // 两不愁三保障: households failing at least one item of the 2018 checks.
        await page.GotoAsync("/dashboard?year=2018");
        await PortalPages.WaitUntilInteractiveAsync(page);
        var any = page.GetByTestId("assurance-by-item").Locator("[data-item=Any] a");
        var failing = Digits(await any.InnerTextAsync());
        await any.ClickAsync();
        await Expect(page.GetByTestId("household-total")).ToHaveTextAsync($"共{failing:#,##0}户");
        await Expect(page.GetByTestId("assurance-filter")).ToContainTextAsync("2018年“两不愁三保障”核查：有未达标项");
        await PortalPages.ScreenshotAsync(page, "dashboard-assurance-list");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_system_administrator_chooses_a_county_and_sees_its_townships()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "admin");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/dashboard?year=2018");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("area-figures-table")).ToContainTextAsync("各乡镇情况");
        await PortalPages.ScreenshotAsync(page, "dashboard-admin");
        var countyName = await page.Locator("input[data-testid=dashboard-county], [data-testid=dashboard-county] input").First.InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(countyName));
        await Expect(page.Locator("h5")).ToContainTextAsync($"{countyName}总览");
        // The total row's registered households are the county's own: its link names the county.
        await Expect(page.GetByTestId("area-figures-table").Locator("tfoot [data-column=registered] a"))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/households\\?county=\\d+&standing=registered&year=2018$"));
        await page.Context.CloseAsync();
    }

    private static int Digits(string text) => int.Parse(new string(text.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
}
