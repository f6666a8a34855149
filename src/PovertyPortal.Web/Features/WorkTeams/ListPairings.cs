using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>A village's pairings with their households and plans; the cadre's ID number only masked.</summary>
public sealed class ListPairings(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(int Id, int HouseholdId, string HouseholdNumber, string? HeadName, string CadreName, string? CadreUnit,
        string CadreResidentIdMasked, int? WorkTeamMemberId, DateOnly StartDate, DateOnly? EndDate, IReadOnlyList<PlanRow> Plans, Guid Version = default);

    public sealed record PlanRow(int Id, int Year, string Measure, string ResponsiblePerson, DateOnly? TargetDate, bool Done, Guid Version = default);

    public async Task<IReadOnlyList<Row>> HandleAsync(int villageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Pairings.AsNoTracking().Where(p => p.VillageId == villageId).Include(p => p.Plans)
            .Select(p => new
            {
                Pairing = p,
                Household = db.Households.Where(h => h.Id == p.HouseholdId).Select(h => new
                {
                    h.HouseholdNumber,
                    Head = h.Members.Where(m => m.Relationship == Relationship.Head && !m.IsDeceased).Select(m => m.Name).FirstOrDefault(),
                }).First(),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Household.HouseholdNumber, StringComparer.Ordinal).Select(r => new Row(
            r.Pairing.Id, r.Pairing.HouseholdId, r.Household.HouseholdNumber, r.Household.Head, r.Pairing.CadreName, r.Pairing.CadreUnit,
            ResidentId.Mask(r.Pairing.CadreResidentId), r.Pairing.WorkTeamMemberId, r.Pairing.StartDate, r.Pairing.EndDate,
            r.Pairing.Plans.OrderBy(p => p.Year).ThenBy(p => p.Id).Select(p => new PlanRow(p.Id, p.Year, p.Measure, p.ResponsiblePerson, p.TargetDate, p.Done, p.Version)).ToList(),
            r.Pairing.Version)).ToList();
    }
}
