using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Web.Features.Villages;

/// <summary>Every year's 村基本情况 of one village, newest first; empty when the village is outside the user's scope.</summary>
public sealed class ListVillageProfiles(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<VillageProfile>> HandleAsync(int villageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.VillageProfiles.AsNoTracking().Where(p => p.VillageId == villageId)
            .OrderByDescending(p => p.Year).ToListAsync(cancellationToken);
    }
}
