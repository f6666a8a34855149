using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Feeds;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.Feeds;

public enum HomeCheckFilter
{
    Open,
    Overdue,
    Done,
    All,
}

/// <summary>
/// 入户核实任务 of the user's area (a village team its village's, a township official the township's, the county all),
/// scoped by the query filter of the tasks (decision 0001); overdue ones flagged; IDs masked.
/// </summary>
public sealed class ListHomeChecks(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Rows listed at most: a county's month of lists is a few hundred tasks; a village's a handful.</summary>
    public const int MaxListed = 1_000;

    public sealed record Query(HomeCheckFilter Filter = HomeCheckFilter.Open, int? FeedBatchId = null);

    public sealed record Item(int Id, string BatchTitle, FeedDepartment Department, string PersonName, string ResidentIdMasked,
        string Village, FeedMatch Match, DateOnly DueOn, bool Overdue, HomeCheckOutcome? Outcome, DateOnly? CheckedOn);

    public async Task<IReadOnlyList<Item>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        var today = PortalYears.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tasks = db.HomeCheckTasks.AsNoTracking();
        if (query.FeedBatchId is int batchId) tasks = tasks.Where(t => t.FeedBatchId == batchId);
        tasks = query.Filter switch
        {
            HomeCheckFilter.Open => tasks.Where(t => t.Outcome == null),
            HomeCheckFilter.Overdue => tasks.Where(t => t.Outcome == null && t.DueOn < today),
            HomeCheckFilter.Done => tasks.Where(t => t.Outcome != null),
            _ => tasks,
        };
        // The batch's title comes from its name, year and month: the batch itself is not visible to a village team.
        var rows = await tasks.Join(db.Villages, t => t.VillageId, v => v.Id, (t, v) => new
            {
                t.Id, t.FeedBatchId, t.Department, t.PersonName, t.ResidentId, Village = v.Name, t.Match, t.DueOn, t.Outcome, t.CheckedOn,
            })
            .OrderBy(t => t.Outcome != null).ThenBy(t => t.DueOn).ThenBy(t => t.Id).Take(MaxListed)
            .ToListAsync(cancellationToken);
        var titles = await BatchTitlesAsync(db, rows.Select(r => r.FeedBatchId).Distinct().ToList(), cancellationToken);
        return rows.Select(r => new Item(r.Id, titles.GetValueOrDefault(r.FeedBatchId, ""), r.Department, r.PersonName, ResidentId.Mask(r.ResidentId),
                r.Village, r.Match, r.DueOn, r.Outcome is null && today > r.DueOn, r.Outcome, r.CheckedOn))
            .ToList();
    }

    /// <summary>
    /// The titles of the tasks' batches. Unfiltered on purpose: a village team sees its tasks but not the department's
    /// list; the title (department and month) says nothing of anyone, and only batches of tasks the user sees are named.
    /// </summary>
    internal static Task<Dictionary<int, string>> BatchTitlesAsync(PortalDbContext db, List<int> batchIds, CancellationToken ct) =>
        db.FeedBatches.IgnoreQueryFilters().AsNoTracking().Where(b => batchIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Name, b.Year, b.Month })
            .ToDictionaryAsync(b => b.Id, b => FeedBatch.Titled(b.Name, b.Year, b.Month), ct);
}
