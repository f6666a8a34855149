using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
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
    /// <summary>Where an attachment lies: its owner's area (a township-level owner has no village).</summary>
    public sealed record Place(int CountyId, int TownshipId, int? VillageId);

    public async Task<CommandResult<int>> HandleAsync(AttachmentOwner owner, int ownerId, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return new(CommandResult.Fail("您的角色不能上传附件"), 0);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var place = owner switch
        {
            AttachmentOwner.WorkLog => await db.WorkLogs.Where(l => l.Id == ownerId)
                .Select(l => new Place(l.CountyId, l.TownshipId, l.VillageId)).FirstOrDefaultAsync(cancellationToken),
            AttachmentOwner.Project => await db.VillageProjects.Where(p => p.Id == ownerId)
                .Select(p => new Place(p.CountyId, p.TownshipId, p.VillageId)).FirstOrDefaultAsync(cancellationToken),
            // A problem's evidence is uploaded with its text by Rectification.AddProblemEvidence, in one save.
            _ => null,
        };
        if (place is null) return new(CommandResult.Fail("附件所属的记录不存在或不在您的管辖范围内"), 0);
        var (outcome, attachment, path) = await StoreAsync(db, paths, place, owner, ownerId, fileName, content, cancellationToken);
        if (attachment is null) return new(outcome, 0);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No file without its row: the folder holds only what the database knows.
            File.Delete(path!);
            throw;
        }
        return new(CommandResult.Success, attachment.Id);
    }

    /// <summary>
    /// Checks the file (size, kind by its bytes), writes it to the attachment folder and adds its row to
    /// <paramref name="db"/> without saving; the caller saves and deletes the file at <c>Path</c> when the save fails.
    /// </summary>
    public static async Task<(CommandResult Outcome, Attachment? Attachment, string? Path)> StoreAsync(PortalDbContext db, PortalPaths paths,
        Place place, AttachmentOwner owner, int ownerId, string? fileName, Stream content, CancellationToken cancellationToken)
    {
        // Read at most one byte past the limit: enough to know the file is too large, without reading all of it.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > AttachmentContent.MaxBytes) return (CommandResult.Fail("File", AttachmentContent.TooLarge), null, null);
        }
        if (buffer.Length == 0) return (CommandResult.Fail("File", "附件是空文件"), null, null);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (AttachmentContent.Sniff(bytes.Span[..Math.Min(16, bytes.Length)]) is not var (contentType, extension))
        {
            return (CommandResult.Fail("File", AttachmentContent.NotAllowed), null, null);
        }

        var storedName = $"{Guid.NewGuid():N}{extension}";
        var path = Path.Combine(AttachmentFiles.Directory(paths), storedName);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        var attachment = new Attachment
        {
            CountyId = place.CountyId, TownshipId = place.TownshipId, VillageId = place.VillageId,
            OwnerType = owner, OwnerId = ownerId,
            FileName = AttachmentContent.CleanFileName(fileName, extension),
            ContentType = contentType, Size = bytes.Length, StoredName = storedName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.Span)),
        };
        db.Attachments.Add(attachment);
        return (CommandResult.Success, attachment, path);
    }
}
