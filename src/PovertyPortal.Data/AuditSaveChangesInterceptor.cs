using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Rectification;

namespace PovertyPortal.Data;

/// <summary>
/// Before every save: stamps audit fields from <see cref="TimeProvider"/>, renews concurrency tokens, writes the
/// field history of households, members and problems of the rectification ledger, and refuses to write an area-bound row outside the scope of the
/// context (the write-side twin of the query filters).
/// </summary>
public sealed class AuditSaveChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // The history rows the last save added. Still Added at the next save, they belong to an attempt that did not
    // commit: a save retried after a dropped connection (PortalDbContext.SaveChangesAsync, decision 0019) writes its
    // history once, not once per attempt.
    private readonly ConditionalWeakTable<DbContext, List<FieldChange>> lastHistory = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is not PortalDbContext db) return;
        var now = clock.GetUtcNow();
        if (lastHistory.TryGetValue(db, out var earlier))
        {
            foreach (var change in earlier.Where(c => db.Entry(c).State == EntityState.Added)) db.Entry(change).State = EntityState.Detached;
        }
        db.ChangeTracker.DetectChanges();
        var history = new List<FieldChange>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditLogEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                // The audit log is append-only (decision 0015): the app has no path that edits or removes an entry.
                // The only delete is purge-audit's ExecuteDelete of rows past the retention, which skips SaveChanges.
                throw new InvalidOperationException("审计日志只能追加，不能修改或删除。");
            }
            if (entry.Entity is (Domain.Snapshots.YearEndSnapshot or Domain.Snapshots.SnapshotHousehold or Domain.Snapshots.SnapshotMember
                or Domain.Snapshots.SnapshotBenefit) && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                // A frozen snapshot is the record of its year (decision 0028): nothing in the app edits or removes it.
                throw new InvalidOperationException("年末数据快照已冻结，不能修改或删除。");
            }
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                ScopeGuard.Check(db, entry);
            }
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;

            if (entry.State == EntityState.Added) StampAdded(entry.Entity, now, db.ActingUserName);
            else StampModified(entry.Entity, now, db.ActingUserName);

            switch (entry.Entity)
            {
                case Household h:
                    if (entry.State == EntityState.Modified) history.AddRange(HouseholdChanges(entry, h, h.Id, h.Id, h.HouseholdNumber));
                    break;
                case Member m:
                    if (entry.State == EntityState.Modified) history.AddRange(HouseholdChanges(entry, m, m.Id, m.HouseholdId, m.Name));
                    else if (m.HouseholdId != 0) history.Add(Change(m, nameof(Household), m.HouseholdId, m.HouseholdId, m.Name, "Members", null, $"新增 {m.Name}"));
                    break;
                case Problem p when entry.State == EntityState.Modified:
                    // A problem's history is its own, not its household's: HouseholdId stays null so the household's
                    // 变更记录 shows only the register's fields.
                    history.AddRange(ModifiedFields(entry, ProblemFields.IsTracked, (_, value) => ProblemFields.Display(value))
                        .Select(c => Change(p.CountyId, p.TownshipId, p.VillageId, nameof(Problem), p.Id, null, $"问题 {p.Id}", c.Field, c.Old, c.New)));
                    break;
            }
        }
        foreach (var change in history)
        {
            change.At = now;
            change.UserName = db.ActingUserName;
        }
        db.FieldChanges.AddRange(history);
        lastHistory.AddOrUpdate(db, history);
    }

    /// <summary>Who added the row and when, and its first concurrency token; also for rows written without EF.</summary>
    internal static void StampAdded(object entity, DateTimeOffset now, string? user)
    {
        if (entity is IAuditable audited) (audited.CreatedAt, audited.CreatedBy) = (now, user);
        RenewVersion(entity);
    }

    private static void StampModified(object entity, DateTimeOffset now, string? user)
    {
        if (entity is IAuditable audited) (audited.UpdatedAt, audited.UpdatedBy) = (now, user);
        RenewVersion(entity);
    }

    private static void RenewVersion(object entity)
    {
        if (entity is IVersioned versioned) versioned.Version = Guid.NewGuid();
    }

    /// <summary>One history row per field of a household or member whose value really changed (变更记录).</summary>
    private static IEnumerable<FieldChange> HouseholdChanges(EntityEntry entry, IAreaBound area, int entityId, int householdId, string subject) =>
        ModifiedFields(entry, HouseholdFields.IsTracked, HouseholdFields.Display)
            .Select(c => Change(area, entry.Metadata.ClrType.Name, entityId, householdId, subject, c.Field, c.Old, c.New));

    private static IEnumerable<(string Field, string? Old, string? New)> ModifiedFields(
        EntityEntry entry, Func<string, bool> tracked, Func<string, object?, string?> display)
    {
        foreach (var property in entry.Properties)
        {
            var field = property.Metadata.Name;
            if (!property.IsModified || !tracked(field) || Equals(property.OriginalValue, property.CurrentValue)) continue;
            yield return (field, display(field, property.OriginalValue), display(field, property.CurrentValue));
        }
    }

    private static FieldChange Change(IAreaBound area, string entityType, int entityId, int? householdId, string subject,
        string field, string? oldValue, string? newValue) =>
        Change(area.CountyId, area.TownshipId, area.VillageId, entityType, entityId, householdId, subject, field, oldValue, newValue);

    private static FieldChange Change(int countyId, int townshipId, int? villageId, string entityType, int entityId, int? householdId,
        string subject, string field, string? oldValue, string? newValue) => new()
    {
        CountyId = countyId,
        TownshipId = townshipId,
        VillageId = villageId,
        HouseholdId = householdId,
        EntityType = entityType,
        EntityId = entityId,
        Subject = subject,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
    };
}
