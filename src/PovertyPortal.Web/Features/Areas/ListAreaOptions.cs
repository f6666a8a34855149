using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Areas;

/// <summary>The counties, townships, villages and village groups inside the user's scope, for pickers.</summary>
public sealed class ListAreaOptions(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record AreaOption(int Id, int? ParentId, string Name, string AdminCode);

    public sealed record Result(IReadOnlyList<AreaOption> Counties, IReadOnlyList<AreaOption> Townships,
        IReadOnlyList<AreaOption> Villages, IReadOnlyList<AreaOption> Groups);

    public async Task<Result> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counties = await db.Counties.Where(c => !c.IsRetired).OrderBy(c => c.AdminCode)
            .Select(c => new AreaOption(c.Id, null, c.Name, c.AdminCode)).ToListAsync(cancellationToken);
        var townships = await db.Townships.Where(t => !t.IsRetired).OrderBy(t => t.AdminCode)
            .Select(t => new AreaOption(t.Id, t.CountyId, t.Name, t.AdminCode)).ToListAsync(cancellationToken);
        var villages = await db.Villages.Where(v => !v.IsRetired).OrderBy(v => v.AdminCode)
            .Select(v => new AreaOption(v.Id, v.TownshipId, v.Name, v.AdminCode)).ToListAsync(cancellationToken);
        var groups = await db.VillageGroups.OrderBy(g => g.VillageId).ThenBy(g => g.SortOrder)
            .Select(g => new AreaOption(g.Id, g.VillageId, g.Name, "")).ToListAsync(cancellationToken);
        return new Result(counties, townships, villages, groups);
    }
}
