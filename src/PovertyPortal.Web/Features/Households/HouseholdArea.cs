using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// Moves a household to another village (a re-drawn boundary, a correction): the area ids its members, status
/// steps, records, pairings and field history carry move with it in the same save, so scope filters keep finding
/// them together.
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
        // A pairing is the household's help wherever it lives, so it and its plans go along. Its cadre stays by name and
        // unit; the link to a member of the old village's team goes, since a pairing links only its own village's team
        // (SavePairing). Visits (WorkLogHousehold) stay with their work log: they are the old team's past work.
        foreach (var pairing in await db.Pairings.Include(p => p.Plans).Where(p => p.HouseholdId == household.Id).ToListAsync(cancellationToken))
        {
            (pairing.CountyId, pairing.TownshipId, pairing.VillageId) = (village.CountyId, village.TownshipId, village.Id);
            pairing.WorkTeamMemberId = null;
            foreach (var plan in pairing.Plans) (plan.CountyId, plan.TownshipId, plan.VillageId) = (village.CountyId, village.TownshipId, village.Id);
        }
        // Its finished procedures go along; an open one keeps it where it is (SaveHousehold), its notice being the old village's.
        foreach (var procedure in await db.ProcedureCases.Where(c => c.HouseholdId == household.Id).ToListAsync(cancellationToken))
        {
            (procedure.CountyId, procedure.TownshipId, procedure.VillageId) = (village.CountyId, village.TownshipId, village.Id);
        }
        foreach (var change in await db.FieldChanges.Where(c => c.HouseholdId == household.Id).ToListAsync(cancellationToken))
        {
            (change.CountyId, change.TownshipId, change.VillageId) = (village.CountyId, village.TownshipId, village.Id);
        }
    }
}
