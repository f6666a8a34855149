using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Benefits;

namespace PovertyPortal.Web.Features.Benefits;

/// <summary>The program catalog in report order (group, then sort order); retired programs only when asked for.</summary>
public sealed class ListBenefitPrograms(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<BenefitProgram>> HandleAsync(bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.BenefitPrograms.AsNoTracking().Where(p => includeRetired || !p.IsRetired)
            .OrderBy(p => p.Group).ThenBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(cancellationToken);
    }
}
