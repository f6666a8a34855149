using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// Writes security events to the AuditLog table, each with the client's address, an outcome and a link in the hash
/// chain (decision 0015). Never pass personal data (ID numbers, phones) as detail or target.
/// </summary>
public sealed class AuditLog(DbContextOptions<PortalDbContext> options, TimeProvider clock, ClientAddress clientAddress)
{
    public Task WriteAsync(string? userName, string action, string? recordType = null, string? recordId = null,
        string? detail = null, CancellationToken cancellationToken = default) =>
        WriteAsync(userName, action, AuditActions.DefaultOutcome(action), target: null, recordType, recordId, detail, cancellationToken);

    public async Task WriteAsync(string? userName, string action, AuditOutcome outcome, string? target,
        string? recordType = null, string? recordId = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        // Its own context, so an audit entry is written even when the caller's work is rolled back.
        await using var db = new PortalDbContext(options, new SystemScopeSource(userName ?? "anonymous"));
        // The actor's county scopes the viewer for county supervisors; a name nobody holds (a failed sign-in) has none.
        var countyId = userName is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.UserName == userName).Select(u => u.CountyId).FirstOrDefaultAsync(cancellationToken);
        await AuditChain.AppendAsync(db, new AuditLogEntry
        {
            At = clock.GetUtcNow(),
            UserName = userName,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            Detail = Cut(detail, 500),
            Target = Cut(target, 200),
            Outcome = outcome,
            IpAddress = clientAddress.Current,
            CountyId = countyId,
        }, cancellationToken);
    }

    private static string? Cut(string? text, int length) => text is { Length: > 0 } && text.Length > length ? text[..length] : text;
}
