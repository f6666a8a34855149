using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Income;

namespace PovertyPortal.Data;

/// <summary>
/// Keeps the dashboard's tallies equal to their records: a save that adds, changes, moves or deletes benefit records,
/// income records or assurance checks recounts the village-years it touched (old and new) right after it writes, in
/// the same transaction. When the caller opened none, this opens one before the save and commits it after the
/// recount, so the records and their tallies are committed together or not at all (decision 0011).
/// Saves are asynchronous throughout the portal; a synchronous save of these records is refused rather than kept
/// right by a second, untested copy of this logic.
/// </summary>
public sealed class DashboardTallyInterceptor : SaveChangesInterceptor
{
    private sealed record Pending(Dictionary<TallyKind, HashSet<DashboardTallies.Key>> Touched, IDbContextTransaction? Owned);

    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Collect(db).Any)
            throw new InvalidOperationException("Benefit records, income records and assurance checks are saved with SaveChangesAsync (DashboardTallyInterceptor).");
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db) return result;
        var changes = Collect(db);
        if (!changes.Any) return result;
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var locked = Villages(changes.Touched);
            await LockAsync(db, locked, cancellationToken);
            // Where the changed rows stand now, read under the lock: a household moved by a save that committed after
            // these rows were loaded took them to a village this save must recount too.
            foreach (var (kind, key) in await changes.ReadStoredAsync(cancellationToken)) changes.Touched[kind].Add(key);
            await LockAsync(db, Villages(changes.Touched).Except(locked).ToList(), cancellationToken);
        }
        catch
        {
            if (owned is not null) await owned.DisposeAsync();
            throw;
        }
        pending.AddOrUpdate(db, new Pending(changes.Touched, owned));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is not { } work) return result;
        // Disposed without a commit if the recount fails: the records and their tallies are both rolled back.
        await using var owned = work.Owned;
        await DashboardTallies.RecountAsync(eventData.Context!, work.Touched, cancellationToken);
        if (owned is not null) await owned.CommitAsync(cancellationToken);
        return result;
    }

    // Every way a save can end without SavedChanges: the transaction this opened is disposed, which rolls it back and
    // releases the village locks, so a later save on the same context starts clean.
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await AbandonAsync(eventData.Context);
        return result;
    }

    private async Task AbandonAsync(DbContext? context)
    {
        if (Take(context)?.Owned is { } owned) await owned.DisposeAsync();
    }

    private static async Task LockAsync(DbContext db, List<int> villages, CancellationToken cancellationToken)
    {
        if (DashboardTallies.LockSql(db, villages) is { } sql) await db.Database.ExecuteSqlRawAsync(sql, villages.Cast<object>(), cancellationToken);
    }

    /// <summary>
    /// What a save changes: the village-years its tracked rows touch, and the ids of the saved rows it changes or
    /// deletes (benefits, incomes, checks, and the checks of changed items), whose stored village and year are read
    /// once the villages are locked.
    /// </summary>
    private sealed record Changes(
        Dictionary<TallyKind, HashSet<DashboardTallies.Key>> Touched, DbContext Db, List<int> Benefits, List<int> Incomes, List<int> Checks)
    {
        public bool Any => Touched.Values.Any(keys => keys.Count > 0) || Benefits.Count + Incomes.Count + Checks.Count > 0;

        public async Task<List<(TallyKind, DashboardTallies.Key)>> ReadStoredAsync(CancellationToken cancellationToken) =>
        [
            .. (await Db.Set<BenefitRecord>().IgnoreQueryFilters().Where(r => Benefits.Contains(r.Id))
                .Select(r => new DashboardTallies.Key(r.VillageId, r.Year)).ToListAsync(cancellationToken)).Select(k => (TallyKind.Benefits, k)),
            .. (await Db.Set<IncomeRecord>().IgnoreQueryFilters().Where(r => Incomes.Contains(r.Id))
                .Select(r => new DashboardTallies.Key(r.VillageId, r.Year)).ToListAsync(cancellationToken)).Select(k => (TallyKind.Incomes, k)),
            .. (await Db.Set<AssuranceCheck>().IgnoreQueryFilters().Where(c => Checks.Contains(c.Id))
                .Select(c => new DashboardTallies.Key(c.VillageId, c.Year)).ToListAsync(cancellationToken)).Select(k => (TallyKind.Assurance, k)),
        ];
    }

    private static readonly string[] BenefitColumns =
        [nameof(BenefitRecord.CountyId), nameof(BenefitRecord.TownshipId), nameof(BenefitRecord.ProgramId), nameof(BenefitRecord.HouseholdId), nameof(BenefitRecord.Amount)];

    private static readonly string[] IncomeColumns = [nameof(IncomeRecord.CountyId), nameof(IncomeRecord.TownshipId), nameof(IncomeRecord.NetIncomePerCapita)];

    private static readonly string[] CheckColumns = [nameof(AssuranceCheck.CountyId), nameof(AssuranceCheck.TownshipId)];

    private static Changes Collect(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var benefits = db.ChangeTracker.Entries<BenefitRecord>().ToList();
        var incomes = db.ChangeTracker.Entries<IncomeRecord>().ToList();
        var checks = db.ChangeTracker.Entries<AssuranceCheck>().ToList();
        var touched = new Dictionary<TallyKind, HashSet<DashboardTallies.Key>>
        {
            [TallyKind.Benefits] = Touched(benefits, BenefitColumns),
            [TallyKind.Incomes] = Touched(incomes, IncomeColumns),
            [TallyKind.Assurance] = Touched(checks, CheckColumns),
        };
        // An item has no year of its own: its check's village and year count, as tracked and as stored.
        var itemChecks = ChecksOfChangedItems(db);
        foreach (var check in checks.Where(c => c.State != EntityState.Added && itemChecks.Contains(c.Entity.Id)))
            touched[TallyKind.Assurance].Add(Original(check));
        return new Changes(touched, db, Stored(benefits, BenefitColumns), Stored(incomes, IncomeColumns),
            [.. Stored(checks, CheckColumns).Union(itemChecks)]);
    }

    /// <summary>
    /// The village-years (VillageId, Year) of the added, deleted and changed records, old and new; a change of no
    /// column a tally counts (a note, a date) is left out.
    /// </summary>
    private static HashSet<DashboardTallies.Key> Touched(IEnumerable<EntityEntry> entries, string[] counted)
    {
        var keys = new HashSet<DashboardTallies.Key>();
        foreach (var entry in entries)
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    keys.Add(Current(entry));
                    break;
                case EntityState.Deleted:
                    keys.Add(Original(entry));
                    break;
                case EntityState.Modified when IsCounted(entry, counted):
                    keys.Add(Original(entry));
                    keys.Add(Current(entry));
                    break;
            }
        }
        return keys;
    }

    private static bool IsCounted(EntityEntry entry, string[] counted) =>
        entry.Property("VillageId").IsModified || entry.Property("Year").IsModified || counted.Any(c => entry.Property(c).IsModified);

    private static DashboardTallies.Key Current(EntityEntry entry) =>
        new((int)entry.Property("VillageId").CurrentValue!, (int)entry.Property("Year").CurrentValue!);

    private static DashboardTallies.Key Original(EntityEntry entry) =>
        new((int)entry.Property("VillageId").OriginalValue!, (int)entry.Property("Year").OriginalValue!);

    /// <summary>The ids of the saved rows this save deletes or changes in a counted column.</summary>
    private static List<int> Stored(IEnumerable<EntityEntry> entries, string[] counted) =>
        entries.Where(e => e.State is EntityState.Deleted || (e.State is EntityState.Modified && IsCounted(e, counted)))
            .Select(e => (int)e.Property("Id").CurrentValue!).Where(id => id > 0).ToList();

    /// <summary>
    /// The saved checks whose items this save adds, deletes, answers differently or moves to another check (both
    /// checks then); an item added with a new check has a temporary check id, and the new check is counted itself.
    /// </summary>
    private static HashSet<int> ChecksOfChangedItems(DbContext db)
    {
        var ids = new HashSet<int>();
        foreach (var item in db.ChangeTracker.Entries<AssuranceItem>())
        {
            var check = item.Property(i => i.AssuranceCheckId);
            var changed = item.State switch
            {
                EntityState.Added or EntityState.Deleted => true,
                EntityState.Modified => item.Property(i => i.Met).IsModified || item.Property(i => i.Kind).IsModified || check.IsModified,
                _ => false,
            };
            if (!changed) continue;
            if (!check.IsTemporary && check.CurrentValue > 0) ids.Add(check.CurrentValue);
            if (item.State == EntityState.Modified && check.OriginalValue > 0) ids.Add(check.OriginalValue);
        }
        return ids;
    }

    private static List<int> Villages(Dictionary<TallyKind, HashSet<DashboardTallies.Key>> touched) =>
        touched.Values.SelectMany(keys => keys).Select(k => k.VillageId).Distinct().Order().ToList();

    private Pending? Take(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var work)) return null;
        pending.Remove(context);
        return work;
    }
}
