using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.VillageWork;

/// <summary>Deletes a mistaken 村集体经济收入 entry of one year.</summary>
public sealed class DeleteCollectiveIncome(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<CommandResult> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return CommandResult.Fail("您的角色不能删除集体经济收入");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The query filter decides: an entry outside the user's area is not found.
        var entry = await db.CollectiveIncomeEntries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null) return CommandResult.Fail("该收入记录不存在或不在您的管辖范围内");
        db.CollectiveIncomeEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.WriteAsync(currentUser.UserName, Domain.Common.AuditActions.RecordDeleted, Domain.Common.AuditOutcome.Success,
            $"村 {entry.VillageId} · 集体经济收入 {entry.Id}", "CollectiveIncomeEntry", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return CommandResult.Success;
    }
}
