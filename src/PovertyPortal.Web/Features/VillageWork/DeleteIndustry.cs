using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.VillageWork;

/// <summary>Deletes a mistaken 产业 entry of one year.</summary>
public sealed class DeleteIndustry(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<CommandResult> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return CommandResult.Fail("您的角色不能删除产业记录");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The query filter decides: an entry outside the user's area is not found.
        var industry = await db.IndustryRecords.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (industry is null) return CommandResult.Fail("该产业记录不存在或不在您的管辖范围内");
        db.IndustryRecords.Remove(industry);
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.WriteAsync(currentUser.UserName, Domain.Common.AuditActions.RecordDeleted, Domain.Common.AuditOutcome.Success,
            $"村 {industry.VillageId} · 产业记录 {industry.Id}", "IndustryRecord", industry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return CommandResult.Success;
    }
}
