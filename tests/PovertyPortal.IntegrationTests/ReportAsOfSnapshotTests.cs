using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Reports;
using PovertyPortal.Web.Features.Snapshots;

namespace PovertyPortal.IntegrationTests;

/// <summary>The 履职报告's register chapter as of a year-end snapshot (issue 18): the register at freezing, unchanged by later edits.</summary>
public abstract class ReportAsOfSnapshotTests(PortalAppFixture app)
{
    [Fact]
    public async Task The_register_chapter_as_of_a_snapshot_is_the_register_at_freezing_and_stays_so()
    {
        int villageId, countyId, year;
        DataCheckCounty county;
        await using (var db = app.SystemDb())
        {
            county = await DataCheckCounty.CreateAsync(db, "429805", "快照报告县");
            county.Household(h => (h.Status, h.ExitYear) = (HouseholdStatus.Exited, county.Year - 1));
            county.Household();
            var dibao = county.Household(h => h.Category = PovertyCategory.Dibao);
            county.AddMember(dibao, Relationship.Spouse, Gender.Female, new DateOnly(1972, 1, 1));
            await county.SaveAllAsync();
            (villageId, countyId, year) = (county.Village.Id, county.County.Id, county.Year);

            await using var scope = await app.ScopeForAsync("admin");
            var frozen = await scope.ServiceProvider.GetRequiredService<FreezeYearEndSnapshot>()
                .HandleAsync(new FreezeYearEndSnapshot.Command { CountyId = countyId, Year = year });
            Assert.True(frozen.Succeeded, frozen.Outcome.Summary);

            // After freezing: one more household registered.
            county.Household(h => h.Category = PovertyCategory.Tekun);
            await county.SaveAllAsync();
        }

        await using var reader = await app.ScopeForAsync("admin");
        var loader = reader.ServiceProvider.GetRequiredService<LoadPerformanceReport>();
        Assert.Equal($"截至{year}年末快照", await loader.SnapshotLabelAsync(villageId, year));
        var live = (await loader.HandleAsync(villageId, year))!;
        var asOf = (await loader.HandleAsync(villageId, year, asOfSnapshot: true))!;

        Assert.Null(live.AsOf);
        Assert.Equal($"截至{year}年末快照", asOf.AsOf);
        Assert.Equal(4, live.Data.Registry!.Households);
        Assert.Equal(3, asOf.Data.Registry!.Households);
        Assert.Equal(4, asOf.Data.Registry.People);
        Assert.Equal(1, asOf.Data.Registry.ExitsPerYear.Sum(e => e.Households));
        Assert.DoesNotContain(asOf.Data.Registry.Categories, c => c.Label.Contains("特困", StringComparison.Ordinal));
        Assert.Contains(live.Data.Registry.Categories, c => c.Label.Contains("特困", StringComparison.Ordinal));

        // A year without a snapshot: the live register, and the result says so.
        var noSnapshot = (await loader.HandleAsync(villageId, year - 1, asOfSnapshot: true))!;
        Assert.Null(noSnapshot.AsOf);
        Assert.Null(await loader.SnapshotLabelAsync(villageId, year - 1));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ReportAsOfSnapshotTestsOnSqlite(SqliteAppFixture app) : ReportAsOfSnapshotTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class ReportAsOfSnapshotTestsOnPostgreSql(PostgreSqlAppFixture app) : ReportAsOfSnapshotTests(app);
