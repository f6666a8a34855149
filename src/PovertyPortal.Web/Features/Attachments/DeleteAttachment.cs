using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Web.Features.Attachments;

/// <summary>Deletes one attachment of a work log or project (never a problem's evidence): its row, then its file.</summary>
public sealed class DeleteAttachment(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, PortalPaths paths, AuditLog auditLog)
{
    public async Task<CommandResult> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return CommandResult.Fail("您的角色不能删除附件");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The query filter decides: an attachment outside the user's area is not found.
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null) return CommandResult.Fail("该附件不存在或不在您的管辖范围内");
        // Evidence stays with the problem it proved: a check that was signed off on it must still be able to see it.
        if (attachment.OwnerType == AttachmentOwner.Problem) return CommandResult.Fail("整改佐证材料不能删除");
        await AttachmentFiles.DeleteAsync(db, paths, attachment, cancellationToken);
        await auditLog.WriteAsync(currentUser.UserName, Domain.Common.AuditActions.RecordDeleted, Domain.Common.AuditOutcome.Success,
            AttachmentFiles.AuditTarget(attachment), "Attachment", attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return CommandResult.Success;
    }
}
