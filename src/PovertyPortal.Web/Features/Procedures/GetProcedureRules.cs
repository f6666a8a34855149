using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>The rules of the user's county (the defaults until the county saves its own).</summary>
public sealed class GetProcedureRules(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Result(int CountyId, string CountyName, ProcedureRules Rules, bool IsDefault);

    public async Task<Result?> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var county = await db.Counties.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(cancellationToken);
        if (county is null) return null;
        var saved = await db.ProcedureRules.AsNoTracking().FirstOrDefaultAsync(r => r.CountyId == county.Id, cancellationToken);
        return new(county.Id, county.Name, saved ?? ProcedureRules.Defaults(county.Id), saved is null);
    }
}
