using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 检查清单模板 of a county, saved as a whole. A removed item is retired, not deleted: rounds that copied it keep
/// pointing at it, and the template's changes never reach a round already planned.
/// </summary>
public sealed class SaveChecklistTemplate(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<CommandResult> HandleAsync(int countyId, IReadOnlyList<ChecklistLine> lines, CancellationToken cancellationToken = default)
    {
        if (ChecklistLine.Check(lines) is { } invalid) return CommandResult.Fail(invalid);
        if (InspectionRoundCommands.Refusal(currentUser) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Counties.AnyAsync(c => c.Id == countyId, cancellationToken)) return CommandResult.Fail(InspectionRoundCommands.NotFound);
        var saved = await db.ChecklistTemplateItems.Where(i => i.CountyId == countyId && !i.IsRetired).ToDictionaryAsync(i => i.Id, cancellationToken);
        var removed = ChecklistLine.Apply(lines, saved, () =>
        {
            var item = new ChecklistTemplateItem { CountyId = countyId, Text = "" };
            db.ChecklistTemplateItems.Add(item);
            return item;
        });
        foreach (var item in removed) item.IsRetired = true;
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.InspectionPlanChanged, AuditOutcome.Success,
            $"县 {countyId.ToString(CultureInfo.InvariantCulture)} 检查清单模板", "County", countyId.ToString(CultureInfo.InvariantCulture),
            $"保存检查清单模板（{lines.Count}项）", cancellationToken);
        return CommandResult.Success;
    }
}
