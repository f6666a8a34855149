using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Web.Features.Attachments;

/// <summary>
/// Attaches a photo or PDF to a work log or a project (decision 0007: files on disk under the data folder, facts in
/// the database). The owner must be visible to the user, which also gives the attachment its area.
/// </summary>
public sealed class UploadAttachment(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, PortalPaths paths)
{
    public async Task<CommandResult<int>> HandleAsync(AttachmentOwner owner, int ownerId, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return new(CommandResult.Fail("您的角色不能上传附件"), 0);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        IAreaBound? area = owner switch
        {
            AttachmentOwner.WorkLog => await db.WorkLogs.FirstOrDefaultAsync(l => l.Id == ownerId, cancellationToken),
            _ => await db.VillageProjects.FirstOrDefaultAsync(p => p.Id == ownerId, cancellationToken),
        };
        if (area is null) return new(CommandResult.Fail("附件所属的记录不存在或不在您的管辖范围内"), 0);

        // Read at most one byte past the limit: enough to know the file is too large, without reading all of it.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > AttachmentContent.MaxBytes) return new(CommandResult.Fail("File", AttachmentContent.TooLarge), 0);
        }
        if (buffer.Length == 0) return new(CommandResult.Fail("File", "附件是空文件"), 0);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (AttachmentContent.Sniff(bytes.Span[..Math.Min(16, bytes.Length)]) is not var (contentType, extension))
        {
            return new(CommandResult.Fail("File", AttachmentContent.NotAllowed), 0);
        }

        var storedName = $"{Guid.NewGuid():N}{extension}";
        var path = Path.Combine(AttachmentFiles.Directory(paths), storedName);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        var attachment = new Attachment
        {
            CountyId = area.CountyId, TownshipId = area.TownshipId, VillageId = area.VillageId,
            OwnerType = owner, OwnerId = ownerId,
            FileName = AttachmentContent.CleanFileName(fileName, extension),
            ContentType = contentType, Size = bytes.Length, StoredName = storedName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.Span)),
        };
        db.Attachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No file without its row: the folder holds only what the database knows.
            File.Delete(path);
            throw;
        }
        return new(CommandResult.Success, attachment.Id);
    }
}
