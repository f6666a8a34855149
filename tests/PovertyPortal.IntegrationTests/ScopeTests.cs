using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Areas;
using PovertyPortal.Web.Features.Villages;

namespace PovertyPortal.IntegrationTests;

/// <summary>Scope is enforced by the data layer: handlers given another area's ids see nothing and write nothing.</summary>
public abstract class ScopeTests(PortalAppFixture app)
{
    private async Task<(int Own, int Other)> VillagesOfTheTwoDemoTownshipsAsync()
    {
        await using var db = app.SystemDb();
        var township = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var own = await db.Villages.Where(v => v.TownshipId == township).Select(v => v.Id).FirstAsync();
        var other = await db.Villages.Where(v => v.TownshipId != township).Select(v => v.Id).FirstAsync();
        return (own, other);
    }

    [Fact]
    public async Task A_township_official_lists_only_the_villages_of_their_township()
    {
        await using var scope = await app.ScopeForAsync("township");
        var rows = await scope.ServiceProvider.GetRequiredService<ListVillages>().HandleAsync();
        await using var db = app.SystemDb();
        var townshipId = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var expected = await db.Villages.Where(v => v.TownshipId == townshipId).Select(v => v.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(expected, rows.Select(r => r.Id).OrderBy(id => id));
        Assert.True(await db.Villages.CountAsync() > expected.Count);
    }

    [Fact]
    public async Task Another_townships_village_is_not_found_even_by_its_id()
    {
        var (own, other) = await VillagesOfTheTwoDemoTownshipsAsync();
        await using var scope = await app.ScopeForAsync("township");
        var handler = scope.ServiceProvider.GetRequiredService<GetVillageDetail>();
        Assert.NotNull(await handler.HandleAsync(own));
        Assert.Null(await handler.HandleAsync(other));
    }

    [Fact]
    public async Task A_work_team_member_sees_only_their_own_village()
    {
        var (_, other) = await VillagesOfTheTwoDemoTownshipsAsync();
        await using var scope = await app.ScopeForAsync("leader");
        var handler = scope.ServiceProvider.GetRequiredService<GetVillageDetail>();
        await using var db = app.SystemDb();
        var leaderVillage = await db.Users.Where(u => u.UserName == "leader").Select(u => u.VillageId!.Value).SingleAsync();
        Assert.NotNull(await handler.HandleAsync(leaderVillage));
        Assert.Null(await handler.HandleAsync(other));
        var list = await scope.ServiceProvider.GetRequiredService<ListVillages>().HandleAsync();
        Assert.Equal([leaderVillage], list.Select(v => v.Id));
    }

    [Fact]
    public async Task An_anonymous_context_sees_nothing()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(0, await db.Villages.CountAsync());
        Assert.Equal(0, await db.Households.CountAsync());
        Assert.Equal(0, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Saving_a_row_outside_the_scope_is_refused_and_nothing_is_written()
    {
        var (_, other) = await VillagesOfTheTwoDemoTownshipsAsync();
        await using var system = app.SystemDb();
        var target = await system.Villages.SingleAsync(v => v.Id == other);
        var before = await system.Households.CountAsync();

        await using var scope = await app.ScopeForAsync("township");
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Households.Add(new Household
        {
            HouseholdNumber = "X-OUT-OF-SCOPE",
            CountyId = target.CountyId,
            TownshipId = target.TownshipId,
            VillageId = target.Id,
            Status = HouseholdStatus.Identified,
        });
        var error = await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());
        Assert.Contains("无权修改", error.Message);
        Assert.Equal(before, await system.Households.CountAsync());
    }

    [Fact]
    public async Task Rows_cannot_be_moved_in_from_another_area_nor_children_added_to_another_village()
    {
        var (own, other) = await VillagesOfTheTwoDemoTownshipsAsync();
        await using var system = app.SystemDb();
        var ownVillage = await system.Villages.SingleAsync(v => v.Id == own);
        var foreignTeam = await system.WorkTeams.AsNoTracking().FirstAsync(t => t.VillageId == other);

        await using var scope = await app.ScopeForAsync("township");
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        // A crafted update that re-labels another township's team as one's own.
        await using (var db = await factory.CreateDbContextAsync())
        {
            var entry = db.Attach(foreignTeam);
            foreignTeam.CountyId = ownVillage.CountyId;
            foreignTeam.TownshipId = ownVillage.TownshipId;
            foreignTeam.VillageId = ownVillage.Id;
            entry.Property(t => t.VillageId).IsModified = true;
            await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());
        }

        // A group added to a village of another township.
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.VillageGroups.Add(new VillageGroup { VillageId = other, Name = "越权小组" });
            await Assert.ThrowsAsync<OutOfScopeException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(other, await system.WorkTeams.Where(t => t.Id == foreignTeam.Id).Select(t => t.VillageId).SingleAsync());
        Assert.False(await system.VillageGroups.AnyAsync(g => g.Name == "越权小组"));
    }

    [Fact]
    public async Task Status_history_is_scoped_like_its_households()
    {
        await using var scope = await app.ScopeForAsync("township");
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await using var system = app.SystemDb();
        var townshipId = await system.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var visible = await db.HouseholdStatusChanges.CountAsync();
        Assert.True(visible > 0);
        Assert.Equal(await system.HouseholdStatusChanges.CountAsync(s => s.TownshipId == townshipId), visible);
        Assert.True(await system.HouseholdStatusChanges.CountAsync() > visible);
    }

    [Fact]
    public async Task The_county_summary_adds_up_its_townships_and_a_township_sees_only_itself()
    {
        await using var countyScope = await app.ScopeForAsync("county");
        var county = await countyScope.ServiceProvider.GetRequiredService<GetAreaSummaries>().HandleAsync();
        Assert.False(county.RowsAreVillages);
        Assert.True(county.Rows.Count >= 2);

        await using var db = app.SystemDb();
        var countyId = await db.Users.Where(u => u.UserName == "county").Select(u => u.CountyId).SingleAsync();
        var registered = await db.Households.Where(h => h.CountyId == countyId).CountAsync(GetAreaSummaries.IsRegisteredPoor);
        Assert.Equal(registered, county.Total.RegisteredHouseholds);

        await using var townshipScope = await app.ScopeForAsync("township");
        var township = await townshipScope.ServiceProvider.GetRequiredService<GetAreaSummaries>().HandleAsync();
        Assert.True(township.RowsAreVillages);
        var townshipId = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var row = county.Rows.Single(r => r.AreaId == townshipId);
        Assert.Equal(row.RegisteredHouseholds, township.Total.RegisteredHouseholds);
        Assert.Equal(row.RegisteredPeople, township.Total.RegisteredPeople);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ScopeTestsOnSqlite(SqliteAppFixture app) : ScopeTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class ScopeTestsOnPostgreSql(PostgreSqlAppFixture app) : ScopeTests(app);
