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
        var snapshots = await db.YearEndSnapshots.AsNoTracking().Where(s => countyId == null || s.CountyId == countyId)
            .OrderByDescending(s => s.Year).ThenBy(s => s.CountyId).ToListAsync(cancellationToken);
        var names = await db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return snapshots.Select(s => new Item(s, names.GetValueOrDefault(s.CountyId, ""))).ToList();
    }
}
