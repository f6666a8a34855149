using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 电话访问 needs the number: a sampled household's phone in full, to a group member whose role may read phones, in
/// the pair's sample scope, recorded in the audit like every other look at a masked value (never the number itself).
/// </summary>
public sealed class RevealSampledPhone(InspectionAccess access, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<CommandResult<string>> HandleAsync(int pairId, int householdId, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRevealPersonalData(currentUser.Role)) return new(CommandResult.Fail("您的角色不能查看完整电话号码"), null);
        if (await access.OpenAsync(pairId, cancellationToken) is not var (_, db)) return new(CommandResult.Fail(InspectionWork.NotInGroup), null);
        await using var __ = db;
        var household = await db.Households.Where(h => h.Id == householdId).Select(h => new { h.Phone }).FirstOrDefaultAsync(cancellationToken);
        if (household is null) return new(CommandResult.Fail("该户不在本组的抽样名单中"), null);
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.RevealPhone, nameof(Household),
            householdId.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return new(CommandResult.Success, household.Phone ?? "");
    }
}
