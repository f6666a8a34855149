using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// Names a scope the way users say it: 青石县 / 青石县白沙镇 / 青石县白沙镇板栗村. Kept for ten minutes: the sign-in cookie
/// is renewed every minute of use with this name in it, and with a thousand users those three queries were a tenth
/// of a busy server's processor (docs/benchmarks.md, issue 21). A renamed village shows in the header within ten minutes.
/// </summary>
public sealed class AreaNames(DbContextOptions<PortalDbContext> options, IMemoryCache cache)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    public async Task<string> DescribeAsync(AreaScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.Unrestricted) return "全部地区";
        if (scope.IsNone) return "";
        var key = (nameof(AreaNames), scope.CountyId, scope.TownshipId, scope.VillageId);
        if (cache.TryGetValue(key, out string? known) && known is not null) return known;
        var name = await ReadAsync(scope, cancellationToken);
        cache.Set(key, name, KeptFor);
        return name;
    }

    private async Task<string> ReadAsync(AreaScope scope, CancellationToken cancellationToken)
    {
        // Names of areas are not scoped data, and this runs before the user's own scope exists (at sign-in).
        await using var db = new PortalDbContext(options, new SystemScopeSource());
        var county = await db.Counties.Where(c => c.Id == scope.CountyId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        var township = scope.TownshipId is null ? null
            : await db.Townships.Where(t => t.Id == scope.TownshipId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        var village = scope.VillageId is null ? null
            : await db.Villages.Where(v => v.Id == scope.VillageId).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken);
        return string.Concat(county, township, village);
    }
}
