using System.Text;
using Microsoft.Playwright;
using PovertyPortal.Domain.Households;
using PovertyPortal.Documents.Spreadsheets;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class ImportTests(PortalBrowserFixture portal)
{
    private static byte[] Csv(string number, string id, string title, string health = "")
    {
        var values = new Dictionary<string, string>
        {
            [RegisterColumns.County] = "青石县", [RegisterColumns.Township] = "石桥镇", [RegisterColumns.Village] = "栗子湾村",
            [RegisterColumns.HouseholdNumber] = number, [RegisterColumns.Name] = "秦建军", [RegisterColumns.ResidentId] = id,
            [RegisterColumns.Relationship] = "户主", [RegisterColumns.Gender] = "男", [RegisterColumns.BirthDate] = "1975年6月1日",
            [RegisterColumns.PovertyCategory] = "一般贫困户", [RegisterColumns.PrimaryCause] = "因学",
            [RegisterColumns.IdentificationYear] = "2017", [RegisterColumns.Status] = "未脱贫", [RegisterColumns.Health] = health,
        };
        var text = $"{title}\n{string.Join(',', RegisterColumns.All)}\n{string.Join(',', RegisterColumns.All.Select(c => values.GetValueOrDefault(c, "")))}\n";
        return Encoding.GetEncoding("GB18030") is var gb ? gb.GetBytes(text) : [];
    }

    [Fact]
    public async Task An_official_uploads_a_register_sees_its_errors_fixes_it_and_confirms()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/households/import");
        await PortalPages.WaitUntilInteractiveAsync(page);

        var number = $"U{DateTime.UtcNow:HHmmssfff}";
        var id = ResidentId.Create("421129", new DateOnly(1975, 6, 1), 771, Gender.Male).Value;
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "栗子湾村花名册.csv", MimeType = "text/csv", Buffer = Csv(number, wrong, "栗子湾村建档立卡贫困人口花名册"),
        });
        await Expect(page.GetByTestId("import-errors-summary")).ToContainTextAsync("整份文件均未导入");
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync("第3行");
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync("校验码错误");
        await PortalPages.ScreenshotAsync(page, "import-errors");
        var errorBook = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("error-workbook").ClickAsync());
        Assert.EndsWith("-错误说明.xlsx", errorBook.SuggestedFilename, StringComparison.Ordinal);

        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "栗子湾村花名册.csv", MimeType = "text/csv", Buffer = Csv(number, id, "栗子湾村建档立卡贫困人口花名册", health: "残疾"),
        });
        await Expect(page.GetByTestId("import-counts")).ToContainTextAsync("栗子湾村");
        // 残疾 without a grade, as the national system exports it: a warning beside the preview, not an error.
        await Expect(page.GetByTestId("import-warnings")).ToContainTextAsync("未写残疾等级");
        var warningBook = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("warning-workbook").ClickAsync());
        Assert.EndsWith("-提示.xlsx", warningBook.SuggestedFilename, StringComparison.Ordinal);
        await Expect(page.GetByTestId("confirm-import")).ToBeEnabledAsync();
        await PortalPages.ScreenshotAsync(page, "import-preview");
        await page.GetByTestId("confirm-import").ClickAsync();
        await Expect(page.GetByTestId("import-done")).ToContainTextAsync("新增1户1人");

        await page.GotoAsync("/households");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.Locator("input[data-testid=search], [data-testid=search] input").First.FillAsync(number);
        await Expect(page.GetByTestId("household-table")).ToContainTextAsync(number);
        await page.Context.CloseAsync();
    }
}
