using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// Shows one masked value in full — a member's ID number or a household's phone — to a role allowed to see it,
/// and records who looked at which record when. The value itself is never written to the audit log or the logs.
/// </summary>
public sealed class RevealPersonalData(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<CommandResult<string>> ResidentIdAsync(int memberId, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRevealPersonalData(currentUser.Role)) return Denied();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Members.Where(m => m.Id == memberId).Select(m => m.ResidentId).FirstOrDefaultAsync(cancellationToken);
        if (id is null) return Denied();
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.RevealResidentId, nameof(Member), memberId.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return new(CommandResult.Success, id);
    }

    public async Task<CommandResult<string>> PhoneAsync(int householdId, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRevealPersonalData(currentUser.Role)) return Denied();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.Where(h => h.Id == householdId).Select(h => new { h.Phone }).FirstOrDefaultAsync(cancellationToken);
        if (household is null) return Denied();
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.RevealPhone, nameof(Household), householdId.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return new(CommandResult.Success, household.Phone ?? "");
    }

    private static CommandResult<string> Denied() => new(CommandResult.Fail("您无权查看该信息，或该记录不在您的管辖范围内"), null);
}
