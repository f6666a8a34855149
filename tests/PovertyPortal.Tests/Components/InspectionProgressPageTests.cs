using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Features.Reports;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Components;

/// <summary>
/// The progress page of a round (检查进度) on a small hand-made county in in-memory SQLite, as a county supervisor sees
/// it: one panel per pair with households done of sampled, findings, and the villages of the sample.
/// </summary>
public sealed class InspectionProgressPageTests : BunitContext, IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private DbContextOptions<PortalDbContext> options = null!;
    private int roundId;
    private int firstPair;

    private sealed class Factory(DbContextOptions<PortalDbContext> options, AreaScope scope) : IDbContextFactory<PortalDbContext>, IAreaScopeSource
    {
        public AreaScope Scope => scope;
        public string? UserName => "county";
        public PortalDbContext CreateDbContext() => new(options, this);
    }

    public async ValueTask InitializeAsync()
    {
        await connection.OpenAsync();
        options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection)
            .UsePersonalDataCipher(new PersonalDataCipher(PersonalDataKeyRing.Generate())).Options;
        await using var db = new PortalDbContext(options, new SystemScopeSource("test"));
        await db.Database.EnsureCreatedAsync();

        // Two townships inspecting each other; 甲镇 has two villages, 乙乡 one; four households in each village.
        var county = new County { AdminCode = "429999000000", Name = "测试县", Province = "湖北省" };
        var a = new Township { AdminCode = "429999101000", Name = "甲镇", County = county };
        var b = new Township { AdminCode = "429999102000", Name = "乙乡", County = county };
        db.Townships.AddRange(a, b);
        await db.SaveChangesAsync();
        var villages = new[] { ("429999101201", "东村", a), ("429999101202", "西村", a), ("429999102201", "南村", b) }
            .Select(v => new Village { AdminCode = v.Item1, Name = v.Item2, CountyId = county.Id, TownshipId = v.Item3.Id }).ToList();
        db.Villages.AddRange(villages);
        await db.SaveChangesAsync();
        var households = villages.SelectMany(v => Enumerable.Range(1, 4).Select(i => new Household
        {
            HouseholdNumber = $"{v.AdminCode}{i:000}", CountyId = county.Id, TownshipId = v.TownshipId, VillageId = v.Id,
            Status = HouseholdStatus.Identified, Category = PovertyCategory.General,
        })).ToList();
        db.Households.AddRange(households);

        var round = new InspectionRound
        {
            CountyId = county.Id, Title = "2020年乡镇交叉检查", Year = 2020, StartDate = new DateOnly(2020, 6, 11), EndDate = new DateOnly(2020, 6, 12),
            Status = InspectionRoundStatus.Issued,
            Pairs =
            [
                new() { CountyId = county.Id, InspectingTownshipId = b.Id, InspectedTownshipId = a.Id, Group = [new() { Role = GroupRole.Leader, Name = "盛明" }] },
                new() { CountyId = county.Id, InspectingTownshipId = a.Id, InspectedTownshipId = b.Id, Group = [new() { Role = GroupRole.Leader, Name = "何沂" }] },
            ],
        };
        db.InspectionRounds.Add(round);
        await db.SaveChangesAsync();
        roundId = round.Id;
        var pairOf = round.Pairs.ToDictionary(p => p.InspectedTownshipId);
        // Done: two of 东村, one of 西村, none of 南村.
        var done = new HashSet<string> { "429999101201001", "429999101201002", "429999101202001" };
        db.SampledHouseholds.AddRange(households.Select(h => new SampledHousehold
        {
            InspectionRoundId = round.Id, InspectionPairId = pairOf[h.TownshipId].Id, CountyId = county.Id, TownshipId = h.TownshipId,
            VillageId = h.VillageId, HouseholdId = h.Id, Category = SampleCategory.Registered, Origin = SampleOrigin.Drawn,
            VisitMode = done.Contains(h.HouseholdNumber) ? VisitMode.InPerson : null,
            CompletedAt = done.Contains(h.HouseholdNumber) ? DateTimeOffset.UtcNow : null,
        }));
        await db.SaveChangesAsync();
        firstPair = pairOf[a.Id].Id;

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(options);
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(new Factory(options, AreaScope.County(county.Id)));
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<InspectionOversight>();
        Services.AddScoped<GetInspectionProgress>();
        Services.AddScoped<GetInspectionReport>();
        Services.AddSingleton(Options.Create(new ReportFontOptions()));
        Services.AddSingleton<PerformanceReportFiles>();
        Services.AddSingleton<InspectionReportFiles>();
        Services.AddScoped<ClientAddress>();
        Services.AddScoped<AuditLog>();
        Services.AddHttpContextAccessor();
    }

    public new async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public void Each_pair_shows_its_townships_leader_households_done_of_sampled_and_its_villages()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("county");
        auth.SetRoles(PortalRoles.CountySupervisor);
        Render<MudPopoverProvider>();
        var page = Render<InspectionProgressPage>(p => p.Add(c => c.RoundId, roundId));

        page.WaitForAssertion(() => Assert.Contains("2020年乡镇交叉检查", page.Find("[data-testid=progress-header]").TextContent));
        Assert.Contains("3/12", page.Find("[data-testid=progress-totals]").TextContent);
        var first = page.Find($"[data-testid=progress-pair-{firstPair}]");
        Assert.Contains("乙乡 → 甲镇", first.TextContent);
        Assert.Contains("组长 盛明", first.TextContent);
        Assert.Equal("3/8 户", first.QuerySelector("[data-testid=pair-households]")!.TextContent.Trim());
        // The panels list the pairs by the inspecting township's code: 甲镇's group comes first.
        var titles = page.FindAll("[data-testid=pair-households]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["0/4 户", "3/8 户"], titles);

        first.QuerySelector(".mud-expand-panel-header")!.Click();
        page.WaitForAssertion(() =>
        {
            var rows = page.Find($"[data-testid=progress-pair-{firstPair}] [data-testid=pair-villages]").QuerySelectorAll("tbody tr")
                .Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
            Assert.Equal(["东村|2/4", "西村|1/4"], rows);
        });
        Assert.Contains("待处理 0 · 立行立改 0 · 转入台账 0", page.Find("[data-testid=progress-findings]").TextContent);
    }

    [Fact]
    public void A_round_outside_the_scope_says_so()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("county");
        auth.SetRoles(PortalRoles.CountySupervisor);
        var page = Render<InspectionProgressPage>(p => p.Add(c => c.RoundId, roundId + 100));

        page.WaitForAssertion(() => Assert.Contains("该检查轮次不在您的管辖范围内，或者不存在。", page.Markup));
    }
}
