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
        var directory = Path.Combine(paths.DataDirectory, "attachments");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    public static string PathOf(PortalPaths paths, Attachment attachment) => Path.Combine(Directory(paths), attachment.StoredName);

    /// <summary>Marks the attachment rows of a work log or project for removal with it; pass them to <see cref="Delete"/> after the save.</summary>
    public static async Task<IReadOnlyList<Attachment>> RemoveRowsAsync(PortalDbContext db, AttachmentOwner owner, int ownerId, CancellationToken cancellationToken)
    {
        var attachments = await db.Attachments.Where(a => a.OwnerType == owner && a.OwnerId == ownerId).ToListAsync(cancellationToken);
        db.Attachments.RemoveRange(attachments);
        return attachments;
    }

    /// <summary>
    /// Deletes the files of removed rows. Files after the rows: a failed save leaves both, a failed file delete
    /// leaves only a file nobody can reach.
    /// </summary>
    public static void Delete(PortalPaths paths, IEnumerable<Attachment> attachments)
    {
        foreach (var attachment in attachments) File.Delete(PathOf(paths, attachment));
    }
}
