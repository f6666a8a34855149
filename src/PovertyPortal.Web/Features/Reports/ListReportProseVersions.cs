using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Reports;

namespace PovertyPortal.Web.Features.Reports;

/// <summary>The saved versions of the prose for a village and year, newest first.</summary>
public sealed class ListReportProseVersions(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ReportProseVersion>> HandleAsync(int villageId, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReportProseVersions.AsNoTracking().Where(p => p.VillageId == villageId && p.Year == year)
            .OrderByDescending(p => p.Version).ToListAsync(cancellationToken);
    }
}
