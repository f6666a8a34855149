using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class AttendanceTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_leader_records_a_week_of_attendance_for_the_team_and_the_compliance_figure_rises()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "leader");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Menu(page).GetByRole(AriaRole.Link, new() { Name = "驻村考勤" }).ClickAsync();

        // The current team (since 2018, no end) has no attendance this year in the demo data: 0%, or "—" in the
        // first days of January when no week of the year has ended yet.
        var team = page.GetByTestId("team-attendance").Last;
        var figure = team.GetByTestId("team-compliance");
        await Expect(figure).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("达标率 (0%|—)"));
        var before = await figure.InnerTextAsync();
        await PortalPages.ScreenshotAsync(page, "attendance-before");

        await team.GetByTestId("record-week").ClickAsync();
        // The dialog opens on last week with the rule's days ticked (Mon–Fri, nights Mon–Thu) for every member.
        await Expect(page.GetByTestId("attendance-week-total")).ToContainTextAsync("本周在村 5 天、住村 4 夜，达到五天四夜");
        await PortalPages.ScreenshotAsync(page, "attendance-week-dialog");
        await page.GetByTestId("save-attendance").ClickAsync();
        await Expect(page.GetByTestId("save-attendance")).ToHaveCountAsync(0);

        // Saving shows the year of the recorded week (the year of its Thursday), where that week now counts as kept.
        await Expect(figure).Not.ToHaveTextAsync(before);
        await Expect(figure).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("达标率 (0%|—)"));
        await Expect(page.GetByTestId("attendance-calendar")).ToContainTextAsync("达标（5天4夜）");
        await PortalPages.ScreenshotAsync(page, "attendance-after");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_work_pages_of_the_seed_village_show_the_reports_figures()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "leader");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Menu(page).GetByRole(AriaRole.Link, new() { Name = "驻村工作队" }).ClickAsync();
        await Expect(page.GetByTestId("team")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("team").Last).ToContainTextAsync("leader");
        await PortalPages.ScreenshotAsync(page, "work-teams");

        await Menu(page).GetByRole(AriaRole.Link, new() { Name = "项目·产业·集体经济" }).ClickAsync();
        await Expect(page.GetByTestId("income-summary")).ToContainTextAsync("60,000.00元");
        await Expect(page.GetByTestId("work-summary")).ToContainTextAsync("道路1处7.8公里");
        await PortalPages.ScreenshotAsync(page, "village-work");

        await Menu(page).GetByRole(AriaRole.Link, new() { Name = "工作日志" }).ClickAsync();
        await Expect(page.GetByTestId("log-counts")).ToContainTextAsync("2018年工作统计");
        await Expect(page.GetByTestId("log-counts")).ToContainTextAsync("入户走访 186次（279户次）");
        await PortalPages.ScreenshotAsync(page, "work-logs");

        await Menu(page).GetByRole(AriaRole.Link, new() { Name = "结对帮扶" }).ClickAsync();
        await Expect(page.GetByTestId("add-pairing")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static ILocator Menu(IPage page) => page.Locator("[aria-label=主菜单]");
}
