using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Feeds;

namespace PovertyPortal.Web.Features.Feeds;

/// <summary>The inbox: the area's batches, newest month first, with the counts of their match and of their tasks.</summary>
public sealed class ListFeedBatches(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Item(int Id, string Title, FeedDepartment Department, string FileName, string? Township, DateTimeOffset UploadedAt,
        string? UploadedBy, int Rows, int InRegister, int Near, int Unmatched, int TasksOpen, int TasksDone);

    public async Task<IReadOnlyList<Item>> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var batches = await db.FeedBatches.AsNoTracking().OrderByDescending(b => b.Year).ThenByDescending(b => b.Month).ThenBy(b => b.Department).ThenBy(b => b.Id)
            .Select(b => new
            {
                b.Id, b.Name, b.Year, b.Month, b.Department, b.FileName, b.TownshipId, b.CreatedAt, b.CreatedBy,
                b.RowCount, b.InRegisterCount, b.NearCount, b.UnmatchedCount,
            })
            .ToListAsync(cancellationToken);
        var ids = batches.Select(b => b.Id).ToList();
        // The tasks through the user's scope: a township official counts their township's tasks of a county batch.
        var tasks = await db.HomeCheckTasks.AsNoTracking().Where(t => ids.Contains(t.FeedBatchId))
            .GroupBy(t => t.FeedBatchId)
            .Select(g => new { Id = g.Key, Open = g.Count(t => t.Outcome == null), Done = g.Count(t => t.Outcome != null) })
            .ToDictionaryAsync(g => g.Id, cancellationToken);
        var townships = await db.Townships.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return batches.Select(b => new Item(b.Id, FeedBatch.Titled(b.Name, b.Year, b.Month), b.Department, b.FileName,
                b.TownshipId is int t ? townships.GetValueOrDefault(t) : null, b.CreatedAt, b.CreatedBy,
                b.RowCount, b.InRegisterCount, b.NearCount, b.UnmatchedCount,
                tasks.GetValueOrDefault(b.Id)?.Open ?? 0, tasks.GetValueOrDefault(b.Id)?.Done ?? 0))
            .ToList();
    }
}
