using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.IntegrationTests;

/// <summary>The masking rule (decision 0014) on the household page's data: members table and field history.</summary>
public abstract class MaskingTests(PortalAppFixture app)
{
    private async Task<(Household Household, Member Member)> HouseholdOfAsync(string userName)
    {
        await using var db = app.SystemDb();
        var villageId = await db.Users.Where(u => u.UserName == userName).Select(u => u.VillageId).SingleAsync();
        var member = await db.Members.Include(m => m.Household).Where(m => m.VillageId == villageId).OrderBy(m => m.Id).FirstAsync();
        return (member.Household!, member);
    }

    /// <summary>A birth-date and a health change in the household's history, as an edit would have written them.</summary>
    private async Task AddChangesAsync(Household household, Member member)
    {
        await using var db = app.SystemDb();
        foreach (var (field, old, @new) in new[] { ("BirthDate", "1970-03-04", "1971-05-06"), ("Health", "健康", "残疾（二级）") })
        {
            db.FieldChanges.Add(new FieldChange
            {
                At = DateTimeOffset.UtcNow, UserName = "township", CountyId = household.CountyId, TownshipId = household.TownshipId,
                VillageId = household.VillageId, HouseholdId = household.Id, EntityType = nameof(Member), EntityId = member.Id,
                Subject = member.Name, Field = field, OldValue = old, NewValue = @new,
            });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_team_members_household_data_shows_masked_IDs_with_birth_years_and_no_health_in_the_history()
    {
        var (household, member) = await HouseholdOfAsync("member");
        await AddChangesAsync(household, member);

        await using var scope = await app.ScopeForAsync("member");
        var data = (await scope.ServiceProvider.GetRequiredService<GetHousehold>().HandleAsync(household.Id, TimeProvider.System))!;

        Assert.All(data.Members, m => Assert.Matches(@"^\d{6}\*{8}[\dX]{4}$", m.Member.ResidentId));
        var birth = data.Changes.First(c => c.Field == "BirthDate");
        Assert.Equal(("1970年", "1971年"), (birth.OldValue, birth.NewValue));
        var health = data.Changes.First(c => c.Field == "Health");
        Assert.Equal((PersonalData.Hidden, PersonalData.Hidden), (health.OldValue, health.NewValue));
        // No full date anywhere in the history a team member receives.
        Assert.All(data.Changes, c => Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", $"{c.OldValue} {c.NewValue}"));
    }

    [Fact]
    public async Task A_team_leader_who_may_reveal_IDs_reads_the_history_in_full()
    {
        var (household, member) = await HouseholdOfAsync("leader");
        await AddChangesAsync(household, member);

        await using var scope = await app.ScopeForAsync("leader");
        var data = (await scope.ServiceProvider.GetRequiredService<GetHousehold>().HandleAsync(household.Id, TimeProvider.System))!;

        var birth = data.Changes.First(c => c.Field == "BirthDate");
        Assert.Equal(("1970-03-04", "1971-05-06"), (birth.OldValue, birth.NewValue));
        Assert.Equal("残疾（二级）", data.Changes.First(c => c.Field == "Health").NewValue);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class MaskingTestsOnSqlite(SqliteAppFixture app) : MaskingTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class MaskingTestsOnPostgreSql(PostgreSqlAppFixture app) : MaskingTests(app);
