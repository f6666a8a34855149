using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>工作日志 counts by type and year for a village: the figures of 四、主要做法 ("入户走访N次").</summary>
public sealed class CountWorkLogs(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Count(int Year, WorkLogType Type, string Label, int Logs, int HouseholdsVisited);

    public async Task<IReadOnlyList<Count>> HandleAsync(int villageId, int? year = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var logs = db.WorkLogs.Where(l => l.VillageId == villageId);
        var visits = db.WorkLogHouseholds.Where(h => h.VillageId == villageId);
        if (year is int y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            logs = logs.Where(l => l.Date >= from && l.Date <= to);
            visits = visits.Where(h => h.WorkLog!.Date >= from && h.WorkLog.Date <= to);
        }
        var counts = await logs.GroupBy(l => new { l.Date.Year, l.Type })
            .Select(g => new { g.Key.Year, g.Key.Type, Logs = g.Count() })
            .ToListAsync(cancellationToken);
        var visited = await visits.GroupBy(h => new { h.WorkLog!.Date.Year, h.WorkLog.Type })
            .Select(g => new { g.Key.Year, g.Key.Type, Households = g.Count() })
            .ToDictionaryAsync(g => (g.Year, g.Type), g => g.Households, cancellationToken);
        return counts.OrderBy(r => r.Year).ThenBy(r => r.Type)
            .Select(r => new Count(r.Year, r.Type, r.Type.Label(), r.Logs, visited.GetValueOrDefault((r.Year, r.Type)))).ToList();
    }
}
