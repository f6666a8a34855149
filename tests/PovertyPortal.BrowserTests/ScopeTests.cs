using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class ScopeTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_township_official_cannot_open_another_townships_village_by_URL()
    {
        // The first township's official finds the id of one of their villages by following their own home page.
        var own = await portal.NewPageAsync();
        await PortalPages.SignInAsync(own, "township");
        await PortalPages.WaitUntilInteractiveAsync(own);
        var link = own.GetByTestId("area-table").Locator("a[href^='/villages/']").First;
        var href = await link.GetAttributeAsync("href");
        Assert.NotNull(href);
        await link.ClickAsync();
        await Expect(own.GetByTestId("village-overview")).ToBeVisibleAsync();
        await own.Context.CloseAsync();

        // The second township's official types that address.
        var other = await portal.NewPageAsync();
        await PortalPages.SignInAsync(other, "township2");
        await PortalPages.WaitUntilInteractiveAsync(other);
        await other.GotoAsync(href!);
        await PortalPages.WaitUntilInteractiveAsync(other);
        await Expect(other.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(other.GetByTestId("access-denied")).ToContainTextAsync("无权访问");
        await Expect(other.GetByTestId("village-overview")).ToHaveCountAsync(0);
        await PortalPages.ScreenshotAsync(other, "access-denied-other-township");
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task A_township_official_cannot_open_another_townships_household_by_URL()
    {
        var own = await portal.NewPageAsync();
        await PortalPages.SignInAsync(own, "township");
        await PortalPages.WaitUntilInteractiveAsync(own);
        await own.GotoAsync("/households");
        await PortalPages.WaitUntilInteractiveAsync(own);
        var href = await own.GetByTestId("household-table").Locator("tbody a").First.GetAttributeAsync("href");
        Assert.NotNull(href);
        await own.Context.CloseAsync();

        var other = await portal.NewPageAsync();
        await PortalPages.SignInAsync(other, "township2");
        await PortalPages.WaitUntilInteractiveAsync(other);
        await other.GotoAsync(href!);
        await PortalPages.WaitUntilInteractiveAsync(other);
        await Expect(other.GetByTestId("access-denied")).ToContainTextAsync("无权访问");
        await Expect(other.GetByTestId("household-header")).ToHaveCountAsync(0);
        await other.Context.CloseAsync();

        // The refusal is in the audit log, with who, where from and what they tried to open (issue 15).
        await using var services = portal.Services.CreateAsyncScope();
        var options = services.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await using var db = new PortalDbContext(options, new SystemScopeSource("browser-test"));
        var denials = await db.AuditLog.Where(a => a.UserName == "township2" && a.Action == AuditActions.AccessDenied).ToListAsync();
        var denial = Assert.Single(denials, a => a.Target == href);
        Assert.Equal(AuditOutcome.Denied, denial.Outcome);
        Assert.False(string.IsNullOrEmpty(denial.IpAddress));
    }

    [Fact]
    public async Task A_work_team_member_is_refused_the_user_management_page()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "member");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/users");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
