using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Documents;
using PovertyPortal.Web.Features.Common;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// The answer to a save over someone else's newer save: who changed what since the form was opened (from the field
/// history), and the reassurance that the user's own typing is still in the form.
/// </summary>
public static class EditConflict
{
    public static async Task<CommandResult> DescribeAsync(PortalDbContext db, string entityType, int entityId,
        DateTimeOffset loadedAt, string what, CancellationToken cancellationToken)
    {
        var changes = await db.FieldChanges
            .Where(c => c.EntityType == entityType && c.EntityId == entityId && c.At > loadedAt)
            .OrderBy(c => c.At).Take(20).ToListAsync(cancellationToken);
        var list = changes.Count == 0 ? "" : "：" + string.Join("；", changes.Select(c =>
            $"{c.UserName} 于 {ChineseFormat.DateTime(c.At)} 将“{HouseholdFields.Label(c.Field)}”由“{c.OldValue ?? "空"}”改为“{c.NewValue ?? "空"}”"));
        return RecordVersion.Conflict(what, list);
    }
}
