using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Areas;

/// <summary>
/// The administrative tree the user maintains: counties → townships → villages → village groups, retired ones
/// included (the page can hide them). Null for a user who may not maintain the tree.
/// </summary>
public sealed class GetAreaTree(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record CountyNode(int Id, string AdminCode, string Name, IReadOnlyList<TownshipNode> Townships);

    public sealed record TownshipNode(int Id, int CountyId, string AdminCode, string Name, bool IsRetired, IReadOnlyList<VillageNode> Villages);

    public sealed record VillageNode(int Id, int TownshipId, string AdminCode, string Name, bool IsPovertyVillage, int? PovertyExitYear,
        bool IsRetired, IReadOnlyList<GroupNode> Groups);

    public sealed record GroupNode(int Id, int VillageId, string Name, int SortOrder, bool IsRetired);

    public async Task<IReadOnlyList<CountyNode>?> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanMaintainAreas(currentUser.Role)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Four flat queries rather than one deep include: a county has a few hundred villages and a few thousand groups.
        var counties = await db.Counties.OrderBy(c => c.AdminCode).Select(c => new { c.Id, c.AdminCode, c.Name }).ToListAsync(cancellationToken);
        var townships = await db.Townships.OrderBy(t => t.AdminCode)
            .Select(t => new { t.Id, t.CountyId, t.AdminCode, t.Name, t.IsRetired }).ToListAsync(cancellationToken);
        var villages = await db.Villages.OrderBy(v => v.AdminCode)
            .Select(v => new { v.Id, v.TownshipId, v.AdminCode, v.Name, v.IsPovertyVillage, v.PovertyExitYear, v.IsRetired }).ToListAsync(cancellationToken);
        var groups = await db.VillageGroups.OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
            .Select(g => new GroupNode(g.Id, g.VillageId, g.Name, g.SortOrder, g.IsRetired)).ToListAsync(cancellationToken);

        var groupsByVillage = groups.ToLookup(g => g.VillageId);
        var villagesByTownship = villages.ToLookup(v => v.TownshipId,
            v => new VillageNode(v.Id, v.TownshipId, v.AdminCode, v.Name, v.IsPovertyVillage, v.PovertyExitYear, v.IsRetired,
                groupsByVillage[v.Id].ToList()));
        var townshipsByCounty = townships.ToLookup(t => t.CountyId,
            t => new TownshipNode(t.Id, t.CountyId, t.AdminCode, t.Name, t.IsRetired, villagesByTownship[t.Id].ToList()));
        return counties.Select(c => new CountyNode(c.Id, c.AdminCode, c.Name, townshipsByCounty[c.Id].ToList())).ToList();
    }
}
