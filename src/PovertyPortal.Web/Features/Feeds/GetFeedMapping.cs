using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Feeds;

namespace PovertyPortal.Web.Features.Feeds;

/// <summary>
/// The column mapping a department's list was last read by in the user's area, proposed again at its next upload: the
/// departments send the same layout month after month. Kept with each batch, so a mapping is saved by uploading.
/// </summary>
public sealed class GetFeedMapping(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyDictionary<FeedField, string>?> HandleAsync(FeedDepartment department, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var json = await db.FeedBatches.AsNoTracking().Where(b => b.Department == department && b.Name == name)
            .OrderByDescending(b => b.Id).Select(b => b.Mapping).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : ColumnMapping.Read<FeedField>(json);
    }

    /// <summary>The names of the 其他 lists uploaded before, to pick again.</summary>
    public async Task<IReadOnlyList<string>> OtherNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.FeedBatches.AsNoTracking().Where(b => b.Department == FeedDepartment.Other)
            .Select(b => b.Name).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
    }
}
