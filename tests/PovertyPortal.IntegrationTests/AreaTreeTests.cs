using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Areas;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Areas;

namespace PovertyPortal.IntegrationTests;

/// <summary>Maintenance of the administrative tree: codes, uniqueness, retiring, and who may do it where.</summary>
public abstract class AreaTreeTests(PortalAppFixture app)
{
    private const string Shiqiao = "421129101000";
    private const string Lizhiwan = "421129101201";

    private async Task<(int CountyId, int ShiqiaoId)> DemoCountyAsync()
    {
        await using var db = app.SystemDb();
        var township = await db.Townships.SingleAsync(t => t.AdminCode == Shiqiao);
        return (township.CountyId, township.Id);
    }

    /// <summary>A code no test has used yet: the demo's township codes end in 101, 102 and 200, its villages in 2xx.</summary>
    private async Task<string> FreeTownshipCodeAsync()
    {
        await using var db = app.SystemDb();
        while (true)
        {
            var code = $"421129{Random.Shared.Next(300, 999)}000";
            if (!await db.Townships.AnyAsync(t => t.AdminCode == code)) return code;
        }
    }

    private async Task<string> FreeVillageCodeAsync(string townshipCode)
    {
        await using var db = app.SystemDb();
        while (true)
        {
            var code = $"{townshipCode[..9]}{Random.Shared.Next(300, 999)}";
            if (!await db.Villages.AnyAsync(v => v.AdminCode == code)) return code;
        }
    }

    /// <summary>A second county with one township, village and group, which the demo county supervisor must not reach.</summary>
    private async Task<(int County, int Township, int Village, int Group)> OtherCountyAsync()
    {
        await using var db = app.SystemDb();
        string prefix;
        do
        {
            prefix = $"9{Random.Shared.Next(10000, 99999)}";
        }
        while (await db.Counties.AnyAsync(c => c.AdminCode.StartsWith(prefix)));
        var county = new County { AdminCode = $"{prefix}000000", Name = "外县" };
        var township = new Township { County = county, AdminCode = $"{prefix}101000", Name = "外镇" };
        var village = new Village { County = county, Township = township, AdminCode = $"{prefix}101201", Name = "外村" };
        village.Groups.Add(new VillageGroup { Name = "第一村民小组", SortOrder = 1 });
        db.Villages.Add(village);
        await db.SaveChangesAsync();
        return (county.Id, township.Id, village.Id, village.Groups[0].Id);
    }

    [Fact]
    public async Task A_county_supervisor_adds_a_township_a_village_and_a_group_and_sees_them_in_the_tree()
    {
        var (countyId, _) = await DemoCountyAsync();
        var townshipCode = await FreeTownshipCodeAsync();
        await using var scope = await app.ScopeForAsync("county");
        var services = scope.ServiceProvider;

        var township = await services.GetRequiredService<SaveTownship>().HandleAsync(new SaveTownship.Command
        {
            CountyId = countyId, AdminCode = townshipCode, Name = "新河镇",
        });
        Assert.True(township.Succeeded, township.Outcome.Summary);

        // Full-width digits and spaces pasted from a spreadsheet are accepted as the digits they are.
        var typed = string.Concat(townshipCode[..9].Select(c => (char)(c - '0' + '０'))) + " 201";
        var village = await services.GetRequiredService<SaveVillage>().HandleAsync(new SaveVillage.Command
        {
            TownshipId = township.Value, AdminCode = typed, Name = "新河村", IsPovertyVillage = true, PovertyExitYear = 2019,
        });
        Assert.True(village.Succeeded, village.Outcome.Summary);

        var group = await services.GetRequiredService<SaveVillageGroup>().HandleAsync(new SaveVillageGroup.Command
        {
            VillageId = village.Value, Name = "第一村民小组", SortOrder = 1,
        });
        Assert.True(group.Succeeded, group.Outcome.Summary);

        var tree = await services.GetRequiredService<GetAreaTree>().HandleAsync();
        Assert.NotNull(tree);
        var node = Assert.Single(tree.Single().Townships, t => t.Id == township.Value);
        Assert.Equal(("新河镇", townshipCode), (node.Name, node.AdminCode));
        var villageNode = Assert.Single(node.Villages);
        Assert.Equal($"{townshipCode[..9]}201", villageNode.AdminCode);
        Assert.True(villageNode.IsPovertyVillage);
        Assert.Equal(2019, villageNode.PovertyExitYear);
        Assert.Equal("第一村民小组", Assert.Single(villageNode.Groups).Name);

        await using var db = app.SystemDb();
        var saved = await db.Villages.SingleAsync(v => v.Id == village.Value);
        Assert.Equal((countyId, township.Value), (saved.CountyId, saved.TownshipId));
    }

