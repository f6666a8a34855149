using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>A county's checklist template, seeded from <see cref="Checklists.DefaultTemplate"/> the first time a county needs one.</summary>
public static class CountyChecklistTemplate
{
    /// <summary>The county's template items in use (retired ones left out), in area and item order; saved first when the county had none.</summary>
    public static async Task<List<ChecklistTemplateItem>> EnsureAsync(PortalDbContext db, int countyId, CancellationToken cancellationToken)
    {
        var items = await db.ChecklistTemplateItems.Where(i => i.CountyId == countyId).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            items = Checklists.DefaultTemplate(countyId);
            db.ChecklistTemplateItems.AddRange(items);
            await db.SaveChangesAsync(cancellationToken);
        }
        return items.Where(i => !i.IsRetired).OrderBy(i => i.Area).ThenBy(i => i.Order).ThenBy(i => i.Id).ToList();
    }
}
