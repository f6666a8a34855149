using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// The database going away and coming back (issue 16, decision 0019), on a PostgreSQL cluster the fixture owns. The
/// outages here last a few seconds, not the 60: what is checked (the message, no half-write, the recovery)
/// does not depend on their length, and the retries are configured short (OwnClusterAppFixture).
/// </summary>
public sealed class DatabaseOutageTests(OwnClusterAppFixture app) : IClassFixture<OwnClusterAppFixture>
{
    private static SaveHousehold.Command NewHousehold(int villageId, string number) => new()
    {
        VillageId = villageId, HouseholdNumber = number, Category = PovertyCategory.General, PrimaryCause = PovertyCause.Illness,
        IdentificationYear = 2016, Status = HouseholdStatus.Identified, LoadedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Tries until the work succeeds, as a user clicking 保存 again would; gives up after a minute.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T>> attempt, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var result = await attempt();
            if (done(result) || DateTime.UtcNow > until) return result;
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task A_save_while_the_database_is_down_says_it_did_not_happen_and_the_next_one_after_its_return_succeeds()
    {
        int villageId;
        await using (var db = app.SystemDb())
        {
            villageId = await db.Users.Where(u => u.UserName == "leader").Select(u => u.VillageId!.Value).SingleAsync();
        }
        await using var scope = await app.ScopeForAsync("township");
        var save = scope.ServiceProvider.GetRequiredService<SaveHousehold>();
        var before = await SaveGuard.RunAsync(() => save.HandleAsync(NewHousehold(villageId, "OUT-0001")));
        Assert.True(before.Succeeded, before.Outcome.Summary);

        app.Cluster.Stop();
        var refused = await SaveGuard.RunAsync(() => save.HandleAsync(NewHousehold(villageId, "OUT-0002")));
        Assert.False(refused.Succeeded);
        Assert.Equal(SaveGuard.Unavailable, refused.Outcome.Summary);

        app.Cluster.Start();
        var after = await UntilAsync(() => SaveGuard.RunAsync(() => save.HandleAsync(NewHousehold(villageId, "OUT-0003"))), r => r.Succeeded);
        Assert.True(after.Succeeded, after.Outcome.Summary);

        await using var check = app.SystemDb();
        Assert.Equal(["OUT-0001", "OUT-0003"], await check.Households.Where(h => h.HouseholdNumber.StartsWith("OUT-")).OrderBy(h => h.HouseholdNumber).Select(h => h.HouseholdNumber).ToListAsync());
    }

    [Fact]
    public async Task A_portal_started_while_the_database_is_down_serves_a_status_page_and_starts_when_it_returns()
    {
        app.Cluster.Stop();
        try
        {
            await using var portal = app.Factory.WithWebHostBuilder(_ => { });
            using var client = portal.CreateClient();
            var page = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("平台正在等待数据库恢复连接", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);

            app.Cluster.Start();
            var health = await UntilAsync(() => client.GetAsync("/health"), r => r.StatusCode == HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        }
        finally
        {
            try { app.Cluster.Start(); } catch (InvalidOperationException) { }
        }
    }
}
