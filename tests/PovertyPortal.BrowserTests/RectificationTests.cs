using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class RectificationTests(PortalBrowserFixture portal)
{
    /// <summary>
    /// A problem of the township official's township that a colleague (another township official, by account id only)
    /// reported fixed: only a role above a township official may close it.
    /// </summary>
    private async Task<int> FixedByTheTownshipAsync()
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var official = await users.FindByNameAsync("township") ?? throw new InvalidOperationException("no township user");
        var actor = new ProblemActor("colleague-of-township", "王建国", PortalRoles.TownshipOfficial);
        await using var db = new PortalDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>(), new SystemScopeSource("browser-test"));
        var village = await db.Villages.Where(v => v.TownshipId == official.TownshipId).OrderBy(v => v.AdminCode).FirstAsync();
        var clock = TimeProvider.System;
        var problem = Problem.Raise(ProblemSource.Manual, village.CountyId, village.TownshipId, village.Id, null, "浏览器测试：村道护栏缺失，存在安全隐患",
            new ProblemAssignment("石桥镇人民政府", official.DisplayName, official.Id, PortalYears.Today(clock).AddDays(7)), PortalYears.Today(clock));
        db.Problems.Add(problem);
        Assert.True(problem.Start(actor, "补装护栏", clock).Succeeded);
        Assert.True(problem.AddEvidence(actor, "护栏已安装，附验收记录", null, clock).Succeeded);
        Assert.True(problem.MarkFixed(actor, "已完成", clock).Succeeded);
        await db.SaveChangesAsync();
        return problem.Id;
    }

    private static async Task FitsAsync(IPage page)
    {
        await PortalPages.AssertFitsWidthAsync(page, 390);
    }

    [Fact]
    public async Task On_a_phone_a_township_official_cannot_close_what_a_township_official_fixed_and_the_county_supervisor_closes_it()
    {
        var id = await FixedByTheTownshipAsync();

        var township = await portal.NewPageAsync(width: 390, height: 844);
        await PortalPages.SignInAsync(township, "township");
        await PortalPages.WaitUntilInteractiveAsync(township);
        await township.GotoAsync($"/problems/{id}");
        await PortalPages.WaitUntilInteractiveAsync(township);
        await Expect(township.GetByTestId("problem-check-refusal")).ToContainTextAsync("须由乡镇干部以上的角色核验");
        await Expect(township.GetByTestId("problem-action-Close")).ToHaveCountAsync(0);
        await Expect(township.GetByTestId("problem-action-Reject")).ToHaveCountAsync(0);
        await FitsAsync(township);
        await PortalPages.ScreenshotAsync(township, "problem-township-cannot-close-390");
        await township.Context.CloseAsync();

        var county = await portal.NewPageAsync(width: 390, height: 844);
        await PortalPages.SignInAsync(county, "county");
        await PortalPages.WaitUntilInteractiveAsync(county);
        // The home page says what awaits the supervisor's check, and leads to it.
        await Expect(county.GetByTestId("problem-alerts")).ToContainTextAsync("待我核验");
        await county.GotoAsync("/problems?status=Fixed");
        await PortalPages.WaitUntilInteractiveAsync(county);
        await Expect(county.GetByTestId("problem-table")).ToContainTextAsync("浏览器测试：村道护栏缺失");
        await FitsAsync(county);
        await PortalPages.ScreenshotAsync(county, "problem-list-390");

        await county.GotoAsync($"/problems/{id}");
        await PortalPages.WaitUntilInteractiveAsync(county);
        await county.GetByTestId("problem-action-Close").ClickAsync();
        // Without the check's note the domain refuses, in Chinese, and the dialog stays open.
        await county.GetByTestId("submit-problem-step").ClickAsync();
        await Expect(county.GetByTestId("problem-step-error")).ToContainTextAsync("请填写核验意见");
        await county.Locator("[data-testid=problem-step-text] textarea, textarea[data-testid=problem-step-text]").First.FillAsync("现场查看护栏已安装牢固，同意销号");
        await county.GetByTestId("submit-problem-step").ClickAsync();
        await Expect(county.GetByTestId("problem-closed-text")).ToContainTextAsync("同意销号");
        await Expect(county.GetByTestId("problem-header")).ToContainTextAsync("已销号");
        await FitsAsync(county);
        await PortalPages.ScreenshotAsync(county, "problem-closed-by-county-390");
        await county.Context.CloseAsync();

        using var scope = portal.Services.CreateScope();
        await using var db = new PortalDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>(), new SystemScopeSource("browser-test"));
        var closed = await db.Problems.SingleAsync(p => p.Id == id);
        Assert.Equal((ProblemStatus.Closed, PortalYears.Today(TimeProvider.System).AddDays(Problem.DefaultRecheckAfterDays)), (closed.Status, closed.RecheckDueOn));
    }

    [Fact]
    public async Task On_a_phone_a_township_official_enters_a_problem_and_the_county_sees_it_on_the_dashboard()
    {
        var page = await portal.NewPageAsync(width: 390, height: 844);
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        // The demo's team leader reported a problem fixed: it awaits this official's check.
        await Expect(page.GetByTestId("problem-alerts")).ToContainTextAsync("待我核验");
        await FitsAsync(page);
        await PortalPages.ScreenshotAsync(page, "home-township-alerts-390");

        await page.GotoAsync("/problems");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("new-problem").ClickAsync();
        var form = page.GetByTestId("problem-form");
        await Expect(form).ToBeVisibleAsync();
        // Saved empty: every missing field says so in Chinese, and nothing is written.
        await page.GetByTestId("save-problem").ClickAsync();
        await Expect(form).ToContainTextAsync("请填写问题描述");
        await Expect(form).ToContainTextAsync("请选择整改时限");
        await form.Locator("[data-testid=problem-description] textarea, textarea[data-testid=problem-description]").First.FillAsync("浏览器录入：村级公益性岗位人员未按时在岗");
        await form.Locator("[data-testid=problem-unit] input, input[data-testid=problem-unit]").First.FillAsync("石桥镇社会事务办");
        await form.Locator("[data-testid=problem-person] input, input[data-testid=problem-person]").First.FillAsync("李春华");
        var deadline = PortalYears.Today(TimeProvider.System).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var date = form.Locator("[data-testid=problem-deadline] input, input[data-testid=problem-deadline]").First;
        await date.FillAsync(deadline);
        await date.PressAsync("Tab");
        await FitsAsync(page);
        await PortalPages.ScreenshotAsync(page, "problem-form-390");
        await page.GetByTestId("save-problem").ClickAsync();
        await Expect(page.GetByTestId("problem-description-text")).ToContainTextAsync("浏览器录入：村级公益性岗位人员未按时在岗");
        await Expect(page.GetByTestId("problem-header")).ToContainTextAsync("待整改");
        await page.Context.CloseAsync();

        var county = await portal.NewPageAsync();
        await PortalPages.SignInAsync(county, "county");
        await PortalPages.WaitUntilInteractiveAsync(county);
        await county.GotoAsync("/dashboard");
        await PortalPages.WaitUntilInteractiveAsync(county);
        var figures = county.GetByTestId("problem-figures");
        await Expect(figures).ToContainTextAsync("石桥镇");
        await figures.ScrollIntoViewIfNeededAsync();
        await county.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(PortalBrowserFixture.ScreenshotDirectory, "dashboard-problem-figures.png"),
        });
        // Drill-down: the township's overdue figure (the demo's problem five days late) opens the ledger filtered to it.
        await figures.Locator("tr", new() { HasText = "石桥镇" }).GetByTestId("problem-figure-overdue").ClickAsync();
        await Expect(county.GetByTestId("problem-table")).ToBeVisibleAsync();
        Assert.Contains("due=Overdue", county.Url, StringComparison.Ordinal);
        await Expect(county.GetByTestId("problem-table")).ToContainTextAsync("已逾期");
        await PortalPages.ScreenshotAsync(county, "problem-list-overdue");
        await county.Context.CloseAsync();
    }
}