    [Theory]
    [InlineData("42112910100", "统计用区划代码应为12位数字")]
    [InlineData("42112910100X", "统计用区划代码应为12位数字")]
    [InlineData("", "请填写统计用区划代码")]
    [InlineData("421130301000", "乡镇代码前6位应与所属县一致（421129）")]
    [InlineData("421129301001", "乡镇代码后3位应为000")]
    [InlineData("421129000000", "乡镇代码第7至9位不能为000（那是县本身的代码）")]
    [InlineData("421129101000", "代码421129101000已被石桥镇使用")]
    public async Task A_bad_township_code_gets_its_message_on_the_code_field_and_nothing_is_saved(string code, string message)
    {
        var (countyId, _) = await DemoCountyAsync();
        await using var db = app.SystemDb();
        var before = await db.Townships.CountAsync();
        await using var scope = await app.ScopeForAsync("county");
        var result = await scope.ServiceProvider.GetRequiredService<SaveTownship>().HandleAsync(new SaveTownship.Command
        {
            CountyId = countyId, AdminCode = code, Name = "错码镇",
        });
        Assert.Equal(message, result.Outcome[nameof(SaveTownship.Command.AdminCode)]);
        Assert.Equal(before, await db.Townships.CountAsync());
    }

    [Theory]
    [InlineData("4211291012", "统计用区划代码应为12位数字")]
    [InlineData("421129102301", "村代码前9位应与所属乡镇一致（421129101）")]
    [InlineData("421129101000", "村代码后3位不能为000（那是乡镇本身的代码）")]
    [InlineData("421129101201", "代码421129101201已被栗子湾村使用")]
    public async Task A_bad_village_code_gets_its_message_on_the_code_field_and_nothing_is_saved(string code, string message)
    {
        var (_, shiqiao) = await DemoCountyAsync();
        await using var db = app.SystemDb();
        var before = await db.Villages.CountAsync();
        await using var scope = await app.ScopeForAsync("county");
        var result = await scope.ServiceProvider.GetRequiredService<SaveVillage>().HandleAsync(new SaveVillage.Command
        {
            TownshipId = shiqiao, AdminCode = code, Name = "错码村",
        });
        Assert.Equal(message, result.Outcome[nameof(SaveVillage.Command.AdminCode)]);
        Assert.Equal(before, await db.Villages.CountAsync());
    }

    [Fact]
    public async Task Renaming_a_village_keeps_its_own_code_and_the_exit_year_belongs_only_to_poverty_villages()
    {
        await using var db = app.SystemDb();
        var lizhiwan = await db.Villages.AsNoTracking().SingleAsync(v => v.AdminCode == Lizhiwan);
        await using var scope = await app.ScopeForAsync("county");
        var handler = scope.ServiceProvider.GetRequiredService<SaveVillage>();
        SaveVillage.Command Edit(bool poor, int? exit) => new()
        {
            Id = lizhiwan.Id, TownshipId = lizhiwan.TownshipId, AdminCode = Lizhiwan, Name = lizhiwan.Name, IsPovertyVillage = poor, PovertyExitYear = exit,
        };

        Assert.Equal("只有贫困村才有出列年度", (await handler.HandleAsync(Edit(false, 2018))).Outcome[nameof(SaveVillage.Command.PovertyExitYear)]);
        Assert.Equal("出列年度应在2014至2020年之间", (await handler.HandleAsync(Edit(true, 2013))).Outcome[nameof(SaveVillage.Command.PovertyExitYear)]);
        Assert.Equal("出列年度应在2014至2020年之间", (await handler.HandleAsync(Edit(true, 2021))).Outcome[nameof(SaveVillage.Command.PovertyExitYear)]);

        // Saving the village with its own code is no clash with itself.
        var same = await handler.HandleAsync(Edit(lizhiwan.IsPovertyVillage, lizhiwan.PovertyExitYear));
        Assert.True(same.Succeeded, same.Outcome.Summary);
        Assert.Equal(lizhiwan.Name, (await db.Villages.AsNoTracking().SingleAsync(v => v.Id == lizhiwan.Id)).Name);
    }

