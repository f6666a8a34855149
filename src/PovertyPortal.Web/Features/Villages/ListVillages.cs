using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Web.Features.Areas;

namespace PovertyPortal.Web.Features.Villages;

/// <summary>The villages the user can see, with their township and registry size.</summary>
public sealed class ListVillages(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(int Id, string AdminCode, string Name, string TownshipName, bool IsPovertyVillage,
        int? PovertyExitYear, int RegisteredHouseholds);

    public async Task<IReadOnlyList<Row>> HandleAsync(int? townshipId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var villages = db.Villages.Where(v => !v.IsRetired);
        if (townshipId is not null) villages = villages.Where(v => v.TownshipId == townshipId);

        var counts = await db.Households.Where(GetAreaSummaries.IsRegisteredPoor)
            .GroupBy(h => h.VillageId)
            .Select(g => new { VillageId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.VillageId, x => x.Count, cancellationToken);

        var rows = await villages.OrderBy(v => v.AdminCode)
            .Select(v => new { v.Id, v.AdminCode, v.Name, Township = v.Township!.Name, v.IsPovertyVillage, v.PovertyExitYear })
            .ToListAsync(cancellationToken);
        return rows.Select(v => new Row(v.Id, v.AdminCode, v.Name, v.Township, v.IsPovertyVillage, v.PovertyExitYear,
            counts.GetValueOrDefault(v.Id))).ToList();
    }
}
