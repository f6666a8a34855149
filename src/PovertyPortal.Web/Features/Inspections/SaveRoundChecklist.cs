using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>检查清单 of a round: items added, changed, removed or moved, saved as a whole while the round is a draft.</summary>
public sealed class SaveRoundChecklist(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<CommandResult> HandleAsync(int roundId, IReadOnlyList<ChecklistLine> lines, CancellationToken cancellationToken = default)
    {
        if (ChecklistLine.Check(lines) is { } invalid) return CommandResult.Fail(invalid);
        if (InspectionRoundCommands.Refusal(currentUser) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.InspectionRounds.Include(r => r.Checklist).FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null) return CommandResult.Fail(InspectionRoundCommands.NotFound);
        if (!round.IsEditable) return CommandResult.Fail(InspectionRoundCommands.NotEditable);

        var removed = ChecklistLine.Apply(lines, round.Checklist.ToDictionary(i => i.Id), () =>
        {
            var item = new ChecklistItem { InspectionRoundId = round.Id, CountyId = round.CountyId, Text = "" };
            round.Checklist.Add(item);
            return item;
        });
        db.ChecklistItems.RemoveRange(removed);
        // One SaveChanges: EF Core wraps it in a transaction of its own, so the list is saved whole or not at all.
        await db.SaveChangesAsync(cancellationToken);
        await InspectionRoundCommands.AuditAsync(auditLog, currentUser, AuditActions.InspectionPlanChanged, round,
            $"保存检查清单（{lines.Count}项）", cancellationToken);
        return CommandResult.Success;
    }
}