    [Fact]
    public async Task A_group_name_is_unique_in_its_village_but_may_repeat_in_another()
    {
        var (_, shiqiao) = await DemoCountyAsync();
        await using var scope = await app.ScopeForAsync("county");
        var villages = scope.ServiceProvider.GetRequiredService<SaveVillage>();
        var groups = scope.ServiceProvider.GetRequiredService<SaveVillageGroup>();
        await using var db = app.SystemDb();
        var lizhiwan = await db.Villages.SingleAsync(v => v.AdminCode == Lizhiwan);

        var duplicate = await groups.HandleAsync(new SaveVillageGroup.Command { VillageId = lizhiwan.Id, Name = "第三村民小组", SortOrder = 30 });
        Assert.Equal("栗子湾村已有名为“第三村民小组”的村民小组", duplicate.Outcome[nameof(SaveVillageGroup.Command.Name)]);
        Assert.Equal("排序号应为1至999之间的整数",
            (await groups.HandleAsync(new SaveVillageGroup.Command { VillageId = lizhiwan.Id, Name = "第九十九村民小组", SortOrder = 0 })).Outcome[nameof(SaveVillageGroup.Command.SortOrder)]);

        var village = await villages.HandleAsync(new SaveVillage.Command
        {
            TownshipId = shiqiao, AdminCode = await FreeVillageCodeAsync(Shiqiao), Name = "小组测试村",
        });
        Assert.True(village.Succeeded, village.Outcome.Summary);
        var elsewhere = await groups.HandleAsync(new SaveVillageGroup.Command { VillageId = village.Value, Name = "第三村民小组", SortOrder = 3 });
        Assert.True(elsewhere.Succeeded, elsewhere.Outcome.Summary);

        // Renaming a group to the name it already has is no clash with itself.
        var rename = await groups.HandleAsync(new SaveVillageGroup.Command { Id = elsewhere.Value, VillageId = village.Value, Name = "第三村民小组", SortOrder = 5 });
        Assert.True(rename.Succeeded, rename.Outcome.Summary);
        Assert.Equal(5, (await db.VillageGroups.AsNoTracking().SingleAsync(g => g.Id == elsewhere.Value)).SortOrder);
    }

    [Fact]
    public async Task Retiring_keeps_every_row_and_a_township_with_live_villages_cannot_be_retired()
    {
        var (countyId, _) = await DemoCountyAsync();
        await using var scope = await app.ScopeForAsync("county");
        var services = scope.ServiceProvider;
        var townshipCode = await FreeTownshipCodeAsync();
        var township = await services.GetRequiredService<SaveTownship>().HandleAsync(new SaveTownship.Command { CountyId = countyId, AdminCode = townshipCode, Name = "撤并镇" });
        var village = await services.GetRequiredService<SaveVillage>().HandleAsync(new SaveVillage.Command { TownshipId = township.Value, AdminCode = $"{townshipCode[..9]}201", Name = "撤并村" });
        var group = await services.GetRequiredService<SaveVillageGroup>().HandleAsync(new SaveVillageGroup.Command { VillageId = village.Value, Name = "第一村民小组" });
        Assert.True(group.Succeeded, group.Outcome.Summary);
        var retire = services.GetRequiredService<SetAreaRetired>();

        var refused = await retire.HandleAsync(SetAreaRetired.AreaKind.Township, township.Value, true);
        Assert.Equal("撤并镇下还有1个未撤销的行政村，请先撤销或划转这些村", refused.Summary);

        Assert.True((await retire.HandleAsync(SetAreaRetired.AreaKind.VillageGroup, group.Value, true)).Succeeded);
        Assert.True((await retire.HandleAsync(SetAreaRetired.AreaKind.Village, village.Value, true)).Succeeded);
        Assert.True((await retire.HandleAsync(SetAreaRetired.AreaKind.Township, township.Value, true)).Succeeded);

        await using (var db = app.SystemDb())
        {
            Assert.True((await db.Townships.SingleAsync(t => t.Id == township.Value)).IsRetired);
            Assert.True((await db.Villages.SingleAsync(v => v.Id == village.Value)).IsRetired);
            Assert.True((await db.VillageGroups.SingleAsync(g => g.Id == group.Value)).IsRetired);
        }
        // A retired area leaves the pickers but stays in the tree, and its code stays taken.
        var options = await services.GetRequiredService<ListAreaOptions>().HandleAsync();
        Assert.DoesNotContain(options.Villages, v => v.Id == village.Value);
        var tree = await services.GetRequiredService<GetAreaTree>().HandleAsync();
        Assert.True(tree!.SelectMany(c => c.Townships).Single(t => t.Id == township.Value).IsRetired);
        var again = await services.GetRequiredService<SaveTownship>().HandleAsync(new SaveTownship.Command { CountyId = countyId, AdminCode = townshipCode, Name = "新撤并镇" });
        Assert.Equal($"代码{townshipCode}已被撤并镇使用", again.Outcome[nameof(SaveTownship.Command.AdminCode)]);

        // Restoring goes top-down: a village comes back only under a live township.
        Assert.Equal("所属乡镇撤并镇已撤销，请先恢复乡镇", (await retire.HandleAsync(SetAreaRetired.AreaKind.Village, village.Value, false)).Summary);
        Assert.True((await retire.HandleAsync(SetAreaRetired.AreaKind.Township, township.Value, false)).Succeeded);
        Assert.True((await retire.HandleAsync(SetAreaRetired.AreaKind.Village, village.Value, false)).Succeeded);
        await using (var db = app.SystemDb())
        {
            Assert.False((await db.Villages.SingleAsync(v => v.Id == village.Value)).IsRetired);
        }
    }

