using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// 问题整改 figures of the dashboard: per township (per village for a township official, with the township's own
/// problems as 乡镇本级) the problems, those still open, those overdue today, those awaiting the check, those closed,
/// and the cleared rate (closed of all). One grouped query; overdue is asked of the deadline, never stored.
/// </summary>
public sealed class GetProblemFigures(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary><see cref="AreaId"/> is a township or village id (see <see cref="Result.RowsAreVillages"/>); null for 乡镇本级.</summary>
    public sealed record Row(int? AreaId, string Name, int Total, int Open, int Overdue, int AwaitingCheck, int Closed)
    {
        /// <summary>销号率: closed of all, in percent; null when there is nothing to clear.</summary>
        public decimal? ClearedRate => Total == 0 ? null : Math.Round(100m * Closed / Total, 1);
    }

    public sealed record Result(bool RowsAreVillages, IReadOnlyList<Row> Rows, Row Total);

    /// <param name="countyId">One county, for a user whose scope holds several (the system administrator's dashboard).</param>
    public async Task<Result> HandleAsync(int? countyId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = PortalYears.Today(clock);
        var byVillage = db.Scope.TownshipId is not null;
        var problems = db.Problems.AsQueryable();
        if (countyId is int county) problems = problems.Where(p => p.CountyId == county);
        var groups = byVillage ? problems.GroupBy(p => p.VillageId) : problems.GroupBy(p => (int?)p.TownshipId);
        var counts = await groups
            .Select(g => new
            {
                AreaId = g.Key,
                Total = g.Count(),
                Open = g.Count(p => p.Status == ProblemStatus.Pending || p.Status == ProblemStatus.InProgress),
                Overdue = g.Count(p => (p.Status == ProblemStatus.Pending || p.Status == ProblemStatus.InProgress) && p.Deadline < today),
                AwaitingCheck = g.Count(p => p.Status == ProblemStatus.Fixed),
                Closed = g.Count(p => p.Status == ProblemStatus.Closed),
            })
            .ToListAsync(cancellationToken);
        var names = byVillage
            ? await db.Villages.ToDictionaryAsync(v => v.Id, v => (v.Name, v.AdminCode), cancellationToken)
            : await db.Townships.Where(t => countyId == null || t.CountyId == countyId).ToDictionaryAsync(t => t.Id, t => (t.Name, t.AdminCode), cancellationToken);
        var rows = counts
            .Select(c => new Row(c.AreaId, c.AreaId is int id ? names.GetValueOrDefault(id).Name ?? "" : "乡镇本级", c.Total, c.Open, c.Overdue, c.AwaitingCheck, c.Closed))
            .OrderBy(r => r.AreaId is int id ? names.GetValueOrDefault(id).AdminCode : "")
            .ToList();
        var total = new Row(null, "合计", rows.Sum(r => r.Total), rows.Sum(r => r.Open), rows.Sum(r => r.Overdue),
            rows.Sum(r => r.AwaitingCheck), rows.Sum(r => r.Closed));
        return new Result(byVillage, rows, total);
    }
}
