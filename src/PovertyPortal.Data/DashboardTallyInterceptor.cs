using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PovertyPortal.Domain.Support;

namespace PovertyPortal.Data;

/// <summary>
/// Keeps the dashboard's tallies equal to their records: a save that adds, changes, moves or deletes benefit records,
/// income records or assurance checks recounts the village-years it touched (old and new) right after it writes, in
/// the same transaction. When the caller opened none, this opens one before the save and commits it after the
/// recount, so the records and their tallies are committed together or not at all (decision 0011).
/// </summary>
public sealed class DashboardTallyInterceptor : SaveChangesInterceptor
{
    private sealed record Pending(Dictionary<TallyKind, List<DashboardTallies.Key>> Touched, IDbContextTransaction? Owned);

    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } db) return result;
        var touched = Collect(db, CheckKeys(db, UntrackedChecks(db), ids => ids.Count == 0 ? [] : CheckYears(db, ids).ToList()));
        if (touched.Count == 0) return result;
        var owned = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        if (DashboardTallies.LockSql(db, Villages(touched)) is { } sql) db.Database.ExecuteSqlRaw(sql, Villages(touched).Cast<object>());
        pending.AddOrUpdate(db, new Pending(touched, owned));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db) return result;
        var untracked = UntrackedChecks(db);
        var years = untracked.Count == 0 ? [] : await CheckYears(db, untracked).ToListAsync(cancellationToken);
        var touched = Collect(db, CheckKeys(db, untracked, _ => years));
        if (touched.Count == 0) return result;
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (DashboardTallies.LockSql(db, Villages(touched)) is { } sql)
            await db.Database.ExecuteSqlRawAsync(sql, Villages(touched).Cast<object>(), cancellationToken);
        pending.AddOrUpdate(db, new Pending(touched, owned));
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is not { } work) return result;
        using var owned = work.Owned;
        DashboardTallies.Recount(eventData.Context!, work.Touched);
        owned?.Commit();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is not { } work) return result;
        await using var owned = work.Owned;
        await DashboardTallies.RecountAsync(eventData.Context!, work.Touched, cancellationToken);
        if (owned is not null) await owned.CommitAsync(cancellationToken);
        return result;
    }

    // A transaction disposed without a commit rolls back: the records and their tallies are both left as they were.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context)?.Owned?.Dispose();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)?.Owned is { } owned) await owned.DisposeAsync();
    }

    private static Dictionary<TallyKind, List<DashboardTallies.Key>> Collect(DbContext db, IEnumerable<DashboardTallies.Key> assurance)
    {
        var touched = new Dictionary<TallyKind, List<DashboardTallies.Key>>
        {
            [TallyKind.Benefits] = Touched(db.ChangeTracker.Entries<BenefitRecord>(), nameof(BenefitRecord.CountyId),
                nameof(BenefitRecord.TownshipId), nameof(BenefitRecord.ProgramId), nameof(BenefitRecord.HouseholdId), nameof(BenefitRecord.Amount)),
            [TallyKind.Incomes] = Touched(db.ChangeTracker.Entries<IncomeRecord>(), nameof(IncomeRecord.CountyId),
                nameof(IncomeRecord.TownshipId), nameof(IncomeRecord.NetIncomePerCapita)),
            [TallyKind.Assurance] = Touched(db.ChangeTracker.Entries<AssuranceCheck>(), nameof(AssuranceCheck.CountyId),
                nameof(AssuranceCheck.TownshipId)).Union(assurance).OrderBy(k => k.VillageId).ThenBy(k => k.Year).ToList(),
        };
        foreach (var kind in touched.Where(t => t.Value.Count == 0).Select(t => t.Key).ToList()) touched.Remove(kind);
        return touched;
    }

    /// <summary>
    /// The village-years (VillageId, Year) of the added, deleted and changed records, old and new; a change of no
    /// column a tally counts (a note, a date) is left out.
    /// </summary>
    private static List<DashboardTallies.Key> Touched(IEnumerable<EntityEntry> entries, params string[] counted)
    {
        var keys = new HashSet<DashboardTallies.Key>();
        foreach (var entry in entries)
        {
            var (village, year) = (entry.Property("VillageId"), entry.Property("Year"));
            DashboardTallies.Key Original() => new((int)village.OriginalValue!, (int)year.OriginalValue!);
            DashboardTallies.Key Current() => new((int)village.CurrentValue!, (int)year.CurrentValue!);
            switch (entry.State)
            {
                case EntityState.Added:
                    keys.Add(Current());
                    break;
                case EntityState.Deleted:
                    keys.Add(Original());
                    break;
                case EntityState.Modified when village.IsModified || year.IsModified || counted.Any(c => entry.Property(c).IsModified):
                    keys.Add(Original());
                    keys.Add(Current());
                    break;
            }
        }
        return keys.OrderBy(k => k.VillageId).ThenBy(k => k.Year).ToList();
    }

    /// <summary>The changed items of checks already saved: an item has no year of its own, its check does.</summary>
    private static IEnumerable<EntityEntry<AssuranceItem>> ChangedItems(DbContext db) =>
        db.ChangeTracker.Entries<AssuranceItem>().Where(e => e.State switch
        {
            EntityState.Added or EntityState.Deleted => true,
            EntityState.Modified => e.Property(i => i.Met).IsModified || e.Property(i => i.Kind).IsModified,
            _ => false,
        } && !e.Property(i => i.AssuranceCheckId).IsTemporary && e.Entity.AssuranceCheckId > 0);

    private static List<int> UntrackedChecks(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var tracked = db.ChangeTracker.Entries<AssuranceCheck>().Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        return ChangedItems(db).Select(e => e.Entity.AssuranceCheckId).Where(id => !tracked.Contains(id)).Distinct().ToList();
    }

    private static IQueryable<DashboardTallies.Key> CheckYears(DbContext db, List<int> checkIds) =>
        db.Set<AssuranceCheck>().IgnoreQueryFilters().Where(c => checkIds.Contains(c.Id)).Select(c => new DashboardTallies.Key(c.VillageId, c.Year));

    /// <summary>The village-years of the checks whose items changed: from the tracked check, else from the database.</summary>
    private static List<DashboardTallies.Key> CheckKeys(DbContext db, List<int> untracked, Func<List<int>, List<DashboardTallies.Key>> fromDatabase)
    {
        var tracked = db.ChangeTracker.Entries<AssuranceCheck>().Where(e => e.State != EntityState.Added).ToDictionary(e => e.Entity.Id);
        var itemChecks = ChangedItems(db).Select(e => e.Entity.AssuranceCheckId).Distinct();
        return itemChecks.Where(tracked.ContainsKey)
            .Select(id => new DashboardTallies.Key((int)tracked[id].Property(c => c.VillageId).OriginalValue, (int)tracked[id].Property(c => c.Year).OriginalValue))
            .Concat(fromDatabase(untracked)).ToList();
    }

    private static List<int> Villages(Dictionary<TallyKind, List<DashboardTallies.Key>> touched) =>
        touched.Values.SelectMany(keys => keys).Select(k => k.VillageId).Distinct().Order().ToList();

    private Pending? Take(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var work)) return null;
        pending.Remove(context);
        return work;
    }
}
