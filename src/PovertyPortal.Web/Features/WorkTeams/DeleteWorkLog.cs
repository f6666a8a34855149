using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>Deletes a mistaken 工作日志 with its visited households and its attachments (rows, then files).</summary>
public sealed class DeleteWorkLog(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, PortalPaths paths)
{
    public async Task<CommandResult> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return CommandResult.Fail("您的角色不能删除工作日志");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The query filter decides: a log outside the user's area is not found.
        var log = await db.WorkLogs.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (log is null) return CommandResult.Fail("该工作日志不存在或不在您的管辖范围内");
        await AttachmentFiles.DeleteWithOwnerAsync(db, paths, log, AttachmentOwner.WorkLog, log.Id, cancellationToken);
        return CommandResult.Success;
    }
}
