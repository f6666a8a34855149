using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Income;

namespace PovertyPortal.Web.Features.Income;

/// <summary>Which poverty line applies: the province's own for the year when there is one, else the nationwide one.</summary>
public static class PovertyLines
{
    public static async Task<PovertyLine?> ForAsync(PortalDbContext db, string? province, int year, CancellationToken cancellationToken)
    {
        var lines = await db.PovertyLines.AsNoTracking()
            .Where(l => l.Year == year && (l.Province == PovertyLine.Nationwide || l.Province == province))
            .ToListAsync(cancellationToken);
        return Pick(lines, province);
    }

    /// <summary>Lines of several years at once, keyed by year.</summary>
    public static async Task<Dictionary<int, PovertyLine>> ForYearsAsync(PortalDbContext db, string? province, IEnumerable<int> years,
        CancellationToken cancellationToken)
    {
        var wanted = years.Distinct().ToList();
        var lines = await db.PovertyLines.AsNoTracking()
            .Where(l => wanted.Contains(l.Year) && (l.Province == PovertyLine.Nationwide || l.Province == province))
            .ToListAsync(cancellationToken);
        return lines.GroupBy(l => l.Year).ToDictionary(g => g.Key, g => Pick(g, province)!);
    }

    /// <summary>
    /// The year's line of every county in the user's scope, as the counties that share each line (one group unless
    /// counties of several provinces are in scope); counties without a line for the year are left out.
    /// </summary>
    public static async Task<IReadOnlyList<(PovertyLine Line, IReadOnlyList<int> CountyIds)>> ByCountyAsync(PortalDbContext db, int year,
        CancellationToken cancellationToken)
    {
        var counties = await db.Counties.Select(c => new { c.Id, c.Province }).ToListAsync(cancellationToken);
        var lines = await db.PovertyLines.AsNoTracking().Where(l => l.Year == year).ToListAsync(cancellationToken);
        return counties.Select(c => (Line: Pick(lines, c.Province), c.Id))
            .Where(c => c.Line is not null)
            .GroupBy(c => c.Line!)
            .Select(g => (g.Key, (IReadOnlyList<int>)g.Select(c => c.Id).ToList()))
            .ToList();
    }

    public static PovertyLine? Pick(IEnumerable<PovertyLine> lines, string? province) =>
        lines.OrderBy(l => l.Province == province ? 0 : 1).FirstOrDefault(l => l.Province == province || l.Province == PovertyLine.Nationwide);

    public static async Task<string?> ProvinceOfCountyAsync(PortalDbContext db, int countyId, CancellationToken cancellationToken) =>
        await db.Counties.IgnoreQueryFilters().Where(c => c.Id == countyId).Select(c => c.Province).FirstOrDefaultAsync(cancellationToken);
}
