using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 抽样名单 of one pair, village by village: the household's number and head's name only (no ID numbers or phones),
/// its category, how it came in and why; swapped-out households stay in the list, marked.
/// </summary>
public sealed class ListSample(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(int HouseholdId, int VillageId, string VillageName, string HouseholdNumber, string HeadName,
        SampleCategory Category, SampleOrigin Origin, string? Reason, bool IsWithdrawn, string? WithdrawnReason, bool Started);

    public async Task<IReadOnlyList<Row>> HandleAsync(int pairId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
            from s in db.SampledHouseholds
            join h in db.Households on s.HouseholdId equals h.Id
            join v in db.Villages on s.VillageId equals v.Id
            where s.InspectionPairId == pairId
            orderby v.AdminCode, s.IsWithdrawn, s.Category, h.HouseholdNumber
            select new Row(s.HouseholdId, s.VillageId, v.Name, h.HouseholdNumber,
                h.Members.Where(m => m.Relationship == Relationship.Head && !m.IsDeceased).Select(m => m.Name).FirstOrDefault() ?? "",
                s.Category, s.Origin, s.Reason, s.IsWithdrawn, s.WithdrawnReason, s.VisitMode != null || s.CompletedAt != null))
            .AsNoTracking().ToListAsync(cancellationToken);
    }
}
