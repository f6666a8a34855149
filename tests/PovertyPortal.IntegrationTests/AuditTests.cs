using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;

namespace PovertyPortal.IntegrationTests;

public abstract class AuditTests(PortalAppFixture app)
{
    [Fact]
    public async Task Audit_fields_and_concurrency_tokens_are_filled_on_save()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero));
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, app.Provider, app.ConnectionString, app.Cipher)
            .AddInterceptors(new AuditSaveChangesInterceptor(clock));

        await using var system = app.SystemDb();
        var village = await system.Villages.FirstAsync();

        int id;
        await using (var db = new PortalDbContext(options.Options, new SystemScopeSource("auditor")))
        {
            var household = new Household
            {
                HouseholdNumber = $"AUDIT-{Guid.NewGuid():N}"[..20],
                CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
                Status = HouseholdStatus.Identified,
            };
            db.Households.Add(household);
            await db.SaveChangesAsync();
            id = household.Id;
            Assert.NotEqual(Guid.Empty, household.Version);
        }

        clock.Advance(TimeSpan.FromHours(2));
        Guid firstVersion;
        await using (var db = new PortalDbContext(options.Options, new SystemScopeSource("editor")))
        {
            var household = await db.Households.SingleAsync(h => h.Id == id);
            firstVersion = household.Version;
            household.Address = "第三村民小组";
            await db.SaveChangesAsync();
        }

        await using var check = app.SystemDb();
        var saved = await check.Households.AsNoTracking().SingleAsync(h => h.Id == id);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero), saved.CreatedAt);
        Assert.Equal("auditor", saved.CreatedBy);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.Zero), saved.UpdatedAt);
        Assert.Equal("editor", saved.UpdatedBy);
        Assert.NotEqual(firstVersion, saved.Version);

        // The row is a test's own; households are never deleted in the portal, but this one was never real.
        check.Households.Remove(saved);
        await check.SaveChangesAsync();
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class AuditTestsOnSqlite(SqliteAppFixture app) : AuditTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class AuditTestsOnPostgreSql(PostgreSqlAppFixture app) : AuditTests(app);
