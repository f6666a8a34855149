using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class InspectionTests(PortalBrowserFixture portal)
{
    // A 1×1 PNG: a real picture, so the thumbnail shows.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>An issued round in which township2's official leads the group that inspects two households of 石桥镇.</summary>
    private async Task<(int PairId, IReadOnlyList<int> Households)> IssuedRoundAsync()
    {
        using var scope = portal.Services.CreateScope();
        var inspector = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("township2")
            ?? throw new InvalidOperationException("no township2 user");
        var official = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("township")
            ?? throw new InvalidOperationException("no township user");
        await using var db = new PortalDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>(), new SystemScopeSource("browser-test"));
        var households = await db.Households.Where(h => h.TownshipId == official.TownshipId && h.Status == HouseholdStatus.Exited && h.Phone != null)
            .OrderBy(h => h.Id).Take(2).Select(h => new { h.Id, h.VillageId }).ToListAsync();
        var round = new InspectionRound { CountyId = official.CountyId!.Value, Title = "浏览器测试交叉检查", Year = 2026, Status = InspectionRoundStatus.Issued,
            StartDate = new DateOnly(2026, 12, 1), EndDate = new DateOnly(2026, 12, 25), SampleSeed = 7 };
        var pair = new InspectionPair { CountyId = round.CountyId, InspectingTownshipId = inspector.TownshipId!.Value, InspectedTownshipId = official.TownshipId!.Value };
        pair.Group.Add(new InspectionGroupMember { Role = GroupRole.Leader, UserId = inspector.Id, Name = inspector.DisplayName });
        round.Pairs.Add(pair);
        round.Checklist.Add(new ChecklistItem { CountyId = round.CountyId, Area = ChecklistArea.ConsolidatingGains, Order = 1, Text = "住房安全有保障",
            Per = CheckedPer.Household, AnswerType = AnswerType.Compliance });
        round.Checklist.Add(new ChecklistItem { CountyId = round.CountyId, Area = ChecklistArea.ConsolidatingGains, Order = 2, Text = "住房现状照片",
            Per = CheckedPer.Household, AnswerType = AnswerType.Photo });
        round.Checklist.Add(new ChecklistItem { CountyId = round.CountyId, Area = ChecklistArea.VillageTeamWork, Order = 1, Text = "驻村工作队在岗人数",
            Per = CheckedPer.Village, AnswerType = AnswerType.Number });
        db.InspectionRounds.Add(round);
        await db.SaveChangesAsync();
        foreach (var h in households)
        {
            db.SampledHouseholds.Add(new SampledHousehold
            {
                InspectionRoundId = round.Id, InspectionPairId = pair.Id, CountyId = round.CountyId, TownshipId = pair.InspectedTownshipId,
                VillageId = h.VillageId, HouseholdId = h.Id, Category = SampleCategory.Registered, Origin = SampleOrigin.Drawn, Reason = "随机抽取",
            });
        }
        await db.SaveChangesAsync();
        return (pair.Id, households.Select(h => h.Id).ToList());
    }

    private static async Task FitsAsync(IPage page)
    {
        await PortalPages.AssertFitsWidthAsync(page, 390);
    }

    private static ILocator Item(IPage page, string number) => page.Locator($"[data-testid=inspection-item][data-item='{number}']");

    private static Task NoteAsync(ILocator item, string text) =>
        item.Locator("[data-testid=answer-note] textarea, textarea[data-testid=answer-note]").First.FillAsync(text);

    private static async Task PhotoAsync(ILocator item, string name)
    {
        await item.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "image/png", Buffer = Png });
        await Expect(item.GetByTestId("item-photos").Locator("img")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task On_a_phone_the_group_answers_with_a_photo_loses_the_connection_comes_back_to_its_draft_and_finishes()
    {
        var (pairId, households) = await IssuedRoundAsync();
        var page = await portal.NewPageAsync(width: 390, height: 844);
        await PortalPages.SignInAsync(page, "township2");
        await PortalPages.WaitUntilInteractiveAsync(page);
        // The home page reminds the group of the unfinished inspection.
        await Expect(page.GetByTestId("inspection-work-alert")).ToContainTextAsync("浏览器测试交叉检查");
        await page.GotoAsync("/inspections/work");
        await PortalPages.WaitUntilInteractiveAsync(page);
        var card = page.GetByTestId("inspection-work-card").Filter(new() { HasText = "浏览器测试交叉检查" });
        await Expect(card).ToContainTextAsync("已完成 0 / 2 户");
        await FitsAsync(page);
        await PortalPages.ScreenshotAsync(page, "inspection-work-390");
        await card.GetByTestId("open-inspection-work").ClickAsync();
        await Expect(page.GetByTestId("inspection-progress")).ToContainTextAsync("已完成 0 / 2 户");
        await FitsAsync(page);
        await PortalPages.ScreenshotAsync(page, "inspection-sample-390");

        // First household: 不达标 without a note is refused in Chinese; with it, a finding the group fixes on the spot.
        await page.GotoAsync($"/inspections/work/{pairId}/households/{households[0]}");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("household-facts")).ToContainTextAsync("****");
        var check = Item(page, "二.1");
        await check.GetByTestId("answer-NotMet").ClickAsync();
        await check.GetByTestId("save-item").ClickAsync();
        await Expect(check.GetByTestId("item-error")).ToContainTextAsync("不达标须说明发现的问题");
        await NoteAsync(check, "厨房后墙有裂缝，未纳入危房改造");
        await check.GetByTestId("save-item").ClickAsync();
        await Expect(check.GetByTestId("finding")).ToContainTextAsync("待处理");
        await check.GetByTestId("finding-fix").ClickAsync();
        await check.Locator("[data-testid=finding-evidence] textarea, textarea[data-testid=finding-evidence]").First.FillAsync("已联系镇村建站当场鉴定并列入改造计划");
        await check.GetByTestId("finding-fix-submit").ClickAsync();
        await Expect(check.GetByTestId("finding-disposition")).ToHaveTextAsync("立行立改");
        await PhotoAsync(Item(page, "二.2"), "住房.png");
        await Expect(page.GetByTestId("household-facts")).ToContainTextAsync("已完成");
        await FitsAsync(page);
        await PortalPages.ScreenshotAsync(page, "inspection-household-390");

        // Second household: the group picks and types while the connection is gone; nothing reaches the server, the
        // browser keeps a draft. Back online the page opens again with the draft restored, and the group finishes.
        await page.GotoAsync($"/inspections/work/{pairId}/households/{households[1]}");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.Context.SetOfflineAsync(true);
        await page.EvaluateAsync("Blazor._internal.forceCloseConnection()");
        // A banner, not a modal: the page can still be typed in.
        await Expect(page.Locator("#components-reconnect-modal")).ToContainTextAsync("可继续填写");
        // The notice fades in; the screenshot waits for it.
        await page.WaitForTimeoutAsync(1500);
        await FitsAsync(page);
        await PortalPages.ScreenshotAsync(page, "inspection-offline-390");
        check = Item(page, "二.1");
        await check.GetByTestId("answer-Met").ClickAsync();
        await NoteAsync(check, "房屋为新建砖混结构，住房安全");
        await page.Context.SetOfflineAsync(false);
        // Back online the circuit reconnects; the server never saw the typing, so the page opens again from the drafts.
        await Expect(page.GetByTestId("drafts-restored")).ToContainTextAsync("已恢复 1 项未保存的草稿", new() { Timeout = 90_000 });
        await PortalPages.WaitUntilInteractiveAsync(page);
        check = Item(page, "二.1");
        await Expect(check.GetByTestId("item-draft")).ToBeVisibleAsync();
        await Expect(check.Locator("[data-testid=answer-note] textarea, textarea[data-testid=answer-note]").First).ToHaveValueAsync("房屋为新建砖混结构，住房安全");
        await FitsAsync(page);
        await PortalPages.ScreenshotAsync(page, "inspection-draft-restored-390");
        await check.GetByTestId("save-item").ClickAsync();
        await Expect(check.GetByTestId("item-draft")).ToHaveCountAsync(0);
        await PhotoAsync(Item(page, "二.2"), "住房2.png");
        await Expect(page.GetByTestId("household-facts")).ToContainTextAsync("已完成");

        // Saved drafts are gone from the browser; the sample shows the group done.
        Assert.Empty(await page.EvaluateAsync<Dictionary<string, string>>("portalDrafts.read('inspection:')"));
        await page.GetByTestId("back-to-sample").ClickAsync();
        await Expect(page.GetByTestId("inspection-progress")).ToContainTextAsync("已完成 2 / 2 户");
        await PortalPages.ScreenshotAsync(page, "inspection-sample-done-390");

        // A village item, on the village's own page.
        await page.GetByTestId("open-village-items").First.ClickAsync();
        var count = Item(page, "五.1");
        await count.Locator("[data-testid=answer-number] input, input[data-testid=answer-number]").First.FillAsync("3");
        await count.GetByTestId("save-item").ClickAsync();
        await Expect(page.GetByTestId("items-answered")).ToContainTextAsync("已填 1 / 1 项");
        await FitsAsync(page);
        await PortalPages.ScreenshotAsync(page, "inspection-village-390");

        using var scope = portal.Services.CreateScope();
        await using var db = new PortalDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>(), new SystemScopeSource("browser-test"));
        var answer = await db.InspectionAnswers.SingleAsync(a => a.InspectionPairId == pairId && a.HouseholdId == households[1] && a.Compliance != null);
        Assert.Equal((Compliance.Met, "房屋为新建砖混结构，住房安全"), (answer.Compliance, answer.Note));
        Assert.Equal(FindingDisposition.FixedOnTheSpot, (await db.InspectionFindings.SingleAsync(f => f.InspectionPairId == pairId)).Disposition);
    }

    [Fact]
    public async Task A_county_supervisor_plans_a_round_rotation_draw_and_replay_and_issuing_says_what_is_missing()
    {
        var page = await portal.NewPageAsync();
        await PortalPages.SignInAsync(page, "county");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GotoAsync("/inspections");
        await PortalPages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("new-round").ClickAsync();
        var form = page.GetByTestId("round-form");
        await Expect(form).ToBeVisibleAsync();
        // Saved without a title: refused in Chinese beside the field, the dialog stays.
        await page.GetByTestId("save-round").ClickAsync();
        await Expect(form).ToContainTextAsync("请填写督导方案标题");
        await form.Locator("[data-testid=round-title] input, input[data-testid=round-title]").First.FillAsync("浏览器测试督导方案");
        await page.GetByTestId("save-round").ClickAsync();
        await Expect(page.GetByTestId("round-heading")).ToContainTextAsync("浏览器测试督导方案");

        // The rotation: every township inspects another one, none itself.
        await page.GetByRole(AriaRole.Tab, new() { Name = "检查分组" }).ClickAsync();
        await page.GetByTestId("propose-pairs").ClickAsync();
        await Expect(page.GetByTestId("pair-row").First).ToBeVisibleAsync();
        await page.GetByTestId("save-pairs").ClickAsync();
        await Expect(page.GetByTestId("edit-group").First).ToBeVisibleAsync();

        // The draw keeps its seed; drawn again from it, the sample is the same.
        await page.GetByRole(AriaRole.Tab, new() { Name = "抽样名单" }).ClickAsync();
        await page.GetByTestId("draw-sample").ClickAsync();
        await Expect(page.GetByTestId("sample-seed")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sample-table").First).ToContainTextAsync("抽取");
        await page.GetByTestId("replay-sample").ClickAsync();
        await Expect(page.GetByTestId("replay-result")).ToContainTextAsync("结果与保存的抽样名单一致");
        await PortalPages.ScreenshotAsync(page, "inspection-plan-sample");

        // No group has a leader yet: 下发 is refused and says so.
        await page.GetByTestId("issue-round").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "下发" }).ClickAsync();
        await Expect(page.GetByTestId("round-error")).ToContainTextAsync("督导方案还不能下发");
        await Expect(page.GetByTestId("round-error")).ToContainTextAsync("没有组长");
        await Expect(page.GetByTestId("round-header")).ToContainTextAsync("草拟");
        await PortalPages.ScreenshotAsync(page, "inspection-plan-issue-refused");
    }
}
