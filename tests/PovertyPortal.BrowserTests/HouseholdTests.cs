using Microsoft.Playwright;
using PovertyPortal.Domain.Households;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class HouseholdTests(PortalBrowserFixture portal)
{
    private static ILocator Input(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static async Task ChooseAsync(IPage page, ILocator form, string testId, string option)
    {
        await form.Locator($"[data-testid={testId}]").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task On_a_phone_the_list_shows_the_main_filters_and_keeps_the_others_behind_more_filters()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "township");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/households");
        await PortalPages.WaitUntilInteractiveAsync(page);
        var filters = page.GetByTestId("household-filters");
        await Expect(filters.GetByText("行政村")).ToBeVisibleAsync();
        await Expect(filters.GetByText("致贫原因")).ToHaveCountAsync(0);
        await PortalPages.AssertFitsWidthAsync(page, 390);
        await PortalPages.ScreenshotAsync(page, "household-list-390");

        await page.GetByTestId("more-filters").ClickAsync();
        await Expect(filters.GetByText("致贫原因")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("more-filters")).ToContainTextAsync("收起筛选");

        // A link that sets one of them (the dashboard's figures) opens them, so the filter in force is in sight.
        await page.GotoAsync("/households?exitYear=2020");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("household-filters").GetByText("脱贫年度")).ToBeVisibleAsync();
        await page.GetByTestId("more-filters").ClickAsync();
        await Expect(page.GetByTestId("more-filters")).ToContainTextAsync("更多筛选（1）");
    }

    [Fact]
    public async Task A_township_official_registers_a_household_with_members_and_sees_its_history()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/households");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("household-table")).ToContainTextAsync("共");
        await PortalPages.ScreenshotAsync(page, "household-list");

        // The household.
        await page.GetByTestId("new-household").ClickAsync();
        var form = page.GetByTestId("household-form");
        var number = $"B{DateTime.UtcNow:HHmmssfff}";
        await ChooseAsync(page, form, "village", "栗子湾村");
        await Input(form, "household-number").FillAsync(number);
        await Input(form, "phone").FillAsync("12345");
        await ChooseAsync(page, form, "category", "低保贫困户");
        await ChooseAsync(page, form, "primary-cause", "因病");
        await Input(form, "identification-year").FillAsync("2015");
        await page.GetByTestId("save-household").ClickAsync();
        await Expect(form).ToContainTextAsync("联系电话应为11位手机号码");
        await Expect(Input(form, "household-number")).ToHaveValueAsync(number);
        await Input(form, "phone").FillAsync("13807131234");
        await page.GetByTestId("save-household").ClickAsync();
        await page.WaitForURLAsync("**/households/*");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("household-header")).ToContainTextAsync(number);

        // The head, after every kind of ID error.
        await page.GetByTestId("add-member").ClickAsync();
        var member = page.GetByTestId("member-form");
        await Input(member, "member-name").FillAsync("周建国");
        var id = ResidentId.Create("421129", new DateOnly(1972, 8, 15), 135, Gender.Male).Value;
        var wrongCheck = id[..17] + (id[17] == '0' ? '1' : '0');
        var errors = new (string Typed, string Message)[]
        {
            (id[..15], "应为18位，当前为15位"),
            (id[..10] + "AB" + id[12..], "第11位“A”不是数字"),
            (id[..6] + "19720231" + id[14..], "出生日期“19720231”不是有效日期"),
            (wrongCheck, "校验码错误"),
        };
        foreach (var (typed, message) in errors)
        {
            await Input(member, "resident-id").FillAsync(typed);
            await page.GetByTestId("save-member").ClickAsync();
            await Expect(member).ToContainTextAsync(message);
            await Expect(Input(member, "resident-id")).ToHaveValueAsync(typed);
        }
        await PortalPages.ScreenshotAsync(page, "member-id-error");
        await Input(member, "resident-id").FillAsync(id.ToLowerInvariant().Replace("1", "１", StringComparison.Ordinal));
        await page.GetByTestId("save-member").ClickAsync();
        await Expect(page.GetByTestId("member-table")).ToContainTextAsync("周建国");
        await Expect(page.GetByTestId("member-table")).ToContainTextAsync(ResidentId.Mask(id));

        // Reveal the ID: shown in full, once, on request.
        await page.GetByTestId("reveal-id").First.ClickAsync();
        await Expect(page.GetByTestId("member-table")).ToContainTextAsync(id);

        // Edit the household and find the change in 变更记录.
        await page.GetByTestId("edit-household").ClickAsync();
        await ChooseAsync(page, page.GetByTestId("household-form"), "category", "特困供养贫困户");
        await page.GetByTestId("save-household").ClickAsync();
        await Expect(page.GetByTestId("household-header")).ToContainTextAsync("特困供养贫困户");
        await page.GetByRole(AriaRole.Tab, new() { Name = "变更记录" }).ClickAsync();
        await Expect(page.GetByTestId("change-history")).ToContainTextAsync("低保贫困户");
        await Expect(page.GetByTestId("change-history")).ToContainTextAsync("特困供养贫困户");
        await PortalPages.ScreenshotAsync(page, "household-history");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_filtered_list_downloads_as_an_Excel_workbook()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/households");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("household-table")).ToContainTextAsync("共");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        Assert.StartsWith("贫困人口花名册-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1000);
        Assert.Equal((byte)'P', bytes[0]); // a zip package, as every .xlsx is
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已导出");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_officials_edit_the_same_household_and_the_second_is_told_what_changed()
    {
        var first = await portal.NewPageAsync();
        await PortalPages.SignInAsync(first, "township");
        await PortalPages.WaitUntilInteractiveAsync(first);
        await first.GotoAsync("/households");
        await PortalPages.WaitUntilInteractiveAsync(first);
        await first.GetByTestId("household-table").Locator("tbody a").First.ClickAsync();
        await first.WaitForURLAsync("**/households/*");
        var url = first.Url;

        var second = await portal.NewPageAsync();
        await PortalPages.SignInAsync(second, "county");
        await PortalPages.WaitUntilInteractiveAsync(second);
        await second.GotoAsync(url);
        await PortalPages.WaitUntilInteractiveAsync(second);

        // Both open the form; the first saves, then the second.
        await PortalPages.WaitUntilInteractiveAsync(first);
        await first.GetByTestId("edit-household").ClickAsync();
        await second.GetByTestId("edit-household").ClickAsync();
        var address = $"第二村民小组{DateTime.UtcNow:mmssfff}号";
        await first.GetByTestId("household-form").GetByLabel("住址").FillAsync(address);
        await first.GetByTestId("save-household").ClickAsync();
        await Expect(first.GetByTestId("household-header")).ToContainTextAsync(address);

        var secondForm = second.GetByTestId("household-form");
        await secondForm.GetByLabel("住址").FillAsync("第九村民小组");
        await second.GetByTestId("save-household").ClickAsync();
        await Expect(second.GetByTestId("form-error")).ToContainTextAsync("已被他人修改");
        await Expect(second.GetByTestId("form-error")).ToContainTextAsync(address);
        await Expect(secondForm.GetByLabel("住址")).ToHaveValueAsync("第九村民小组");
        await PortalPages.ScreenshotAsync(second, "household-conflict");
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }
}
