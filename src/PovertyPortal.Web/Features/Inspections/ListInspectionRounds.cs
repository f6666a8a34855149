using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>The rounds of the user's county (all counties for a system administrator), newest first, with their counts.</summary>
public sealed class ListInspectionRounds(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(int Id, string Title, int Year, DateOnly StartDate, DateOnly EndDate, InspectionRoundStatus Status,
        string CountyName, int Pairs, int Sampled);

    public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InspectionRounds.AsNoTracking()
            .OrderByDescending(r => r.StartDate).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Title, r.Year, r.StartDate, r.EndDate, r.Status,
                db.Counties.Where(c => c.Id == r.CountyId).Select(c => c.Name).FirstOrDefault() ?? "",
                r.Pairs.Count,
                db.SampledHouseholds.Count(s => s.InspectionRoundId == r.Id && !s.IsWithdrawn)))
            .ToListAsync(cancellationToken);
    }
}
