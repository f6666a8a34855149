using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PovertyPortal.Data;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

/// <summary>Decision 0014 on a phone: a team member's household page gives no ID back, and offers no export.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class MaskingTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task A_team_members_household_page_on_a_phone_shows_no_full_birth_date_no_health_and_no_export()
    {
        var page = await portal.NewPageAsync(width: 390, height: 844);
        await PortalPages.SignInAsync(page, "member");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/households");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("household-table")).ToContainTextAsync("共");
        // Export is not offered to a team member (and ExportHouseholds refuses it: the integration tests).
        await Expect(page.GetByTestId("export")).ToHaveCountAsync(0);

        var link = page.GetByTestId("household-table").Locator("a[href^='/households/']").First;
        var href = await link.GetAttributeAsync("href");
        var householdId = int.Parse(href!["/households/".Length..], CultureInfo.InvariantCulture);
        await link.ClickAsync();
        await page.WaitForURLAsync($"**{href}");
        await PortalPages.WaitUntilInteractiveAsync(page);
        var table = page.GetByTestId("member-table");
        await Expect(table).ToContainTextAsync("***");
        await Expect(page.GetByTestId("reveal-id")).ToHaveCountAsync(0);
        await PortalPages.ScreenshotAsync(page, "member-household-390");

        await using var services = portal.Services.CreateAsyncScope();
        var options = services.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await using var db = new PortalDbContext(options, new SystemScopeSource("browser-test"));
        var members = await db.Members.Where(m => m.HouseholdId == householdId).Select(m => new { m.ResidentId, m.BirthDate }).ToListAsync();
        Assert.NotEmpty(members);
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var member in members)
        {
            Assert.Contains(member.ResidentId[..6] + "********" + member.ResidentId[^4..], text, StringComparison.Ordinal);
            // Neither the full ID nor its hidden eight digits, in any way a date is written.
            Assert.DoesNotContain(member.ResidentId, text, StringComparison.Ordinal);
            foreach (var format in new[] { "yyyyMMdd", "yyyy-MM-dd", "yyyy年M月d日", "yyyy/M/d" })
            {
                Assert.DoesNotContain(member.BirthDate.ToString(format, CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// The report a team member downloads (PDF and Word) holds no ID of the village's people in any form that gives it
    /// back: not whole, not masked (the report has no place for an ID at all), and no run of digits as long as one.
    /// </summary>
    [Fact]
    public async Task A_team_members_performance_report_on_a_phone_holds_no_reconstructable_ID()
    {
        var page = await portal.NewPageAsync(width: 390, height: 844);
        await PortalPages.SignInAsync(page, "member");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/reports");
        await PortalPages.WaitUntilInteractiveAsync(page);
        var year = page.Locator("input[data-testid=report-year], [data-testid=report-year] input").First;
        await year.FillAsync("2018");
        await year.PressAsync("Tab");
        await Expect(page.GetByTestId("report-preview")).ToContainTextAsync("栗子湾村2018年驻村工作队履职报告");
        await PortalPages.ScreenshotAsync(page, "member-report-390");

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-pdf").ClickAsync());
        string pdfText;
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.PathAsync()))
        {
            pdfText = string.Concat(document.GetPages().Select(p => p.Text));
        }
        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-docx").ClickAsync());
        string wordText;
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await word.PathAsync(), false))
        {
            wordText = document.MainDocumentPart!.Document!.Body!.InnerText;
        }
        var pageText = await page.Locator("body").InnerTextAsync();

        await using var services = portal.Services.CreateAsyncScope();
        var options = services.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await using var db = new PortalDbContext(options, new SystemScopeSource("browser-test"));
        var village = await db.Users.Where(u => u.UserName == "member").Select(u => u.VillageId).SingleAsync();
        var members = await db.Members.Where(m => m.VillageId == village).Select(m => new { m.ResidentId }).ToListAsync();
        Assert.True(members.Count > 100, $"{members.Count} members");
        Assert.True(pdfText.Length > 1000 && wordText.Length > 1000, $"pdf {pdfText.Length}, word {wordText.Length}");
        foreach (var text in new[] { pdfText, wordText, pageText })
        {
            Assert.DoesNotMatch(@"[0-9]{15}", text);
            foreach (var member in members)
            {
                Assert.DoesNotContain(member.ResidentId, text, StringComparison.Ordinal);
                Assert.DoesNotContain(PovertyPortal.Domain.Households.ResidentId.Mask(member.ResidentId), text, StringComparison.Ordinal);
            }
        }
        await page.Context.CloseAsync();
    }
}
