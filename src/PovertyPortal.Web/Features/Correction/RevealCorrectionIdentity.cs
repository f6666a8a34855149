using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>
/// The full ID number and phone of one subject, on request, for the correction roles — and for a minor only their case
/// staff (art. 50). Every read is audited (which case, never the values).
/// </summary>
public sealed class RevealCorrectionIdentity(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed record Identity(string? ResidentId, string? Phone);

    public async Task<Identity?> HandleAsync(int subjectId, CancellationToken cancellationToken = default)
    {
        if (!CorrectionCases.MayAct(currentUser)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await db.CorrectionSubjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null || !CorrectionPrivacy.CanSeeIdentity(subject, currentUser.Role, currentUser.UserId, PortalYears.Today(clock))) return null;
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.CorrectionIdentityRevealed, AuditOutcome.Success, $"社区矫正案件 {subjectId}",
            nameof(CorrectionSubject), subjectId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, cancellationToken);
        return new Identity(subject.ResidentId, subject.Phone);
    }
}
