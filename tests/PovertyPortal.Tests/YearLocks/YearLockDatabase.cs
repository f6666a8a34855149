using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Tests.YearLocks;

/// <summary>
/// A county of two townships (甲镇 with one village and household, 乙乡 with one village) in in-memory SQLite, with the
/// portal's interceptors: what the year-lock rule and page tests write into.
/// </summary>
public sealed class YearLockDatabase : IAsyncDisposable
{
    // One cipher and one set of interceptors for every instance: EF Core builds one internal service provider per
    // distinct set, and warns (an error in tests) past twenty.
    private static readonly PersonalDataCipher Cipher = new(PersonalDataKeyRing.Generate());
    private static readonly Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Interceptors = DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System);
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public DbContextOptions<PortalDbContext> Options { get; private set; } = null!;
    public int CountyId { get; private set; }
    public int TownshipA { get; private set; }
    public int TownshipB { get; private set; }
    public int VillageA { get; private set; }
    public int VillageB { get; private set; }
    public int HouseholdA { get; private set; }

    public static async Task<YearLockDatabase> CreateAsync()
    {
        var database = new YearLockDatabase();
        await database.connection.OpenAsync();
        database.Options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(database.connection)
            .UsePersonalDataCipher(Cipher).AddInterceptors(Interceptors).Options;
        await using var db = database.System();
        await db.Database.EnsureCreatedAsync();
        var county = new County { AdminCode = "429998000000", Name = "锁定县", Province = "湖北省" };
        var a = new Township { AdminCode = "429998101000", Name = "甲镇", County = county };
        var b = new Township { AdminCode = "429998102000", Name = "乙乡", County = county };
        a.Villages.Add(new Village { AdminCode = "429998101201", Name = "东村", County = county });
        b.Villages.Add(new Village { AdminCode = "429998102201", Name = "西村", County = county });
        db.Townships.AddRange(a, b);
        await db.SaveChangesAsync();
        var village = a.Villages[0];
        var household = new Household
        {
            HouseholdNumber = "429998101201001", CountyId = county.Id, TownshipId = a.Id, VillageId = village.Id,
            Status = HouseholdStatus.Identified, Category = PovertyCategory.General, IdentificationYear = 2016, PrimaryCause = PovertyCause.Illness,
        };
        db.Households.Add(household);
        await db.SaveChangesAsync();
        (database.CountyId, database.TownshipA, database.TownshipB, database.VillageA, database.VillageB, database.HouseholdA) =
            (county.Id, a.Id, b.Id, village.Id, b.Villages[0].Id, household.Id);
        return database;
    }

    /// <summary>A context that sees and may write everything, as system work does.</summary>
    public PortalDbContext System() => new(Options, new SystemScopeSource("test"));

    public async Task LockAsync(int townshipId, int year)
    {
        await using var db = System();
        db.YearLocks.Add(new YearLock { CountyId = CountyId, TownshipId = townshipId, Year = year, IsLocked = true, LockedAt = DateTimeOffset.UtcNow, LockedBy = "county" });
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
