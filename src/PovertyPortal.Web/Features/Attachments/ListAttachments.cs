using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.VillageWork;

namespace PovertyPortal.Web.Features.Attachments;

/// <summary>The attachments of one work log or project visible to the user.</summary>
public sealed class ListAttachments(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(int Id, string FileName, string ContentType, long Size, DateTimeOffset CreatedAt, string? CreatedBy);

    public async Task<IReadOnlyList<Row>> HandleAsync(AttachmentOwner owner, int ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == owner && a.OwnerId == ownerId)
            .Select(a => new Row(a.Id, a.FileName, a.ContentType, a.Size, a.CreatedAt, a.CreatedBy)).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Id).ToList();
    }
}
