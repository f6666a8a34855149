using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Feeds;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

/// <summary>入户核实 on a phone (issue 20): a team member finds the task of their village, records the visit, and is led to a monitoring case.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class HomeCheckTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_team_member_records_a_home_check_on_a_phone_and_is_offered_the_monitoring_case()
    {
        var (taskId, householdId, title) = await ArrangeTaskAsync();
        var page = await portal.NewPageAsync(width: 390, height: 844);
        await PortalPages.SignInAsync(page, "member");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/home-checks");
        await PortalPages.WaitUntilInteractiveAsync(page);
        var link = page.Locator($"a[href='/home-checks/{taskId}']");
        await Expect(link).ToBeVisibleAsync();
        await PortalPages.AssertFitsWidthAsync(page, 390);
        await PortalPages.ScreenshotAsync(page, "home-check-list-390");
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/home-checks/{taskId}");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("home-check-facts")).ToContainTextAsync(title);
        // A team member reads no health: the diagnosis stays hidden.
        await Expect(page.GetByTestId("home-check-facts")).ToContainTextAsync("***（健康信息）");
        await Expect(page.GetByTestId("home-check-facts")).Not.ToContainTextAsync("脑梗死");

        // Saving without a finding keeps the page and says what is missing.
        await page.GetByTestId("home-check-save").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("请填写核实情况");
        await page.Locator("textarea[data-testid=home-check-finding], [data-testid=home-check-finding] textarea").First.FillAsync("住院自付较多，家庭收入下降");
        await page.GetByTestId("outcome-SuggestMonitoring").ClickAsync();
        await page.GetByTestId("home-check-save").ClickAsync();
        var start = page.GetByTestId("start-monitoring-case");
        await Expect(start).ToBeVisibleAsync();
        var href = await start.GetAttributeAsync("href");
        Assert.Equal($"/procedures/new?household={householdId}&kind=Monitoring&clue={Uri.EscapeDataString(title + "入户核实")}", href);
        await PortalPages.AssertFitsWidthAsync(page, 390);
        await PortalPages.ScreenshotAsync(page, "home-check-result-390");

        await using var services = portal.Services.CreateAsyncScope();
        await using var db = SystemDb(services);
        var task = await db.HomeCheckTasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
        Assert.Equal((HomeCheckOutcome.SuggestMonitoring, "住院自付较多，家庭收入下降", PortalYears.Today(TimeProvider.System)),
            (task.Outcome, task.Finding, task.CheckedOn!.Value));
    }

    /// <summary>A context that sees everything; the options are scoped services, so they come from a scope of the test's own.</summary>
    private PortalDbContext SystemDb(AsyncServiceScope scope) =>
        new(scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>(), new SystemScopeSource("browser-test"));

    /// <summary>A 其他 list of its own (a unique name) with one task for a household of the demo member's village.</summary>
    private async Task<(int TaskId, int HouseholdId, string Title)> ArrangeTaskAsync()
    {
        await using var services = portal.Services.CreateAsyncScope();
        await using var db = SystemDb(services);
        var villageId = await db.Users.Where(u => u.UserName == "member").Select(u => u.VillageId!.Value).SingleAsync();
        var head = await db.Members.Where(m => m.VillageId == villageId && !m.IsDeceased).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.HouseholdId, m.CountyId, m.TownshipId, m.Name, m.ResidentId }).FirstAsync();
        var batch = new FeedBatch
        {
            CountyId = head.CountyId, Department = FeedDepartment.MedicalInsurance, Name = "医保" + Guid.NewGuid().ToString("N")[..8],
            Year = 2026, Month = 11, FileName = "医保.xlsx", DueOn = PortalYears.Today(TimeProvider.System).AddDays(15),
            RowCount = 1, InRegisterCount = 1,
        };
        var task = new HomeCheckTask
        {
            FeedBatch = batch, CountyId = head.CountyId, TownshipId = head.TownshipId, VillageId = villageId, Department = batch.Department,
            Match = FeedMatch.InRegister, HouseholdId = head.HouseholdId, MemberId = head.Id, PersonName = head.Name, ResidentId = head.ResidentId,
            Fact = "金额 52000；日期 2026-11-03", Item = "脑梗死", DueOn = batch.DueOn,
        };
        db.HomeCheckTasks.Add(task);
        await db.SaveChangesAsync();
        return (task.Id, head.HouseholdId, batch.Title);
    }
}
