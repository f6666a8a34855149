using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// The records kept per household besides the register (incomes, benefits, microloans, assurance checks) carry their
/// household's area ids: they move with it. Called by <see cref="HouseholdArea.MoveAsync"/>.
/// </summary>
public static class HouseholdRecordsArea
{
    public static async Task MoveAsync(PortalDbContext db, int householdId, Village village, CancellationToken cancellationToken)
    {
        var (county, township, id) = (village.CountyId, village.TownshipId, village.Id);
        foreach (var r in await db.IncomeRecords.Where(r => r.HouseholdId == householdId).ToListAsync(cancellationToken))
            (r.CountyId, r.TownshipId, r.VillageId) = (county, township, id);
        foreach (var r in await db.BenefitRecords.Where(r => r.HouseholdId == householdId).ToListAsync(cancellationToken))
            (r.CountyId, r.TownshipId, r.VillageId) = (county, township, id);
        foreach (var r in await db.Microloans.Where(r => r.HouseholdId == householdId).ToListAsync(cancellationToken))
            (r.CountyId, r.TownshipId, r.VillageId) = (county, township, id);
        foreach (var c in await db.AssuranceChecks.Include(c => c.Items).Where(c => c.HouseholdId == householdId).ToListAsync(cancellationToken))
        {
            (c.CountyId, c.TownshipId, c.VillageId) = (county, township, id);
            foreach (var i in c.Items) (i.CountyId, i.TownshipId, i.VillageId) = (county, township, id);
        }
    }
}
