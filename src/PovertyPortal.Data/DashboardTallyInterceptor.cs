using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using PovertyPortal.Domain.Support;

namespace PovertyPortal.Data;

/// <summary>
/// Keeps the dashboard's tallies equal to their records: a save that adds, changes, moves or deletes benefit or income
/// records recounts the village-years it touched (old and new) right after it writes, in the same transaction. When the
/// caller opened none, this opens one before the save and commits it after the recount, so the records and their
/// tallies are committed together or not at all (decision 0011).
/// </summary>
public sealed class DashboardTallyInterceptor : SaveChangesInterceptor
{
    private sealed record Pending(List<DashboardTallies.Key> Benefits, List<DashboardTallies.Key> Incomes, IDbContextTransaction? Owned);

    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } db || Collect(db) is not var (benefits, incomes)) return result;
        var owned = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        if (DashboardTallies.LockSql(db, Villages(benefits, incomes)) is { } sql) db.Database.ExecuteSqlRaw(sql, Villages(benefits, incomes).Cast<object>());
        pending.AddOrUpdate(db, new Pending(benefits, incomes, owned));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || Collect(db) is not var (benefits, incomes)) return result;
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (DashboardTallies.LockSql(db, Villages(benefits, incomes)) is { } sql)
            await db.Database.ExecuteSqlRawAsync(sql, Villages(benefits, incomes).Cast<object>(), cancellationToken);
        pending.AddOrUpdate(db, new Pending(benefits, incomes, owned));
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is not { } work) return result;
        using var owned = work.Owned;
        DashboardTallies.Recount(eventData.Context!, work.Benefits, work.Incomes);
        owned?.Commit();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is not { } work) return result;
        await using var owned = work.Owned;
        await DashboardTallies.RecountAsync(eventData.Context!, work.Benefits, work.Incomes, cancellationToken);
        if (owned is not null) await owned.CommitAsync(cancellationToken);
        return result;
    }

    // A transaction disposed without a commit rolls back: the records and their tallies are both left as they were.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context)?.Owned?.Dispose();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)?.Owned is { } owned) await owned.DisposeAsync();
    }

    private static (List<DashboardTallies.Key> Benefits, List<DashboardTallies.Key> Incomes)? Collect(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var benefits = Touched(db.ChangeTracker.Entries<BenefitRecord>(), nameof(BenefitRecord.CountyId),
            nameof(BenefitRecord.TownshipId), nameof(BenefitRecord.ProgramId), nameof(BenefitRecord.HouseholdId), nameof(BenefitRecord.Amount));
        var incomes = Touched(db.ChangeTracker.Entries<IncomeRecord>(), nameof(IncomeRecord.CountyId),
            nameof(IncomeRecord.TownshipId), nameof(IncomeRecord.NetIncomePerCapita));
        return benefits.Count == 0 && incomes.Count == 0 ? null : (benefits, incomes);
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

    private static List<int> Villages(List<DashboardTallies.Key> benefits, List<DashboardTallies.Key> incomes) =>
        benefits.Concat(incomes).Select(k => k.VillageId).Distinct().Order().ToList();

    private Pending? Take(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var work)) return null;
        pending.Remove(context);
        return work;
    }
}
