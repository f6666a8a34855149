using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Data;

/// <summary>
/// 年度锁定 in the data layer (decision 0032): a save that adds, changes or removes a row of a locked township year
/// (<see cref="IYearBound"/>) is refused for every user, the county's too, before anything is written. A changed row is
/// checked where it was as well as where it goes, so a record cannot be moved out of a locked year nor into one. One
/// query of the lock table per save that touches such rows, none for the others. Registered after the audit
/// interceptor, whose DetectChanges this relies on.
/// </summary>
public sealed class YearLockInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PortalDbContext db && Touched(db) is { Count: > 0 } touched)
        {
            Refuse(touched, LockQuery(db, touched).ToList());
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db && Touched(db) is { Count: > 0 } touched)
        {
            Refuse(touched, await LockQuery(db, touched).ToListAsync(cancellationToken));
        }
        return result;
    }

    /// <summary>For rows written without the change tracker (<see cref="NewHouseholdRows"/>): refused as a save would be.</summary>
    public static async Task CheckAsync(PortalDbContext db, IEnumerable<IYearBound> rows, CancellationToken cancellationToken)
    {
        var touched = rows.Select(r => new TownshipYear(r.TownshipId, r.Year)).ToHashSet();
        if (touched.Count > 0) Refuse(touched, await LockQuery(db, touched).ToListAsync(cancellationToken));
    }

    /// <summary>The township years a save writes into: each row as it will be and, when loaded, as it was.</summary>
    internal static HashSet<TownshipYear> Touched(DbContext db)
    {
        var touched = new HashSet<TownshipYear>();
        foreach (var entry in db.ChangeTracker.Entries<IYearBound>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.State == EntityState.Modified && OnlyFollowsItsHousehold(entry)) continue;
            touched.Add(new TownshipYear(entry.Entity.TownshipId, entry.Entity.Year));
            if (entry.State != EntityState.Added) touched.Add(Original(entry));
        }
        return touched;
    }

    /// <summary>
    /// A household's move (HouseholdArea.MoveAsync) carries its status steps and plans to the new village: only their area
    /// (and the stamps the save adds) changes, nothing the year counted. Refusing it would stop every relocation of a
    /// household with history in a locked year; the year's figures as reported stay in its year-end snapshot (0028).
    /// A record whose version alone is renewed is not one: that is how a check's items or a log's visits change
    /// (RecordVersion.Expect), and it is refused like any other change.
    /// </summary>
    private static bool OnlyFollowsItsHousehold(EntityEntry<IYearBound> entry)
    {
        var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToList();
        return changed.Any(Area.Contains) && changed.All(name => Area.Contains(name) || Stamps.Contains(name));
    }

    private static readonly HashSet<string> Area = ["CountyId", "TownshipId", "VillageId"];

    private static readonly HashSet<string> Stamps = [nameof(IAuditable.UpdatedAt), nameof(IAuditable.UpdatedBy), nameof(IVersioned.Version)];

    // The year may be computed (a work log's date), so the original row is rebuilt from its original values.
    private static TownshipYear Original(EntityEntry<IYearBound> entry) =>
        entry.OriginalValues.ToObject() is IYearBound original
            ? new TownshipYear(original.TownshipId, original.Year)
            : new TownshipYear(entry.Entity.TownshipId, entry.Entity.Year);

    // Unfiltered: a lock binds whoever saves, whatever their scope sees of the lock table. Narrowed by townships and
    // years in SQL, matched by pairs here; the list is a few rows at most.
    private static IQueryable<LockedYear> LockQuery(PortalDbContext db, HashSet<TownshipYear> touched)
    {
        var townships = touched.Select(t => t.TownshipId).Distinct().ToList();
        var years = touched.Select(t => t.Year).Distinct().ToList();
        return db.YearLocks.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.IsLocked && townships.Contains(l.TownshipId) && years.Contains(l.Year))
            .Select(l => new LockedYear(l.TownshipId, l.Year, l.Township!.Name));
    }

    private static void Refuse(HashSet<TownshipYear> touched, List<LockedYear> locks)
    {
        var hit = locks.Where(l => touched.Contains(new TownshipYear(l.TownshipId, l.Year))).OrderBy(l => l.Year).FirstOrDefault();
        if (hit is not null) throw new YearLockedException(hit.TownshipId, hit.Year, YearLock.LockedMessage(hit.Year, hit.TownshipName));
    }

    internal readonly record struct TownshipYear(int TownshipId, int Year);

    private sealed record LockedYear(int TownshipId, int Year, string TownshipName);
}
