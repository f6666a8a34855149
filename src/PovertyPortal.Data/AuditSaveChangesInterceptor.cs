using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data;

/// <summary>
/// Before every save: stamps audit fields from <see cref="TimeProvider"/>, renews concurrency tokens, and refuses
/// to write an area-bound row outside the scope of the context (the write-side twin of the query filters).
/// </summary>
public sealed class AuditSaveChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
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
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;

            if (entry.Entity is IAreaBound bound && !db.Scope.Contains(bound.CountyId, bound.TownshipId, bound.VillageId))
            {
                throw new OutOfScopeException($"无权修改管辖范围以外的数据（{entry.Metadata.ClrType.Name}）");
            }

            if (entry.Entity is IAuditable audited)
            {
                if (entry.State == EntityState.Added)
                {
                    audited.CreatedAt = now;
                    audited.CreatedBy = db.ActingUserName;
                }
                else
                {
                    audited.UpdatedAt = now;
                    audited.UpdatedBy = db.ActingUserName;
                }
            }

            switch (entry.Entity)
            {
                case Household h: h.Version = Guid.NewGuid(); break;
                case Member m: m.Version = Guid.NewGuid(); break;
            }
        }
    }
}
