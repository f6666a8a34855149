using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Villages;

namespace PovertyPortal.IntegrationTests;

/// <summary>村基本情况: who may write it for which village, and what the validator refuses.</summary>
public abstract class VillageProfileTests(PortalAppFixture app)
{
    private async Task<int> LizhiwanAsync()
    {
        await using var db = app.SystemDb();
        return await db.Villages.Where(v => v.AdminCode == "421129101201").Select(v => v.Id).SingleAsync();
    }

    private static SaveVillageProfile.Command Valid(int villageId, int year) => new()
    {
        VillageId = villageId, Year = year,
        AreaSquareKm = 6, ForestMu = 2500, ArableMu = 805, PaddyMu = 650,
        GroupCount = 10, HamletCount = 18, HouseholdCount = 393, Population = 1488,
        PartyMembers = 32, BranchCommitteeMembers = 3, PartyGroups = 2, PublicWelfarePosts = 6,
        LeftBehindChildren = 15, LeftBehindElderly = 14, LeftBehindWomen = 10,
        LeadingIndustries = "花生、板栗,油茶， 中药材；花生", CollectiveIncomeSources = "光伏电站、山林承包", CollectiveIncome = 62_000m,
    };

    [Fact]
    public async Task A_work_team_leader_adds_a_year_and_corrects_it_and_the_village_page_shows_it()
    {
        var village = await LizhiwanAsync();
        await using var scope = await app.ScopeForAsync("leader");
        var handler = scope.ServiceProvider.GetRequiredService<SaveVillageProfile>();

        var added = await handler.HandleAsync(Valid(village, 2031));
        Assert.True(added.Succeeded, added.Outcome.Summary);
        var command = Valid(village, 2031);
        command.Id = added.Value;
        command.Population = 1502;
        var corrected = await handler.HandleAsync(command);
        Assert.True(corrected.Succeeded, corrected.Outcome.Summary);

        await using var db = app.SystemDb();
        var saved = await db.VillageProfiles.AsNoTracking().SingleAsync(p => p.VillageId == village && p.Year == 2031);
        Assert.Equal(1502, saved.Population);
        Assert.Equal(["花生", "板栗", "油茶", "中药材"], saved.LeadingIndustries);
        Assert.Equal(["光伏电站", "山林承包"], saved.CollectiveIncomeSources);
        Assert.Equal("leader", saved.CreatedBy);
        Assert.Equal("leader", saved.UpdatedBy);

        var years = await scope.ServiceProvider.GetRequiredService<ListVillageProfiles>().HandleAsync(village);
        Assert.Contains(years, p => p.Year == 2018);
        var detail = await scope.ServiceProvider.GetRequiredService<GetVillageDetail>().HandleAsync(village);
        Assert.Equal(years[0].Year, detail!.Profile!.Year);
    }

    [Fact]
    public async Task A_year_that_already_exists_is_refused_on_the_year_field()
    {
        var village = await LizhiwanAsync();
        await using var scope = await app.ScopeForAsync("township");
        var result = await scope.ServiceProvider.GetRequiredService<SaveVillageProfile>().HandleAsync(Valid(village, 2018));
        Assert.Equal("2018年的村基本情况已存在，请选择该年度后编辑", result.Outcome[nameof(SaveVillageProfile.Command.Year)]);
    }

    public static TheoryData<string, string, string> BadFigures => new()
    {
        { nameof(SaveVillageProfile.Command.Year), "2013", "年度应在2014至2035年之间" },
        { nameof(SaveVillageProfile.Command.Year), "2036", "年度应在2014至2035年之间" },
        { nameof(SaveVillageProfile.Command.ForestMu), "-1", "山林面积不能为负数" },
        { nameof(SaveVillageProfile.Command.PaddyMu), "806", "水田面积不能大于耕地面积" },
        { nameof(SaveVillageProfile.Command.PaddyMu), "-5", "水田面积不能为负数" },
        { nameof(SaveVillageProfile.Command.Population), "392", "人口不能少于户数" },
        { nameof(SaveVillageProfile.Command.LeftBehindChildren), "-2", "留守儿童数不能为负数" },
        { nameof(SaveVillageProfile.Command.CollectiveIncome), "-100", "集体经济收入不能为负数" },
        { nameof(SaveVillageProfile.Command.LeadingIndustries), "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "主导产业“一二三四五六七八九十…”太长，每项不超过30个字" },
    };

    [Theory]
    [MemberData(nameof(BadFigures))]
    public async Task A_bad_figure_gets_its_message_on_its_field_and_nothing_is_saved(string field, string value, string message)
    {
        var village = await LizhiwanAsync();
        var command = Valid(village, 2032);
        var property = typeof(SaveVillageProfile.Command).GetProperty(field)!;
        property.SetValue(command, Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        await using var scope = await app.ScopeForAsync("leader");
        var result = await scope.ServiceProvider.GetRequiredService<SaveVillageProfile>().HandleAsync(command);
        Assert.Equal(message, result.Outcome[field]);
        await using var db = app.SystemDb();
        Assert.False(await db.VillageProfiles.AnyAsync(p => p.VillageId == village && p.Year == command.Year));
    }

    [Fact]
    public async Task A_user_who_cannot_see_the_village_gets_a_failure_and_a_work_team_member_may_not_edit()
    {
        var village = await LizhiwanAsync();
        await using var db = app.SystemDb();
        var before = await db.VillageProfiles.CountAsync();

        await using (var scope = await app.ScopeForAsync("township2"))
        {
            var result = await scope.ServiceProvider.GetRequiredService<SaveVillageProfile>().HandleAsync(Valid(village, 2033));
            Assert.Equal("该村不存在或不在您的管辖范围内", result.Outcome.Summary);
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ListVillageProfiles>().HandleAsync(village));
        }
        await using (var scope = await app.ScopeForAsync("member"))
        {
            var result = await scope.ServiceProvider.GetRequiredService<SaveVillageProfile>().HandleAsync(Valid(village, 2033));
            Assert.Equal("您没有编辑村基本情况的权限", result.Outcome.Summary);
        }
        // Editing another village's profile by its id is no way round the filter either.
        var existing = await db.VillageProfiles.Where(p => p.VillageId == village).Select(p => p.Id).FirstAsync();
        var other = await db.Villages.Where(v => v.Id != village).Select(v => v.Id).FirstAsync();
        await using (var scope = await app.ScopeForAsync("leader"))
        {
            var crafted = Valid(other, 2033);
            var result = await scope.ServiceProvider.GetRequiredService<SaveVillageProfile>().HandleAsync(crafted);
            Assert.Equal("该村不存在或不在您的管辖范围内", result.Outcome.Summary);
        }
        await using (var scope = await app.ScopeForAsync("county"))
        {
            var crafted = Valid(village, 2018);
            crafted.Id = existing + 100_000;
            var result = await scope.ServiceProvider.GetRequiredService<SaveVillageProfile>().HandleAsync(crafted);
            Assert.False(result.Succeeded);
        }
        Assert.Equal(before, await db.VillageProfiles.CountAsync());
    }

    [Fact]
    public void A_text_list_splits_on_every_comma_and_keeps_the_order()
    {
        Assert.Equal(["花生", "板栗", "油茶"], SaveVillageProfile.SplitList(" 花生、板栗,,油茶；花生 "));
        Assert.Empty(SaveVillageProfile.SplitList(null));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class VillageProfileTestsOnSqlite(SqliteAppFixture app) : VillageProfileTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class VillageProfileTestsOnPostgreSql(PostgreSqlAppFixture app) : VillageProfileTests(app);
