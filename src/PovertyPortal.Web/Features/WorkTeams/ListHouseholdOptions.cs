using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>The registered households of a village to pick from (visits, pairings): number and head's name only.</summary>
public sealed class ListHouseholdOptions(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record HouseholdOption(int Id, string HouseholdNumber, string HeadName)
    {
        public override string ToString() => $"{HeadName}（{HouseholdNumber}）";
    }

    public async Task<IReadOnlyList<HouseholdOption>> HandleAsync(int villageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Households.Where(h => h.VillageId == villageId).OrderBy(h => h.HouseholdNumber)
            .Select(h => new HouseholdOption(h.Id, h.HouseholdNumber,
                h.Members.Where(m => m.Relationship == Relationship.Head && !m.IsDeceased).Select(m => m.Name).FirstOrDefault() ?? ""))
            .ToListAsync(cancellationToken);
    }
}
