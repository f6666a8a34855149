using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// The county's checklist template for its editor; seeded from the default template the first time (a county that never
/// planned a round has none yet).
/// </summary>
public sealed class GetChecklistTemplate(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record Result(int CountyId, string CountyName, IReadOnlyList<ChecklistLine> Lines);

    /// <summary>Null when the user may not plan or the county is not in the scope.</summary>
    public async Task<Result?> HandleAsync(int? countyId = null, CancellationToken cancellationToken = default)
    {
        if (InspectionRoundCommands.Refusal(currentUser) is not null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (county, _) = await InspectionRoundCommands.CountyAsync(db, countyId, cancellationToken);
        if (county is not int id) return null;
        var items = await CountyChecklistTemplate.EnsureAsync(db, id, cancellationToken);
        var name = await db.Counties.Where(c => c.Id == id).Select(c => c.Name).FirstAsync(cancellationToken);
        return new Result(id, name, items.Select(ChecklistLine.From).ToList());
    }
}
