using System.Security.Claims;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Areas;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Reconciliation;
using PovertyPortal.Web.Features.Rectification;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Components;

/// <summary>
/// The 账账相符 page as a township official uses it, on a small county in in-memory SQLite: upload a GBK .csv of the
/// national export, check the proposed mapping, compare, read the differences, and send one to the ledger.
/// </summary>
public sealed class ReconciliationPageTests : BunitContext, IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private DbContextOptions<PortalDbContext> options = null!;
    private readonly string headId = ResidentId.Create("421129", new DateOnly(1966, 3, 8), 135, Gender.Male).Value;
    private readonly string spouseId = ResidentId.Create("421129", new DateOnly(1969, 11, 2), 246, Gender.Female).Value;
    private int countyId;
    private int townshipId;

    private sealed class Factory(DbContextOptions<PortalDbContext> options, AreaScope scope) : IDbContextFactory<PortalDbContext>, IAreaScopeSource
    {
        public AreaScope Scope => scope;
        public string? UserName => "township";
        public PortalDbContext CreateDbContext() => new(options, this);
    }

    public async ValueTask InitializeAsync()
    {
        await connection.OpenAsync();
        options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection)
            .UsePersonalDataCipher(new PersonalDataCipher(PersonalDataKeyRing.Generate()))
            .AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System)).Options;
        await using var db = new PortalDbContext(options, new SystemScopeSource("test"));
        await db.Database.EnsureCreatedAsync();
        var county = new County { AdminCode = "429999000000", Name = "测试县", Province = "湖北省" };
        var township = new Township { AdminCode = "429999101000", Name = "甲镇", County = county };
        db.Townships.Add(township);
        await db.SaveChangesAsync();
        var village = new Village { AdminCode = "429999101201", Name = "东村", CountyId = county.Id, TownshipId = township.Id };
        db.Villages.Add(village);
        await db.SaveChangesAsync();
        var household = new Household
        {
            HouseholdNumber = "429999101201001", CountyId = county.Id, TownshipId = township.Id, VillageId = village.Id,
            Status = HouseholdStatus.Identified, Category = PovertyCategory.General, IdentificationYear = 2016, PrimaryCause = PovertyCause.Illness,
        };
        foreach (var (name, id, relationship, gender) in new[] { ("王建国", headId, Relationship.Head, Gender.Male), ("刘秀英", spouseId, Relationship.Spouse, Gender.Female) })
        {
            household.Members.Add(new Member
            {
                Name = name, ResidentId = id, ResidentIdTail = id[^4..], Relationship = relationship, Gender = gender,
                BirthDate = ResidentId.Parse(id).BirthDate, CountyId = county.Id, TownshipId = township.Id, VillageId = village.Id,
            });
        }
        household.CountLivingMembers();
        db.Households.Add(household);
        await db.SaveChangesAsync();
        (countyId, townshipId) = (county.Id, township.Id);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(options);
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(new Factory(options, AreaScope.Township(county.Id, township.Id)));
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<ClientAddress>();
        Services.AddScoped<AuditLog>();
        Services.AddHttpContextAccessor();
        Services.AddScoped<ListAreaOptions>();
        Services.AddScoped<SaveMember>();
        Services.AddScoped<SaveHousehold>();
        Services.AddScoped<SaveProblem>();
        Services.AddScoped<ListResponsibleUsers>();
        Services.AddReconciliationFeatures();
    }

    public new async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        await base.DisposeAsync();
    }

    private static void Type(IRenderedComponent<MudDialogProvider> dialogs, string testId, string value)
    {
        var marked = dialogs.Find($"[data-testid={testId}]");
        (marked.TagName == "INPUT" ? marked : marked.QuerySelector("input")!).Input(value);
    }

    [Fact]
    public async Task A_township_official_uploads_a_gbk_export_compares_it_and_sends_a_differing_name_to_the_ledger()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("township");
        auth.SetRoles(PortalRoles.TownshipOfficial);
        auth.SetClaims(new Claim(PortalClaims.CountyId, countyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(PortalClaims.TownshipId, townshipId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ReconciliationPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=reconciliation-setup]")));

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding("GBK").GetBytes(
            $"户编号,姓名,公民身份号码,与户主关系,脱贫状态\r\n429999101201001,王建华,{headId},户主,未脱贫\r\n429999101201001,刘秀英,{spouseId},配偶,\r\n");
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(csv, "国家系统导出.csv"));

        // The header's Chinese names are matched: 公民身份号码 is the ID, 姓名 the name.
        page.WaitForAssertion(() => Assert.Contains("列对应关系：国家系统导出.csv", page.Find("[data-testid=mapping]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("公民身份号码", page.Find("[data-testid=map-ResidentId]").TextContent);

        page.Find("[data-testid=compare]").Click();
        page.WaitForAssertion(() => Assert.Contains("字段不一致1处", page.Find("[data-testid=result-summary]").TextContent), TimeSpan.FromSeconds(10));
        var row = page.Find("[data-testid=differences] tbody tr");
        Assert.Contains("王建国", row.TextContent);
        Assert.Contains("王建华", row.TextContent);
        // The ID masked: its first six and last four characters only.
        Assert.Contains(ResidentId.Mask(headId), row.TextContent);
        Assert.DoesNotContain(headId, page.Markup);

        row.QuerySelector("input[type=checkbox]")!.Change(true);
        page.WaitForAssertion(() => Assert.Contains("（1）", page.Find("[data-testid=to-ledger]").TextContent));
        await page.InvokeAsync(() => page.Find("[data-testid=to-ledger]").Click());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=ledger-form]")));
        Type(dialogs, "ledger-unit", "甲镇人民政府");
        Type(dialogs, "ledger-person", "李春华");
        dialogs.Find("[data-testid=send-to-ledger]").Click();

        await using var db = new PortalDbContext(options, new SystemScopeSource("test"));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=ledger-form]")), TimeSpan.FromSeconds(10));
        var problem = await db.Problems.SingleAsync();
        Assert.Equal((ProblemSource.DataComparison, "账账相符：国家防返贫监测信息系统导出·国家系统导出.csv"), (problem.Source, problem.SourceReference));
        Assert.Contains("姓名系统中为“王建国”", problem.Description, StringComparison.Ordinal);
        // The register is as it was: nothing was applied.
        Assert.Equal("王建国", await db.Members.Where(m => m.Relationship == Relationship.Head).Select(m => m.Name).SingleAsync());
    }
}
