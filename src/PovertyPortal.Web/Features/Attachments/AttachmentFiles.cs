using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Web.Features.Attachments;

/// <summary>
/// Where attachment files live (decision 0007: on disk under the data folder, facts in the database) and how they
/// go: the rows in the transaction of whatever is deleted, the files only after it committed.
/// </summary>
public static class AttachmentFiles
{
    public static string Directory(PortalPaths paths)
    {
        var directory = paths.AttachmentsDirectory;
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    public static string PathOf(PortalPaths paths, Attachment attachment) => Path.Combine(Directory(paths), attachment.StoredName);

    /// <summary>The audit entry's target: the village, or the township for a file of a township-level problem.</summary>
    public static string AuditTarget(Attachment attachment) =>
        attachment.VillageId is int village ? $"村 {village} · 附件 {attachment.Id}" : $"乡镇 {attachment.TownshipId} · 附件 {attachment.Id}";

    /// <summary>Deletes a work log or project with its attachments: the rows in one save, then the files.</summary>
    public static async Task DeleteWithOwnerAsync(PortalDbContext db, PortalPaths paths, object owner, AttachmentOwner ownerType, int ownerId,
        CancellationToken cancellationToken)
    {
        var attachments = await db.Attachments.Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId).ToListAsync(cancellationToken);
        db.Attachments.RemoveRange(attachments);
        db.Remove(owner);
        await SaveThenDeleteFilesAsync(db, paths, attachments, cancellationToken);
    }

    /// <summary>Deletes one attachment: its row, then its file.</summary>
    public static async Task DeleteAsync(PortalDbContext db, PortalPaths paths, Attachment attachment, CancellationToken cancellationToken)
    {
        db.Attachments.Remove(attachment);
        await SaveThenDeleteFilesAsync(db, paths, [attachment], cancellationToken);
    }

    // Files after the rows: a failed save leaves both, a failed file delete leaves only a file nobody can reach.
    private static async Task SaveThenDeleteFilesAsync(PortalDbContext db, PortalPaths paths, IEnumerable<Attachment> attachments, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        foreach (var attachment in attachments) File.Delete(PathOf(paths, attachment));
    }
}
