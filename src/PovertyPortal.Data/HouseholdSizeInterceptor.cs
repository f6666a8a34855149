using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data;

/// <summary>
/// Keeps <see cref="Household.LivingMembers"/> right. A household saved new with its members gets the count before it is
/// inserted; a household whose members were added, removed, moved or marked deceased is recounted in the database
/// right after the save, by one UPDATE for all of them, in the save's transaction (the caller's, or the one
/// <see cref="PortalDbContext"/> opens): the members and their count are committed together or not at all.
/// </summary>
public sealed class HouseholdSizeInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<int>> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } ids) Recount(eventData.Context!, ids).ExecuteUpdate(Set);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } ids) await Recount(eventData.Context!, ids).ExecuteUpdateAsync(Set, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries<Household>().Where(e => e.State == EntityState.Added))
        {
            entry.Entity.CountLivingMembers();
        }

        var ids = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries<Member>())
        {
            if (entry.State == EntityState.Modified
                && !entry.Property(m => m.IsDeceased).IsModified && !entry.Property(m => m.HouseholdId).IsModified) continue;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var household = entry.Property(m => m.HouseholdId);
            // A member of a household inserted by this save was counted above; its household id is still temporary.
            if (!household.IsTemporary && household.CurrentValue > 0) ids.Add(household.CurrentValue);
            if (entry.State == EntityState.Modified && household.OriginalValue > 0) ids.Add(household.OriginalValue);
        }
        pending.AddOrUpdate(context, ids);
    }

    private HashSet<int>? Take(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var ids)) return null;
        pending.Remove(context);
        return ids.Count > 0 ? ids : null;
    }

    private static IQueryable<Household> Recount(DbContext context, HashSet<int> ids)
    {
        var list = ids.ToList();
        return context.Set<Household>().Where(h => list.Contains(h.Id));
    }

    private static void Set(UpdateSettersBuilder<Household> setters) =>
        setters.SetProperty(h => h.LivingMembers, h => h.Members.Count(m => !m.IsDeceased));
}
