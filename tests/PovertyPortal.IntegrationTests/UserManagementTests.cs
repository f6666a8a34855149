using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Users;

namespace PovertyPortal.IntegrationTests;

public abstract class UserManagementTests(PortalAppFixture app)
{
    private const string Password = "Qingshi-2026-xyz";

    private async Task<(int County, int Township, int Village)> DemoTownshipAsync()
    {
        await using var db = app.SystemDb();
        var user = await db.Users.SingleAsync(u => u.UserName == "township");
        var village = await db.Villages.Where(v => v.TownshipId == user.TownshipId).Select(v => v.Id).FirstAsync();
        return (user.CountyId!.Value, user.TownshipId!.Value, village);
    }

    private static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_county_supervisor_creates_a_township_official_who_must_change_the_password()
    {
        var (county, township, _) = await DemoTownshipAsync();
        await using var scope = await app.ScopeForAsync("county");
        var userName = UniqueName("wang");
        var result = await scope.ServiceProvider.GetRequiredService<SaveUser>().HandleAsync(new SaveUser.Command
        {
            UserName = userName, DisplayName = "王小明", Role = PortalRoles.TownshipOfficial,
            CountyId = county, TownshipId = township, InitialPassword = Password,
        });
        Assert.True(result.Succeeded, result.Outcome.Summary);

        await using var db = app.SystemDb();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        Assert.True(user.MustChangePassword);
        Assert.Equal(AreaScope.Township(county, township), user.ScopeAs(PortalRoles.TownshipOfficial));
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.UserCreated && a.RecordId == user.Id && a.UserName == "county"));
    }

    [Fact]
    public async Task A_county_supervisor_cannot_create_a_system_admin_nor_reach_another_county()
    {
        int otherCounty, otherTownship;
        await using (var db = app.SystemDb())
        {
            var code = $"9{Random.Shared.Next(10000, 99999)}";
            var county = new County { AdminCode = $"{code}000000", Name = "外县" };
            county.Townships.Add(new Township { AdminCode = $"{code}101000", Name = "外县镇" });
            db.Counties.Add(county);
            await db.SaveChangesAsync();
            (otherCounty, otherTownship) = (county.Id, county.Townships[0].Id);
        }
        await using var scope = await app.ScopeForAsync("county");
        var handler = scope.ServiceProvider.GetRequiredService<SaveUser>();

        var admin = await handler.HandleAsync(new SaveUser.Command
        {
            UserName = UniqueName("boss"), DisplayName = "越权", Role = PortalRoles.SystemAdmin, InitialPassword = Password,
        });
        Assert.False(admin.Succeeded);
        Assert.Contains("不能授予", admin.Outcome[nameof(SaveUser.Command.Role)]);

        var outside = await handler.HandleAsync(new SaveUser.Command
        {
            UserName = UniqueName("far"), DisplayName = "外县干部", Role = PortalRoles.TownshipOfficial,
            CountyId = otherCounty, TownshipId = otherTownship, InitialPassword = Password,
        });
        Assert.False(outside.Succeeded);
        Assert.Contains("超出您本人管辖范围", outside.Outcome.Summary);
    }

    [Fact]
    public async Task A_township_official_cannot_manage_users_at_all()
    {
        var (county, township, village) = await DemoTownshipAsync();
        await using var scope = await app.ScopeForAsync("township");
        var result = await scope.ServiceProvider.GetRequiredService<SaveUser>().HandleAsync(new SaveUser.Command
        {
            UserName = UniqueName("team"), DisplayName = "队员", Role = PortalRoles.WorkTeamMember,
            CountyId = county, TownshipId = township, VillageId = village, InitialPassword = Password,
        });
        Assert.False(result.Succeeded);
        Assert.Contains("没有管理用户的权限", result.Outcome.Summary);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ListUsers>().HandleAsync(TimeProvider.System));
    }

    [Fact]
    public async Task A_duplicate_user_name_is_refused_on_its_field()
    {
        await using var scope = await app.ScopeForAsync("admin");
        var result = await scope.ServiceProvider.GetRequiredService<SaveUser>().HandleAsync(new SaveUser.Command
        {
            UserName = "township", DisplayName = "重名", Role = PortalRoles.SystemAdmin, InitialPassword = Password,
        });
        Assert.Equal("用户名“township”已被使用", result.Outcome[nameof(SaveUser.Command.UserName)]);
    }

    [Fact]
    public async Task A_reset_password_works_once_and_must_be_changed_and_a_disabled_user_cannot_sign_in()
    {
        var (county, township, village) = await DemoTownshipAsync();
        string userId;
        string temporaryPassword;
        await using (var scope = await app.ScopeForAsync("county"))
        {
            var created = await scope.ServiceProvider.GetRequiredService<SaveUser>().HandleAsync(new SaveUser.Command
            {
                UserName = UniqueName("li"), DisplayName = "李队员", Role = PortalRoles.WorkTeamMember,
                CountyId = county, TownshipId = township, VillageId = village, InitialPassword = Password,
            });
            Assert.True(created.Succeeded, created.Outcome.Summary);
            userId = created.Value!;

            var reset = await scope.ServiceProvider.GetRequiredService<ResetUserPassword>().HandleAsync(userId);
            Assert.True(reset.Succeeded);
            temporaryPassword = reset.Value!;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            Assert.True(await users.CheckPasswordAsync(user, reset.Value!));
            Assert.False(await users.CheckPasswordAsync(user, Password));
            Assert.True(user.MustChangePassword);

            var disabled = await scope.ServiceProvider.GetRequiredService<SetUserDisabled>().HandleAsync(userId, true);
            Assert.True(disabled.Succeeded);
        }
        await using (var fresh = app.Factory.Services.CreateAsyncScope())
        {
            var users = fresh.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var signIn = fresh.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            Assert.True(user.IsDisabled);
            var attempt = await signIn.CheckPasswordSignInAsync(user, temporaryPassword, lockoutOnFailure: false);
            Assert.True(attempt.IsNotAllowed);
        }
    }

    [Fact]
    public async Task A_county_supervisor_cannot_reset_a_peers_password()
    {
        var (county, _, _) = await DemoTownshipAsync();
        string peerId;
        await using (var adminScope = await app.ScopeForAsync("admin"))
        {
            var created = await adminScope.ServiceProvider.GetRequiredService<SaveUser>().HandleAsync(new SaveUser.Command
            {
                UserName = UniqueName("peer"), DisplayName = "另一位督导", Role = PortalRoles.CountySupervisor,
                CountyId = county, InitialPassword = Password,
            });
            Assert.True(created.Succeeded, created.Outcome.Summary);
            peerId = created.Value!;
        }
        await using var scope = await app.ScopeForAsync("county");
        var reset = await scope.ServiceProvider.GetRequiredService<ResetUserPassword>().HandleAsync(peerId);
        Assert.False(reset.Succeeded);
        Assert.Null(reset.Value);
        Assert.False((await scope.ServiceProvider.GetRequiredService<SetUserDisabled>().HandleAsync(peerId, true)).Succeeded);
    }

    [Fact]
    public async Task Nobody_can_disable_themselves()
    {
        await using var scope = await app.ScopeForAsync("county");
        await using var db = app.SystemDb();
        var self = await db.Users.Where(u => u.UserName == "county").Select(u => u.Id).SingleAsync();
        var result = await scope.ServiceProvider.GetRequiredService<SetUserDisabled>().HandleAsync(self, true);
        Assert.Equal("不能停用自己的账户", result.Summary);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class UserManagementTestsOnSqlite(SqliteAppFixture app) : UserManagementTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class UserManagementTestsOnPostgreSql(PostgreSqlAppFixture app) : UserManagementTests(app);
