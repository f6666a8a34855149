using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Snapshots;

namespace PovertyPortal.Web.Features.Snapshots;

/// <summary>The year-end snapshots of the counties in the user's scope, newest year first, with the county's name.</summary>
public sealed class ListYearEndSnapshots(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Item(YearEndSnapshot Snapshot, string CountyName);

    public async Task<IReadOnlyList<Item>> HandleAsync(int? countyId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.YearEndSnapshots.AsNoTracking().Where(s => countyId == null || s.CountyId == countyId)
            .Join(db.Counties, s => s.CountyId, c => c.Id, (s, c) => new Item(s, c.Name))
            .OrderByDescending(i => i.Snapshot.Year).ThenBy(i => i.Snapshot.CountyId)
            .ToListAsync(cancellationToken);
    }
}
