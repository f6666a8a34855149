using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class IncomeTests(PortalBrowserFixture portal)
{
    private static ILocator Input(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task An_income_below_the_line_flags_the_household_on_its_page_and_in_the_list()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "township");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/households");
        await PortalPages.WaitUntilInteractiveAsync(page);
        var table = page.GetByTestId("household-table");
        await Expect(table).ToContainTextAsync("栗子湾村");
        // The fifth household of the first page: other tests may add incomes to the first ones.
        var link = table.Locator("tbody tr a").Nth(4);
        var number = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await page.WaitForURLAsync("**/households/*");
        await PortalPages.WaitUntilInteractiveAsync(page);

        await page.GetByRole(AriaRole.Tab, new() { Name = "收入" }).ClickAsync();
        await page.GetByTestId("add-income").ClickAsync();
        var form = page.GetByTestId("income-form");
        await Input(form, "income-year").FillAsync("2020");
        await Input(form, "wage-income").FillAsync("-100");
        await Input(form, "operating-income").FillAsync("0");
        await Input(form, "property-income").FillAsync("0");
        await Input(form, "transfer-income").FillAsync("1200");
        await Input(form, "production-costs").FillAsync("0");
        await page.GetByTestId("save-income").ClickAsync();
        await Expect(form).ToContainTextAsync("工资性收入不能为负数");
        await Expect(Input(form, "transfer-income")).ToHaveValueAsync("1200");

        await Input(form, "wage-income").FillAsync("1500");
        await Expect(page.GetByTestId("income-preview")).ToContainTextAsync("全年 2,700.00元");
        await page.GetByTestId("save-income").ClickAsync();
        var warnings = page.GetByTestId("income-warnings");
        await Expect(warnings).ToContainTextAsync("2020 年低于贫困线");
        await Expect(page.GetByTestId("income-table")).ToContainTextAsync("4,100");
        await page.ReloadAsync();
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("household-header")).ToContainTextAsync("2020年低于贫困线");
        await page.GetByRole(AriaRole.Tab, new() { Name = "收入" }).ClickAsync();
        await PortalPages.ScreenshotAsync(page, "household-income");

        // The list's income filter finds it.
        await page.GotoAsync("/households");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("more-filters").ClickAsync();
        await page.GetByTestId("income-warning-filter").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "低于贫困线", Exact = true }).ClickAsync();
        await Input(page.GetByTestId("household-filters"), "income-year-filter").FillAsync("2020");
        await Expect(page.GetByTestId("household-table")).ToContainTextAsync(number);
        await PortalPages.ScreenshotAsync(page, "household-list-income-filter");
    }

    [Fact]
    public async Task The_work_team_leader_sees_the_village_benefit_sums_of_the_sample_report()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "leader");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/benefits?year=2018");
        await PortalPages.WaitUntilInteractiveAsync(page);
        var sums = page.GetByTestId("benefit-sums");
        await Expect(sums.Locator("tr", new() { HasText = "低保" }).First).ToContainTextAsync("52");
        await Expect(sums.Locator("tr", new() { HasText = "低保" }).First).ToContainTextAsync("74");
        await Expect(sums).ToContainTextAsync("社会保障兜底一批");
        await Expect(sums).ToContainTextAsync("92,690.00");
        await PortalPages.ScreenshotAsync(page, "benefit-ledger");
        await page.GetByRole(AriaRole.Tab, new() { Name = "小额信贷" }).ClickAsync();
        await Expect(page.GetByTestId("overdue-rate").First).ToContainTextAsync("逾期率");
        await PortalPages.ScreenshotAsync(page, "microloans");
    }

    [Fact]
    public async Task A_work_team_member_records_an_assurance_check_and_sees_the_register_view_beside_it()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "member");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/households");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("household-table").Locator("tbody tr a").Nth(15).ClickAsync();
        await page.WaitForURLAsync("**/households/*");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "两不愁三保障" }).ClickAsync();
        await page.GetByTestId("add-assurance").ClickAsync();
        await Input(page.GetByRole(AriaRole.Dialog), "assurance-year").FillAsync("2021");
        await page.GetByTestId("housing-grade").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "A级（安全）", Exact = true }).ClickAsync();
        var housing = page.GetByTestId("assurance-HousingSafety");
        await Expect(housing).ToContainTextAsync("达标：住房鉴定为A级（安全）");
        // The official finds the house unsafe after all: the register's view disagrees, in red.
        await housing.GetByText("未达标", new() { Exact = true }).ClickAsync();
        await housing.Locator("input").Nth(2).FillAsync("屋顶漏雨，待维修");
        await PortalPages.ScreenshotAsync(page, "assurance-form");
        await page.GetByTestId("save-assurance").ClickAsync();
        var check = page.GetByTestId("assurance-check").First;
        await Expect(check).ToContainTextAsync("2021年");
        await Expect(check.GetByTestId("assurance-disagrees")).ToContainTextAsync("与核查结论不一致");
        await PortalPages.ScreenshotAsync(page, "assurance-check");
    }
}
