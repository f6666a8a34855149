using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.IntegrationTests;

/// <summary>The benchmark's data generator, at a small size: the register it writes is complete and valid.</summary>
public abstract class GenerateCountyTests(PortalAppFixture app)
{
    [Fact]
    public async Task A_small_synthetic_county_has_the_asked_households_with_valid_unique_IDs_and_one_head_each()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        Assert.Equal(0, await GenerateCountyCommand.RunAsync(scope.ServiceProvider, ["generate-county", "--households", "300", "--townships", "2"]));

        await using var db = app.SystemDb();
        var county = await db.Counties.Where(c => c.AdminCode.StartsWith("4299")).OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal(300, await db.Households.CountAsync(h => h.CountyId == county.Id));
        var members = await db.Members.Where(m => m.CountyId == county.Id)
            .Select(m => new { m.HouseholdId, m.ResidentId, m.ResidentIdTail, m.BirthDate, m.Gender, m.Relationship, m.IsDeceased })
            .ToListAsync();
        Assert.True(members.Count > 600);
        Assert.All(members, m =>
        {
            Assert.True(ResidentId.TryParse(m.ResidentId, out var id, out var error), error);
            Assert.Equal((m.BirthDate, m.Gender, m.ResidentId[^4..]), (id!.Value.BirthDate, id.Value.Gender, m.ResidentIdTail));
        });
        Assert.Equal(members.Count, members.Select(m => m.ResidentId).Distinct().Count());
        Assert.All(members.Where(m => !m.IsDeceased).GroupBy(m => m.HouseholdId),
            household => Assert.Single(household, m => m.Relationship == Relationship.Head));

        Assert.Equal(2, await GenerateCountyCommand.RunAsync(scope.ServiceProvider, ["generate-county", "--households", "abc"]));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class GenerateCountyTestsOnSqlite(SqliteAppFixture app) : GenerateCountyTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class GenerateCountyTestsOnPostgreSql(PostgreSqlAppFixture app) : GenerateCountyTests(app);