    [Theory]
    [InlineData("township")]
    [InlineData("leader")]
    [InlineData("member")]
    public async Task Township_and_work_team_users_cannot_maintain_the_tree(string userName)
    {
        var (countyId, shiqiao) = await DemoCountyAsync();
        await using var db = app.SystemDb();
        var lizhiwan = await db.Villages.SingleAsync(v => v.AdminCode == Lizhiwan);
        var group = await db.VillageGroups.FirstAsync(g => g.VillageId == lizhiwan.Id);
        var counts = (await db.Townships.CountAsync(), await db.Villages.CountAsync(), await db.VillageGroups.CountAsync());

        await using var scope = await app.ScopeForAsync(userName);
        var services = scope.ServiceProvider;
        Assert.Null(await services.GetRequiredService<GetAreaTree>().HandleAsync());
        var results = new[]
        {
            (await services.GetRequiredService<SaveTownship>().HandleAsync(new SaveTownship.Command { CountyId = countyId, AdminCode = "421129901000", Name = "越权镇" })).Outcome,
            (await services.GetRequiredService<SaveVillage>().HandleAsync(new SaveVillage.Command { TownshipId = shiqiao, AdminCode = "421129101901", Name = "越权村" })).Outcome,
            (await services.GetRequiredService<SaveVillage>().HandleAsync(new SaveVillage.Command { Id = lizhiwan.Id, TownshipId = shiqiao, AdminCode = Lizhiwan, Name = "改名村" })).Outcome,
            (await services.GetRequiredService<SaveVillageGroup>().HandleAsync(new SaveVillageGroup.Command { VillageId = lizhiwan.Id, Name = "越权小组" })).Outcome,
            await services.GetRequiredService<SetAreaRetired>().HandleAsync(SetAreaRetired.AreaKind.Village, lizhiwan.Id, true),
            await services.GetRequiredService<SetAreaRetired>().HandleAsync(SetAreaRetired.AreaKind.VillageGroup, group.Id, true),
        };
        Assert.All(results, r => Assert.Equal(AreaTree.NoPermission, r.Summary));

        Assert.Equal(counts, (await db.Townships.CountAsync(), await db.Villages.CountAsync(), await db.VillageGroups.CountAsync()));
        var after = await db.Villages.AsNoTracking().SingleAsync(v => v.Id == lizhiwan.Id);
        Assert.Equal(("栗子湾村", false), (after.Name, after.IsRetired));
    }

