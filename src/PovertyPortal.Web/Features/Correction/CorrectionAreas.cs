using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>The townships of the correction scope, for names and pickers.</summary>
public static class CorrectionAreas
{
    public sealed record TownshipOption(int Id, int CountyId, string Name);

    /// <summary>
    /// Unfiltered on purpose: a correction user's poverty scope is empty (decision 0029), so the area filters would hide
    /// every township; the correction scope decides here instead. Names of places only, nothing of the register.
    /// </summary>
    public static Task<List<TownshipOption>> TownshipsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var scope = db.CorrectionScope;
        return db.Townships.IgnoreQueryFilters().AsNoTracking()
            .Where(t => scope.Unrestricted || (t.CountyId == scope.CountyId && (scope.TownshipId == null || t.Id == scope.TownshipId)))
            .OrderBy(t => t.AdminCode).Select(t => new TownshipOption(t.Id, t.CountyId, t.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The correction rows of the scope with its area ids repeated as plain equalities, which the indexes serve (the filter's OR cannot).</summary>
    public static IQueryable<T> Within<T>(IQueryable<T> rows, PortalDbContext db, int? townshipId = null) where T : Domain.Correction.ICorrectionBound
    {
        var scope = db.CorrectionScope;
        if (scope.CountyId is int county) rows = rows.Where(r => r.CountyId == county);
        if ((scope.TownshipId ?? townshipId) is int township) rows = rows.Where(r => r.TownshipId == township);
        return rows;
    }
}
