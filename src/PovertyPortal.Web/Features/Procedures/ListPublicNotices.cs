using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>The notices of the user's scope, newest first, with their households and open objections.</summary>
public sealed class ListPublicNotices(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public sealed record Row(int Id, string VillageName, string TownshipName, string BatchLabel, DateOnly StartsOn, DateOnly EndsOn, bool Ended,
        int Cases, int OpenObjections, int Objections);

    public async Task<IReadOnlyList<Row>> HandleAsync(int? villageId = null, CancellationToken cancellationToken = default)
    {
        var today = PortalYears.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notices = db.PublicNotices.AsNoTracking();
        if (villageId is int v) notices = notices.Where(n => n.VillageId == v);
        var rows = await notices.OrderByDescending(n => n.StartsOn).ThenByDescending(n => n.Id).Take(200)
            .Select(n => new
            {
                n.Id, n.VillageId, n.TownshipId, n.Year, n.Batch, n.StartsOn, n.EndsOn,
                Cases = db.ProcedureCases.Count(c => c.PublicNoticeId == n.Id),
                Open = n.Objections.Count(o => o.Answer == null),
                All = n.Objections.Count,
            }).ToListAsync(cancellationToken);
        var villages = await db.Villages.ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var townships = await db.Townships.ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        return rows.Select(n => new Row(n.Id, villages.GetValueOrDefault(n.VillageId, ""), townships.GetValueOrDefault(n.TownshipId, ""),
            $"{n.Year}年第{n.Batch}批", n.StartsOn, n.EndsOn, today > n.EndsOn, n.Cases, n.Open, n.All)).ToList();
    }
}
