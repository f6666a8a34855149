using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Web.Identity;

/// <summary>Writes security events to the AuditLog table. Never pass personal data (ID numbers, phones) as detail.</summary>
public sealed class AuditLog(DbContextOptions<PortalDbContext> options, TimeProvider clock)
{
    public async Task WriteAsync(string? userName, string action, string? recordType = null, string? recordId = null,
        string? detail = null, CancellationToken cancellationToken = default)
    {
        // Its own context, so an audit entry is written even when the caller's work is rolled back.
        await using var db = new PortalDbContext(options, new SystemScopeSource(userName ?? "anonymous"));
        db.AuditLog.Add(new AuditLogEntry
        {
            At = clock.GetUtcNow(),
            UserName = userName,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