    [Fact]
    public async Task A_county_supervisor_cannot_touch_another_county_even_with_crafted_ids()
    {
        var other = await OtherCountyAsync();
        await using var db = app.SystemDb();
        var otherCode = (await db.Counties.SingleAsync(c => c.Id == other.County)).AdminCode;

        await using var scope = await app.ScopeForAsync("county");
        var services = scope.ServiceProvider;
        var tree = await services.GetRequiredService<GetAreaTree>().HandleAsync();
        Assert.DoesNotContain(tree!, c => c.Id == other.County);

        var township = await services.GetRequiredService<SaveTownship>().HandleAsync(new SaveTownship.Command
        {
            CountyId = other.County, AdminCode = $"{otherCode[..6]}102000", Name = "越界镇",
        });
        Assert.Equal("所属县不存在或不在您的管辖范围内", township.Outcome.Summary);
        var renameTownship = await services.GetRequiredService<SaveTownship>().HandleAsync(new SaveTownship.Command
        {
            Id = other.Township, CountyId = other.County, AdminCode = $"{otherCode[..6]}101000", Name = "越界镇",
        });
        Assert.Equal("该乡镇不存在或不在您的管辖范围内", renameTownship.Outcome.Summary);
        var village = await services.GetRequiredService<SaveVillage>().HandleAsync(new SaveVillage.Command
        {
            TownshipId = other.Township, AdminCode = $"{otherCode[..6]}101202", Name = "越界村",
        });
        Assert.Equal("所属乡镇不存在或不在您的管辖范围内", village.Outcome.Summary);
        var renameVillage = await services.GetRequiredService<SaveVillage>().HandleAsync(new SaveVillage.Command
        {
            Id = other.Village, TownshipId = other.Township, AdminCode = $"{otherCode[..6]}101201", Name = "越界村",
        });
        Assert.Equal("该村不存在或不在您的管辖范围内", renameVillage.Outcome.Summary);
        var group = await services.GetRequiredService<SaveVillageGroup>().HandleAsync(new SaveVillageGroup.Command { VillageId = other.Village, Name = "越界小组" });
        Assert.Equal("所属行政村不存在或不在您的管辖范围内", group.Outcome.Summary);
        var renameGroup = await services.GetRequiredService<SaveVillageGroup>().HandleAsync(new SaveVillageGroup.Command { Id = other.Group, VillageId = other.Village, Name = "越界小组" });
        Assert.Equal("该村民小组不存在或不在您的管辖范围内", renameGroup.Outcome.Summary);
        var retire = services.GetRequiredService<SetAreaRetired>();
        foreach (var (kind, id) in new[] { (SetAreaRetired.AreaKind.Township, other.Township), (SetAreaRetired.AreaKind.Village, other.Village), (SetAreaRetired.AreaKind.VillageGroup, other.Group) })
        {
            Assert.Equal("该区划不存在或不在您的管辖范围内", (await retire.HandleAsync(kind, id, true)).Summary);
        }

        // Moving a demo village into the other county by its id is no way round: the village keeps its township.
        var shiqiaoVillage = await db.Villages.AsNoTracking().SingleAsync(v => v.AdminCode == Lizhiwan);
        var moved = await services.GetRequiredService<SaveVillage>().HandleAsync(new SaveVillage.Command
        {
            Id = shiqiaoVillage.Id, TownshipId = other.Township, AdminCode = Lizhiwan, Name = shiqiaoVillage.Name,
            IsPovertyVillage = shiqiaoVillage.IsPovertyVillage, PovertyExitYear = shiqiaoVillage.PovertyExitYear,
        });
        Assert.True(moved.Succeeded, moved.Outcome.Summary);
        Assert.Equal(shiqiaoVillage.TownshipId, (await db.Villages.AsNoTracking().SingleAsync(v => v.Id == shiqiaoVillage.Id)).TownshipId);

        Assert.Equal(1, await db.Townships.CountAsync(t => t.CountyId == other.County));
        Assert.Equal(1, await db.Villages.CountAsync(v => v.CountyId == other.County));
        var untouched = await db.Villages.Include(v => v.Groups).Include(v => v.Township).SingleAsync(v => v.Id == other.Village);
        Assert.Equal(("外村", "外镇", "第一村民小组"), (untouched.Name, untouched.Township!.Name, untouched.Groups.Single().Name));
        Assert.False(untouched.IsRetired || untouched.Township.IsRetired || untouched.Groups.Single().IsRetired);
    }

    [Fact]
    public async Task A_system_admin_maintains_any_county()
    {
        var other = await OtherCountyAsync();
        await using var db = app.SystemDb();
        var otherCode = (await db.Counties.SingleAsync(c => c.Id == other.County)).AdminCode;
        await using var scope = await app.ScopeForAsync("admin");
        var result = await scope.ServiceProvider.GetRequiredService<SaveTownship>().HandleAsync(new SaveTownship.Command
        {
            CountyId = other.County, AdminCode = $"{otherCode[..6]}102000", Name = "外二镇",
        });
        Assert.True(result.Succeeded, result.Outcome.Summary);
        var tree = await scope.ServiceProvider.GetRequiredService<GetAreaTree>().HandleAsync();
        Assert.Contains(tree!.Single(c => c.Id == other.County).Townships, t => t.Name == "外二镇");
        Assert.Contains(tree!, c => c.AdminCode == "421129000000");
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class AreaTreeTestsOnSqlite(SqliteAppFixture app) : AreaTreeTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class AreaTreeTestsOnPostgreSql(PostgreSqlAppFixture app) : AreaTreeTests(app);
