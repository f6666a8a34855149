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

    [Fact]
    public async Task A_township_official_uploads_a_department_list_and_reads_its_rows_matched_in_the_register_near_it_and_unmatched()
    {
        await using var services = portal.Services.CreateAsyncScope();
        await using var db = SystemDb(services);
        var townshipId = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId!.Value).SingleAsync();
        var member = await db.Members.Where(m => m.TownshipId == townshipId && !m.IsDeceased).OrderBy(m => m.Id)
            .Select(m => new { m.Name, m.ResidentId, m.VillageId }).FirstAsync();
        var village = await db.Villages.Where(v => v.Id == member.VillageId).Select(v => v.Name).SingleAsync();
        var near = Domain.Households.ResidentId.Create(member.ResidentId[..6], new DateOnly(1984, 2, 29), 377, Domain.Households.Gender.Female).Value;
        var bad = near[..17] + (near[17] == '1' ? '2' : '1');
        var csv = System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n",
            "姓名,身份证号码,所在村,救助金额,变动日期,变动类型",
            $"{member.Name},{member.ResidentId},{village},680,2026-10-08,新增低保",
            $"周新户,{near},{village},0,2026-10-12,申请未批",
            $"吴错号,{bad},{village},0,2026-10-12,申请未批") + "\r\n");

        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/feeds/upload");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("feed-department").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "民政低保变动" }).ClickAsync();
        // A year no other test uploads: one list per department and month in a county.
        var year = 2030 + Random.Shared.Next(0, 60);
        await page.Locator("[data-testid=feed-year] input, input[data-testid=feed-year]").First.FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "民政低保变动.csv", MimeType = "text/csv", Buffer = csv });
        await Expect(page.GetByTestId("feed-map-ResidentId")).ToContainTextAsync("身份证号码");
        await PortalPages.ScreenshotAsync(page, "feed-upload-desktop");
        await page.GetByTestId("feed-submit").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/feeds/\d+$"));
        await Expect(page.GetByTestId("feed-batch-title")).ToContainTextAsync($"民政低保变动（{year}年");
        var rows = page.GetByTestId("feed-rows");
        await Expect(rows).ToContainTextAsync("在册");
        await Expect(rows).ToContainTextAsync("本村未在册");
        await Expect(rows).ToContainTextAsync("校验码错误");
        Assert.DoesNotContain(member.ResidentId, await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await PortalPages.ScreenshotAsync(page, "feed-batch-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await PortalPages.AssertFitsWidthAsync(page, 390);
        await PortalPages.ScreenshotAsync(page, "feed-batch-390");
        await page.GotoAsync("/feeds");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("feed-batches")).ToContainTextAsync($"民政低保变动（{year}年");
        await PortalPages.AssertFitsWidthAsync(page, 390);
        await PortalPages.ScreenshotAsync(page, "feed-inbox-390");
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
