using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Reconciliation;

namespace PovertyPortal.Web.Features.Reconciliation;

/// <summary>The county's sources with their saved column mappings; the built-in kinds are offered whether saved or not.</summary>
public sealed class ListReconciliationSources(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Source(ReconciliationSourceKind Kind, string Name, IReadOnlyDictionary<ReconciliationField, string> Mapping, bool Saved);

    public async Task<IReadOnlyList<Source>> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.ReconciliationSources.AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var sources = new List<Source>();
        foreach (var kind in Enum.GetValues<ReconciliationSourceKind>().Where(k => k != ReconciliationSourceKind.Other))
        {
            var row = saved.FirstOrDefault(s => s.Kind == kind);
            sources.Add(new Source(kind, kind.Label(), row?.ReadMapping() ?? new Dictionary<ReconciliationField, string>(), row is not null));
        }
        sources.AddRange(saved.Where(s => s.Kind == ReconciliationSourceKind.Other).Select(s => new Source(s.Kind, s.Name, s.ReadMapping(), true)));
        return sources;
    }
}
