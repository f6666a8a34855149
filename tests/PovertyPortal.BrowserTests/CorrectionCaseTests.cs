using System.Globalization;
using Microsoft.Playwright;
using PovertyPortal.Domain.Common;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

/// <summary>
/// One case of community correction from the entrustment to the release, as the county bureau keeps it in the browser
/// (the bureau's accounts run the 司法所's steps too): the assessment with art. 8's findings, the documents and the
/// report, a group refused at two and accepted at three, the announcement, a session of education, the summary, the
/// appraisal and the release with its certificate. The last steps are done on a phone's width.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class CorrectionCaseTests(PortalBrowserFixture portal)
{
    private static readonly DateOnly Today = PortalYears.Today(TimeProvider.System);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;

    private static async Task TypeDateAsync(ILocator scope, string testId, DateOnly date)
    {
        var input = Field(scope, testId);
        await input.FillAsync(Date(date));
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(Date(date));
    }

    private static async Task ChooseAsync(IPage page, ILocator scope, string testId, string option)
    {
        await scope.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        // The select shows the choice only once the server has taken it: under a loaded CI machine the next field
        // must not be typed before that render arrives.
        // (MudSelect shows its text in an input or in a div depending on its state, hence both.)
        var select = scope.GetByTestId(testId);
        var shown = "";
        for (var tries = 0; tries < 100 && shown != option; tries++)
        {
            if (tries > 0) await Task.Delay(100);
            shown = await select.EvaluateAsync<string>("e => e.tagName === 'INPUT' ? e.value : e.textContent.trim()");
        }
        Assert.Equal(option, shown);
    }

    private static Task TabAsync(IPage page, string text) => page.Locator(".mud-tab", new() { HasText = text }).ClickAsync();

    [Fact]
    public async Task A_case_goes_from_the_entrustment_to_the_release_in_the_browser()
    {
        var end = Today.AddDays(-1);
        var start = end.AddMonths(-6);
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "justice");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("task-table")).ToBeVisibleAsync();
        await page.GotoAsync("/correction/cases");
        await PortalPages.WaitUntilInteractiveAsync(page);

        // 立案 from an entrustment; an empty save names the missing fields in Chinese.
        await page.GetByTestId("new-correction-case").ClickAsync();
        var form = page.GetByTestId("case-form");
        await page.GetByTestId("save-case").ClickAsync();
        await Expect(form).ToContainTextAsync("请填写姓名");
        await ChooseAsync(page, form, "case-township", "石桥镇");
        await Field(form, "case-name").FillAsync("浏览器矫正对象");
        await ChooseAsync(page, form, "case-gender", "男");
        await TypeDateAsync(form, "case-birth", new DateOnly(1980, 1, 1));
        await Field(form, "case-resident-id").FillAsync("421129198001010037");
        await ChooseAsync(page, form, "case-type", "缓刑");
        await TypeDateAsync(form, "case-entrusted-on", start.AddDays(-30));
        await ChooseAsync(page, form, "case-organ", "人民法院");
        await Field(form, "case-organ-name").FillAsync("青石县人民法院");
        await Field(form, "case-team").FillAsync("郑文博、黄志强");
        await page.GetByTestId("save-case").ClickAsync();
        try
        {
            await Expect(page.GetByTestId("case-title")).ToHaveTextAsync("浏览器矫正对象", new() { Timeout = 15_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"立案 not saved; the form shows: {await form.InnerTextAsync()}", e);
        }
        await Expect(page.GetByTestId("case-resident-id")).ToContainTextAsync("421129********0037");

        // 调查评估: the findings of art. 8, then the opinion.
        foreach (var finding in new[] { "finding-residence", "finding-family", "finding-conduct", "finding-impact", "finding-opinion" })
        {
            await Field(page.Locator("body"), finding).FillAsync("已调查核实，情况属实。");
        }
        await ChooseAsync(page, page.Locator("body"), "assessment-result", "适用社区矫正");
        await TypeDateAsync(page.Locator("body"), "assessment-replied-on", start.AddDays(-25));
        await page.GetByTestId("conclude-assessment").ClickAsync();
        await Expect(page.GetByTestId("assessment-conclusion")).ToContainTextAsync("适用社区矫正");

        // 接收报到: documents, term, report.
        await TabAsync(page, "接收报到");
        var body = page.Locator("body");
        await TypeDateAsync(body, "receipt-received-on", start.AddDays(-3));
        await TypeDateAsync(body, "receipt-effective-on", start.AddDays(-5));
        await TypeDateAsync(body, "receipt-start", start);
        await TypeDateAsync(body, "receipt-end", end);
        await page.GetByTestId("doc-judgment").ClickAsync();
        await page.GetByTestId("doc-notice").ClickAsync();
        await page.GetByTestId("doc-guarantee").ClickAsync();
        await TypeDateAsync(body, "receipt-reported-on", start);
        await page.GetByTestId("save-receipt").ClickAsync();
        await Expect(page.GetByTestId("stage-chip").First).ToHaveTextAsync("待宣告");

        // 宣告: two members are refused (art. 18), a third is accepted.
        await TabAsync(page, "宣告与方案");
        await Field(body, "member-name").FillAsync("黄志强");
        await page.GetByTestId("add-member").ClickAsync();
        await Field(page.GetByTestId("group-member").Nth(1), "member-name").FillAsync("村委会主任");
        for (var step = 1; step <= 5; step++) await page.GetByTestId($"step-{step}").ClickAsync();
        await TypeDateAsync(body, "announced-on", start.AddDays(2));
        await page.GetByTestId("save-announcement").ClickAsync();
        await Expect(page.GetByTestId("announcement-error")).ToContainTextAsync("不少于3人");
        await page.GetByTestId("add-member").ClickAsync();
        await Field(page.GetByTestId("group-member").Nth(2), "member-name").FillAsync("社区志愿者");
        await page.GetByTestId("save-announcement").ClickAsync();
        await Expect(page.GetByTestId("stage-chip").First).ToHaveTextAsync("在矫");

        // The rest on a phone.
        await page.SetViewportSizeAsync(390, 844);
        await TabAsync(page, "日常监管");
        await ChooseAsync(page, body, "record-kind", "教育学习");
        await TypeDateAsync(body, "record-date", start.AddDays(20));
        await Field(body, "record-hours").FillAsync("8");
        await Field(body, "record-content").FillAsync("集中法治教育");
        await page.GetByTestId("save-record").ClickAsync();
        await Expect(page.GetByTestId("record-table")).ToContainTextAsync("集中法治教育");
        await PortalPages.AssertFitsWidthAsync(page, 390);

        await TabAsync(page, "解除与终止");
        await TypeDateAsync(body, "end-date", end.AddDays(-10));
        await page.GetByTestId("record-summary").ClickAsync();
        await Expect(page.GetByTestId("summary-on")).ToContainTextAsync(end.AddDays(-10).Year + "年");
        await Field(body, "end-text").FillAsync("遵纪守法，表现良好，建议纳入安置帮教。");
        await page.GetByTestId("record-appraisal").ClickAsync();
        await Expect(page.GetByTestId("end-error")).ToHaveCountAsync(0);
        await TypeDateAsync(body, "end-date", Today);
        await Field(body, "end-text").FillAsync("矫解〔浏览〕1号");
        await page.GetByTestId("release").ClickAsync();
        await Expect(page.GetByTestId("released")).ToContainTextAsync("矫解〔浏览〕1号");
        await PortalPages.AssertFitsWidthAsync(page, 390);
        await PortalPages.ScreenshotAsync(page, "correction-case-released-390");

        await TabAsync(page, "文书");
        await Expect(page.GetByTestId("doc-pdf")).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }
}
