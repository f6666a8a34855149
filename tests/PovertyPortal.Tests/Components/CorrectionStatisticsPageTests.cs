using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Correction.Documents;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Components;

/// <summary>
/// The monthly statistics page (社区矫正月度统计) on a two-township county in in-memory SQLite, on 15 November 2025: it
/// opens on October, shows both tables with a total for the county and one row for a 司法所, and links the files.
/// </summary>
public sealed class CorrectionStatisticsPageTests : BunitContext, IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private DbContextOptions<PortalDbContext> options = null!;
    private int countyId;
    private int townshipA;

    private sealed class Factory(DbContextOptions<PortalDbContext> options, AreaScope correctionScope) : IDbContextFactory<PortalDbContext>, IAreaScopeSource
    {
        public AreaScope Scope => AreaScope.None;
        public AreaScope CorrectionScope => correctionScope;
        public string? UserName => "justice";
        public PortalDbContext CreateDbContext() => new(options, this);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2025, 11, 15, 2, 0, 0, TimeSpan.Zero);
    }

    public async ValueTask InitializeAsync()
    {
        await connection.OpenAsync();
        options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection)
            .UsePersonalDataCipher(new PersonalDataCipher(PersonalDataKeyRing.Generate())).Options;
        await using var db = new PortalDbContext(options, new SystemScopeSource("test"));
        await db.Database.EnsureCreatedAsync();
        var county = new County { AdminCode = "429998000000", Name = "矫正县", Province = "湖北省" };
        var a = new Township { AdminCode = "429998101000", Name = "甲镇", County = county };
        var b = new Township { AdminCode = "429998102000", Name = "乙乡", County = county };
        db.Townships.AddRange(a, b);
        await db.SaveChangesAsync();
        (countyId, townshipA) = (county.Id, a.Id);
        CorrectionSubject Subject(Township t, CorrectionType type, Gender gender, DateOnly announced) => new()
        {
            CountyId = county.Id, TownshipId = t.Id, Name = "对象", Gender = gender, BirthDate = new DateOnly(1980, 1, 1), Type = type,
            Stage = CaseStage.UnderCorrection, EffectiveOn = announced.AddDays(-10), AnnouncedOn = announced,
            CorrectionStart = announced.AddDays(-10), CorrectionEnd = new DateOnly(2027, 1, 1),
        };
        db.CorrectionSubjects.AddRange(
            Subject(a, CorrectionType.Probation, Gender.Female, new DateOnly(2025, 3, 1)),
            Subject(a, CorrectionType.Parole, Gender.Male, new DateOnly(2025, 10, 8)),
            Subject(b, CorrectionType.Control, Gender.Male, new DateOnly(2025, 4, 1)));
        await db.SaveChangesAsync();

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FixedClock());
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<CorrectionDocumentAccess>();
        Services.AddScoped<GetCorrectionStatistics>();
    }

    public new async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        await base.DisposeAsync();
    }

    private IRenderedComponent<CorrectionStatisticsPage> RenderAs(string role, AreaScope scope)
    {
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(new Factory(options, scope));
        var auth = AddAuthorization();
        auth.SetAuthorized("justice");
        auth.SetRoles(role);
        Render<MudPopoverProvider>();
        return Render<CorrectionStatisticsPage>();
    }

    private static List<string> Rows(IRenderedComponent<CorrectionStatisticsPage> page, string table) =>
        page.Find($"[data-testid={table}]").QuerySelectorAll("tbody tr")
            .Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();

    [Fact]
    public void The_bureau_sees_last_month_by_township_with_a_total_and_links_to_both_files()
    {
        var page = RenderAs(PortalRoles.JusticeBureau, AreaScope.County(countyId));

        page.WaitForAssertion(() => Assert.Equal("矫正县社区矫正月度统计表（2025年10月）", page.Find("[data-testid=stat-title]").TextContent.Trim()));
        Assert.Equal(["甲镇|0|1|1|0|2|0|1", "乙乡|1|0|0|0|1|0|0", "合计|1|1|1|0|3|0|1"], Rows(page, "stat-stock"));
        // The woman announced in March owes October's hours and has none; the man announced in October owes nothing yet.
        Assert.Equal("甲镇|1|0|0|0|0|0|1|1", Rows(page, "stat-flow")[0]);
        Assert.Contains("在矫社区矫正人员3人", page.Find("[data-testid=stat-summary]").TextContent);
        Assert.Equal("/correction/statistics/2025/10?format=pdf", page.Find("a[data-testid=stat-pdf]").GetAttribute("href"));
        Assert.Equal("/correction/statistics/2025/10?format=docx", page.Find("a[data-testid=stat-docx]").GetAttribute("href"));
        Assert.NotNull(page.Find("[data-testid=stat-township]"));
    }

    [Fact]
    public void A_judicial_office_sees_its_own_township_only_without_a_picker()
    {
        var page = RenderAs(PortalRoles.JudicialOffice, AreaScope.Township(countyId, townshipA));

        page.WaitForAssertion(() => Assert.Equal("矫正县甲镇社区矫正月度统计表（2025年10月）", page.Find("[data-testid=stat-title]").TextContent.Trim()));
        Assert.Equal(["甲镇|0|1|1|0|2|0|1"], Rows(page, "stat-stock"));
        Assert.Empty(page.FindAll("[data-testid=stat-township]"));
        Assert.DoesNotContain("对象", page.Markup);
    }
}
