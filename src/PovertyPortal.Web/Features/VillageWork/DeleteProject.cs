using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Web.Features.VillageWork;

/// <summary>Deletes a mistaken project with its attachments (rows, then files).</summary>
public sealed class DeleteProject(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, PortalPaths paths, AuditLog auditLog)
{
    public async Task<CommandResult> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return CommandResult.Fail("您的角色不能删除项目");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The query filter decides: a project outside the user's area is not found.
        var project = await db.VillageProjects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null) return CommandResult.Fail("该项目不存在或不在您的管辖范围内");
        await AttachmentFiles.DeleteWithOwnerAsync(db, paths, project, AttachmentOwner.Project, project.Id, cancellationToken);
        await auditLog.WriteAsync(currentUser.UserName, Domain.Common.AuditActions.RecordDeleted, Domain.Common.AuditOutcome.Success,
            $"村 {project.VillageId} · 项目 {project.Id}", nameof(VillageProject), project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return CommandResult.Success;
    }
}
