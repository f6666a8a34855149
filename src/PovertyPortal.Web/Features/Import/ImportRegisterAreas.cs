using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Web.Features.Import;

/// <summary>
/// The areas the user can see, for resolving the names written in a register file, and the new areas an import may
/// create. A new area gets the next free code under its parent; the county can correct it in 行政区划 later.
/// </summary>
internal sealed class ImportRegisterAreas(PortalDbContext db)
{
    public List<County> Counties { get; private set; } = [];
    public List<Township> Townships { get; private set; } = [];
    public List<Village> Villages { get; private set; } = [];
    public List<VillageGroup> Groups { get; private set; } = [];
    private HashSet<string> codes = [];

    public static async Task<ImportRegisterAreas> LoadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var areas = new ImportRegisterAreas(db)
        {
            Counties = await db.Counties.ToListAsync(cancellationToken),
            Townships = await db.Townships.ToListAsync(cancellationToken),
            Villages = await db.Villages.ToListAsync(cancellationToken),
            Groups = await db.VillageGroups.ToListAsync(cancellationToken),
        };
        // Codes are unique across counties too, so the free-code search looks past the scope.
        areas.codes = (await db.Townships.IgnoreQueryFilters().Select(t => t.AdminCode)
            .Concat(db.Villages.IgnoreQueryFilters().Select(v => v.AdminCode)).ToListAsync(cancellationToken)).ToHashSet();
        return areas;
    }

    public Township NewTownship(County county, string name)
    {
        var township = new Township { CountyId = county.Id, County = county, Name = name, AdminCode = FreeCode(county.AdminCode[..6], 101, "000") };
        Townships.Add(township);
        db.Townships.Add(township);
        return township;
    }

    public Village NewVillage(Township township, string name)
    {
        var village = new Village
        {
            CountyId = township.CountyId, TownshipId = township.Id, Township = township, Name = name,
            AdminCode = FreeCode(township.AdminCode[..9], 201, ""),
        };
        Villages.Add(village);
        db.Villages.Add(village);
        return village;
    }

    public VillageGroup NewGroup(Village village, string name)
    {
        var group = new VillageGroup
        {
            VillageId = village.Id, Village = village, Name = name,
            SortOrder = Groups.Where(g => g.VillageId == village.Id).Select(g => g.SortOrder).DefaultIfEmpty(0).Max() + 1,
        };
        Groups.Add(group);
        db.VillageGroups.Add(group);
        return group;
    }

    private string FreeCode(string prefix, int first, string suffix)
    {
        for (var n = first; n <= 999; n++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"{prefix}{n:000}{suffix}");
            if (codes.Add(code)) return code;
        }
        throw new InvalidOperationException($"代码{prefix}下已无可用编号");
    }
}
