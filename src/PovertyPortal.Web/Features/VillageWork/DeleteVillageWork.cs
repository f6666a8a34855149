using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.WorkTeams;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Web.Features.VillageWork;

/// <summary>
/// Deletes a mistaken entry: a work log, a project, an industry, an income entry or one attachment. A log's or
/// project's attachments go with it (rows, then files). Teams and members are not deleted here: their attendance is
/// the record of the 五天四夜 rule; a team that ended gets an end date instead.
/// </summary>
public sealed class DeleteVillageWork(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, PortalPaths paths)
{
    public enum Kind
    {
        WorkLog,
        Project,
        Industry,
        CollectiveIncome,
        Attachment,
    }

    public async Task<CommandResult> HandleAsync(Kind kind, int id, CancellationToken cancellationToken = default)
    {
        if (!WorkTeamAccess.CanRecordWork(currentUser.Role)) return CommandResult.Fail("您的角色不能删除该记录");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The query filters decide: an id outside the user's area is not found.
        object? row = kind switch
        {
            Kind.WorkLog => await db.WorkLogs.FirstOrDefaultAsync(x => x.Id == id, cancellationToken),
            Kind.Project => await db.VillageProjects.FirstOrDefaultAsync(x => x.Id == id, cancellationToken),
            Kind.Industry => await db.IndustryRecords.FirstOrDefaultAsync(x => x.Id == id, cancellationToken),
            Kind.CollectiveIncome => await db.CollectiveIncomeEntries.FirstOrDefaultAsync(x => x.Id == id, cancellationToken),
            _ => await db.Attachments.FirstOrDefaultAsync(x => x.Id == id, cancellationToken),
        };
        if (row is null) return CommandResult.Fail("该记录不存在或不在您的管辖范围内");

        var attachments = row switch
        {
            Attachment a => [a],
            Domain.WorkTeams.WorkLog => await db.Attachments.Where(a => a.OwnerType == AttachmentOwner.WorkLog && a.OwnerId == id).ToListAsync(cancellationToken),
            VillageProject => await db.Attachments.Where(a => a.OwnerType == AttachmentOwner.Project && a.OwnerId == id).ToListAsync(cancellationToken),
            _ => new List<Attachment>(),
        };
        db.Attachments.RemoveRange(attachments);
        if (row is not Attachment) db.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        // Files after the rows: a failed save leaves both; a failed file delete leaves only an unreachable file.
        foreach (var attachment in attachments)
        {
            File.Delete(Path.Combine(UploadAttachment.Directory(paths), attachment.StoredName));
        }
        return CommandResult.Success;
    }
}
