using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Feeds;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Feeds;

/// <summary>
/// One batch with its rows and what the match found, IDs masked (decision 0014); the unmatched rows with why. The
/// item of a 医保 or 残联 list is health data: shown only to the roles that read health data.
/// </summary>
public sealed class GetFeedBatch(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record Row(int RowNumber, string? Name, string ResidentIdMasked, string? Village, string? Amount, string? Date, string? Item,
        FeedMatch Match, string? Reason, string? MatchedVillage, int? HouseholdId, int? HomeCheckTaskId);

    public sealed record Result(int Id, string Title, FeedDepartment Department, string FileName, DateOnly DueOn, DateTimeOffset UploadedAt,
        string? UploadedBy, IReadOnlyDictionary<FeedField, string> Mapping, IReadOnlyList<Row> Rows, bool ItemHidden);

    public async Task<Result?> HandleAsync(int batchId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var batch = await db.FeedBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null) return null;
        var hideItem = FeedFields.ItemIsHealth(batch.Department) && !PortalRoles.CanSeeHealthData(currentUser.Role);
        var villages = await db.Villages.AsNoTracking().Select(v => new { v.Id, v.Name, Township = v.Township!.Name })
            .ToDictionaryAsync(v => v.Id, v => v.Township + v.Name, cancellationToken);
        var rows = await db.FeedRows.AsNoTracking().Where(r => r.FeedBatchId == batchId).OrderBy(r => r.RowNumber).ToListAsync(cancellationToken);
        return new Result(batch.Id, batch.Title, batch.Department, batch.FileName, batch.DueOn, batch.CreatedAt, batch.CreatedBy,
            batch.ReadMapping(), rows.Select(r => new Row(r.RowNumber, r.Name, ResidentId.Mask(r.ResidentId), r.Village ?? r.Address ?? r.VillageCode,
                r.Amount, r.Date, hideItem ? null : r.Item, r.Match, r.Reason,
                r.MatchedVillageId is int v ? villages.GetValueOrDefault(v) : null, r.HouseholdId, r.HomeCheckTaskId)).ToList(), hideItem);
    }
}
