using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using static Microsoft.Playwright.Assertions;

namespace PovertyPortal.BrowserTests;

/// <summary>
/// An exit from proposal to approval with its 公示, as the four people who carry it do it in the browser: the village team
/// leader proposes it and records the village review on a phone, posts the notice; a township official reviews it; the
/// county supervisor approves it, and only then is the household shown as exited.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ProcedureTests(PortalBrowserFixture portal)
{
    private static readonly DateOnly Today = PortalYears.Today(TimeProvider.System);

    private static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;

    private static async Task ChooseAsync(IPage page, ILocator scope, string testId, string option)
    {
        await scope.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static async Task TypeDateAsync(ILocator scope, string testId, DateOnly date)
    {
        var input = Field(scope, testId);
        await input.FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }

    /// <summary>A household of the leader's village, registered in 2016 with its head, made for this test alone.</summary>
    private async Task<(int Id, string Head)> HouseholdAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var leader = await users.FindByNameAsync("leader") ?? throw new InvalidOperationException("no leader");
        await using var db = new PortalDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>(), new SystemScopeSource("browser-test"));
        var village = await db.Villages.SingleAsync(v => v.Id == leader.VillageId);
        var head = "程序测试户主";
        var household = new Household
        {
            CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id, HouseholdNumber = $"P{DateTime.UtcNow:HHmmssfff}",
            Category = PovertyCategory.General, PrimaryCause = PovertyCause.LackOfSkills, IdentificationYear = 2016, Status = HouseholdStatus.Identified,
        };
        household.Members.Add(new Member
        {
            CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id, Name = head, Relationship = Relationship.Head,
            ResidentId = ResidentId.Create("421129", new DateOnly(1968, 5, 6), 321, Gender.Male).Value, Gender = Gender.Male,
            BirthDate = new DateOnly(1968, 5, 6), LabourAbility = LabourAbility.Ordinary, HasBasicMedicalInsurance = true,
        });
        household.CountLivingMembers();
        household.AddStatusStep(new DateOnly(2016, 6, 1), null);
        db.Households.Add(household);
        await db.SaveChangesAsync();
        return (household.Id, head);
    }

    [Fact]
    public async Task An_exit_goes_from_the_village_teams_proposal_through_the_notice_to_the_countys_approval()
    {
        var (householdId, head) = await HouseholdAsync();

        // The village team leader, on a phone: the proposal, refused empty with the missing fields named.
        var phone = await portal.NewPageAsync(390, 844);
        await PortalPages.SignInAsync(phone, "leader");
        await PortalPages.WaitUntilInteractiveAsync(phone);
        await phone.GotoAsync($"/households/{householdId}");
        await PortalPages.WaitUntilInteractiveAsync(phone);
        await phone.Locator(".mud-tab", new() { HasText = "程序办理" }).ClickAsync();
        await phone.GetByTestId("start-procedure").ClickAsync();
        await phone.WaitForURLAsync("**/procedures/new?household=*");
        await PortalPages.WaitUntilInteractiveAsync(phone);
        var form = phone.GetByTestId("procedure-form");
        await ChooseAsync(phone, form, "kind", "退出");
        await phone.GetByTestId("submit-procedure").ClickAsync();
        await Expect(form).ToContainTextAsync("请填写事由");
        await ChooseAsync(phone, form, "source", "村级排查发现");
        await TypeDateAsync(form, "clue-on", Today.AddDays(-10));
        await Field(form, "year").FillAsync(Today.Year.ToString(CultureInfo.InvariantCulture));
        await Field(form, "reason").FillAsync("务工和养殖收入稳定，人均纯收入超过标准，“两不愁三保障”达标");
        await Field(form, "evidence").FillAsync("收入核算表、入户核实记录");
        await PortalPages.AssertFitsWidthAsync(phone, 390);
        await PortalPages.ScreenshotAsync(phone, "procedure-form-390");
        await phone.GetByTestId("submit-procedure").ClickAsync();
        await phone.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/procedures/\d+$"));
        var caseUrl = new Uri(phone.Url).AbsolutePath;
        await PortalPages.WaitUntilInteractiveAsync(phone);
        await Expect(phone.GetByTestId("procedure-title")).ToContainTextAsync("退出程序");

        // 民主评议.
        var review = phone.GetByTestId("village-review");
        await TypeDateAsync(review, "reviewed-on", Today.AddDays(-9));
        await Field(review, "participants").FillAsync("20");
        await Field(review, "votes-for").FillAsync("17");
        await Field(review, "votes-against").FillAsync("2");
        await Field(review, "abstaining").FillAsync("1");
        await Field(review, "attendance").FillAsync("村两委5人、驻村工作队3人、党员和村民代表12人");
        await phone.GetByTestId("save-village-review").ClickAsync();
        await Expect(phone.GetByTestId("progress")).ToContainTextAsync("赞成17票");
        await Expect(phone.GetByTestId("stage").First).ToContainTextAsync("待列入公示");
        await PortalPages.AssertFitsWidthAsync(phone, 390);
        await PortalPages.ScreenshotAsync(phone, "procedure-case-390");

        // 公示: posted eight days ago for five days, so its period has run.
        await phone.GotoAsync("/procedures/notices");
        await PortalPages.WaitUntilInteractiveAsync(phone);
        var notice = phone.GetByTestId("new-notice");
        await notice.GetByTestId("notice-village").ClickAsync();
        await phone.GetByRole(AriaRole.Option).Filter(new() { HasText = "栗子湾村" }).First.ClickAsync();
        await TypeDateAsync(notice, "notice-start", Today.AddDays(-8));
        await Expect(Field(notice, "notice-end")).ToHaveValueAsync(Today.AddDays(-4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Field(notice, "notice-contact").FillAsync("石桥镇人民政府 0713-5123456");
        await PortalPages.AssertFitsWidthAsync(phone, 390);
        await phone.GetByTestId("post-notice").ClickAsync();
        await phone.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/procedures/notices/\d+$"));
        await PortalPages.WaitUntilInteractiveAsync(phone);
        await Expect(phone.GetByTestId("notice-lines")).ToContainTextAsync(head);
        await Expect(phone.GetByTestId("notice-lines")).Not.ToContainTextAsync("421129");
        await PortalPages.AssertFitsWidthAsync(phone, 390);
        await PortalPages.ScreenshotAsync(phone, "public-notice-390");
        // The printable notice, for the village board.
        var pdfHref = await phone.GetByTestId("notice-pdf").GetAttributeAsync("href");
        var pdf = await phone.APIRequest.GetAsync(pdfHref!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.BodyAsync())[..4]);
        await phone.Context.CloseAsync();

        // The township's review.
        var township = await portal.NewPageAsync();
        await PortalPages.SignInAsync(township, "township");
        await PortalPages.WaitUntilInteractiveAsync(township);
        await township.GotoAsync(caseUrl);
        await PortalPages.WaitUntilInteractiveAsync(township);
        var decision = township.GetByTestId("review");
        await decision.GetByText("通过", new() { Exact = true }).ClickAsync();
        await Field(decision, "opinion").FillAsync("经审核，材料齐全，公示无异议，同意退出");
        await township.GetByTestId("save-review").ClickAsync();
        await Expect(township.GetByTestId("progress")).ToContainTextAsync("同意退出");
        await Expect(township.GetByTestId("stage").First).ToContainTextAsync("待县级审批");
        await township.Context.CloseAsync();

        // The county's approval: only now is the household exited.
        var county = await portal.NewPageAsync();
        await PortalPages.SignInAsync(county, "county");
        await PortalPages.WaitUntilInteractiveAsync(county);
        await county.GotoAsync($"/households/{householdId}");
        await PortalPages.WaitUntilInteractiveAsync(county);
        await Expect(county.GetByTestId("household-header")).ToContainTextAsync("未脱贫");
        await county.GotoAsync(caseUrl);
        await PortalPages.WaitUntilInteractiveAsync(county);
        var approval = county.GetByTestId("review");
        await approval.GetByText("批准", new() { Exact = true }).ClickAsync();
        await Field(approval, "opinion").FillAsync("同意");
        await county.GetByTestId("save-review").ClickAsync();
        await Expect(county.GetByTestId("stage").First).ToContainTextAsync("已批准");
        await PortalPages.ScreenshotAsync(county, "procedure-approved");
        await county.GotoAsync($"/households/{householdId}");
        await PortalPages.WaitUntilInteractiveAsync(county);
        await Expect(county.GetByTestId("household-header")).ToContainTextAsync($"已脱贫（{Today.Year}年）");
        await county.Context.CloseAsync();
    }
}
