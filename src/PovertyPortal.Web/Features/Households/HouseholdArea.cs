using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// Moves a household to another village (a re-drawn boundary, a correction): the area ids its members, status
/// steps and field history carry move with it, so scope filters keep finding them together.
/// </summary>
public static class HouseholdArea
{
    public static async Task MoveAsync(PortalDbContext db, Household household, Village village, CancellationToken cancellationToken)
    {
        if (household.VillageId == village.Id && household.CountyId == village.CountyId) return;
        (household.CountyId, household.TownshipId, household.VillageId) = (village.CountyId, village.TownshipId, village.Id);
        if (household.Id == 0) return;

        foreach (var member in await db.Members.Where(m => m.HouseholdId == household.Id).ToListAsync(cancellationToken))
        {
            (member.CountyId, member.TownshipId, member.VillageId) = (village.CountyId, village.TownshipId, village.Id);
        }
        foreach (var step in await db.HouseholdStatusChanges.Where(s => s.HouseholdId == household.Id).ToListAsync(cancellationToken))
        {
            (step.CountyId, step.TownshipId, step.VillageId) = (village.CountyId, village.TownshipId, village.Id);
        }
        await HouseholdRecordsArea.MoveAsync(db, household.Id, village, cancellationToken);
        foreach (var change in await db.FieldChanges.Where(c => c.HouseholdId == household.Id).ToListAsync(cancellationToken))
        {
            (change.CountyId, change.TownshipId, change.VillageId) = (village.CountyId, village.TownshipId, village.Id);
        }
    }
}
