using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PovertyPortal.Data;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

/// <summary>
/// The monthly statistics of community correction as the county bureau reads them on a desktop and a 司法所 on a phone,
/// on a county of the test's own (the demo county's correction data is another's): both tables, the files downloaded.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class CorrectionStatisticsTests(PortalBrowserFixture portal)
{
    private async Task<(string Bureau, string Office)> CountyAsync()
    {
        using var scope = portal.Services.CreateScope();
        await using var db = new PortalDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>(), new SystemScopeSource("browser-test"));
        var province = await db.Counties.Select(c => c.Province).FirstAsync();
        var county = new County { AdminCode = "429721000000", Name = "矫统浏览县", Province = province };
        var a = new Township { AdminCode = "429721001000", Name = "东关镇", County = county };
        var b = new Township { AdminCode = "429721002000", Name = "西坪乡", County = county };
        db.Townships.AddRange(a, b);
        await db.SaveChangesAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        CorrectionSubject Subject(Township t, CorrectionType type, Gender gender, int monthsAgo) => new()
        {
            CountyId = county.Id, TownshipId = t.Id, Name = "浏览对象", Gender = gender, BirthDate = new DateOnly(1982, 2, 2), Type = type,
            Stage = CaseStage.UnderCorrection, EffectiveOn = today.AddMonths(-monthsAgo).AddDays(-10), AnnouncedOn = today.AddMonths(-monthsAgo),
            CorrectionStart = today.AddMonths(-monthsAgo).AddDays(-10), CorrectionEnd = today.AddYears(2),
        };
        db.CorrectionSubjects.AddRange(
            Subject(a, CorrectionType.Probation, Gender.Female, 6), Subject(a, CorrectionType.Parole, Gender.Male, 1),
            Subject(a, CorrectionType.TemporaryOutOfPrison, Gender.Male, 8), Subject(b, CorrectionType.Control, Gender.Male, 4));
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        async Task<string> User(string name, string role, int? township)
        {
            var user = new PortalUser { UserName = name, DisplayName = "矫正统计测试", CountyId = county.Id, TownshipId = township, CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, DemoDataSeeder.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return name;
        }
        return (await User("cstatbureau", PortalRoles.JusticeBureau, null), await User("cstatoffice", PortalRoles.JudicialOffice, a.Id));
    }

    [Fact]
    public async Task The_bureau_reads_the_county_on_a_desktop_and_downloads_the_files_and_the_office_reads_its_township_on_a_phone()
    {
        var (bureau, office) = await CountyAsync();

        var desktop = await portal.NewPageAsync();
        await PortalPages.SignInAsync(desktop, bureau);
        await PortalPages.WaitUntilInteractiveAsync(desktop);
        await desktop.GotoAsync("/correction/statistics");
        await PortalPages.WaitUntilInteractiveAsync(desktop);
        await Expect(desktop.GetByTestId("stat-title")).ToContainTextAsync("矫统浏览县社区矫正月度统计表");
        await Expect(desktop.GetByTestId("stat-stock").Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(desktop.GetByTestId("stat-stock").Locator("tbody tr").Last).ToContainTextAsync("合计");
        await PortalPages.ScreenshotAsync(desktop, "correction-statistics-desktop");
        var pdf = await desktop.RunAndWaitForDownloadAsync(() => desktop.GetByTestId("stat-pdf").ClickAsync());
        Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(await pdf.PathAsync()), 0, 4), StringComparison.Ordinal);
        var docx = await desktop.RunAndWaitForDownloadAsync(() => desktop.GetByTestId("stat-docx").ClickAsync());
        Assert.EndsWith(".docx", docx.SuggestedFilename, StringComparison.Ordinal);
        await desktop.Context.CloseAsync();

        var phone = await portal.NewPageAsync(width: 390, height: 844);
        await PortalPages.SignInAsync(phone, office);
        await PortalPages.WaitUntilInteractiveAsync(phone);
        await phone.GotoAsync("/correction/statistics");
        await PortalPages.WaitUntilInteractiveAsync(phone);
        await Expect(phone.GetByTestId("stat-title")).ToContainTextAsync("矫统浏览县东关镇社区矫正月度统计表");
        await Expect(phone.GetByTestId("stat-stock").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(phone.GetByTestId("stat-township")).ToHaveCountAsync(0);
        await PortalPages.AssertFitsWidthAsync(phone, 390);
        await PortalPages.ScreenshotAsync(phone, "correction-statistics-390");
        await phone.Context.CloseAsync();
    }
}
