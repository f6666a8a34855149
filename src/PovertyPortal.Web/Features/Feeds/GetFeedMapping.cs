using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Feeds;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Feeds;

/// <summary>
/// The column mapping a department's list was last read by in the user's county, proposed again at its next upload: the
/// departments send the same layout month after month. Kept with each batch, so a mapping is saved by uploading.
/// </summary>
public sealed class GetFeedMapping(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<IReadOnlyDictionary<FeedField, string>?> HandleAsync(FeedDepartment department, string name, CancellationToken cancellationToken = default)
    {
        if (currentUser.Scope.CountyId is not int countyId) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var json = await InCounty(db, countyId).Where(b => b.Department == department && b.Name == name)
            .OrderByDescending(b => b.Id).Select(b => b.Mapping).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : ColumnMapping.Read<FeedField>(json);
    }

    /// <summary>The names of the 其他 lists uploaded before in the county, to pick again.</summary>
    public async Task<IReadOnlyList<string>> OtherNamesAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.Scope.CountyId is not int countyId) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InCounty(db, countyId).Where(b => b.Department == FeedDepartment.Other)
            .Select(b => b.Name).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Unfiltered on purpose, within the user's county: a layout is the county's, shared by its townships as 账账相符's
    /// saved mappings are, and only the headers and list names are read, never a row.
    /// </summary>
    private static IQueryable<FeedBatch> InCounty(PortalDbContext db, int countyId) =>
        db.FeedBatches.IgnoreQueryFilters().AsNoTracking().Where(b => b.CountyId == countyId);
}
