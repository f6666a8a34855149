using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Snapshots;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Snapshots;

/// <summary>
/// 说明变化原因: the reason a user gives for a household's change between two snapshots that the records did not tell
/// (待说明), kept beside the pair and audited. Giving it again replaces the earlier reason (the audit keeps both).
/// </summary>
public sealed class ExplainSnapshotChange(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed class Command
    {
        public int FromSnapshotId { get; set; }
        public int ToSnapshotId { get; set; }
        public int HouseholdId { get; set; }
        public SnapshotChangeReason Reason { get; set; }
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).Must(r => r != SnapshotChangeReason.Unexplained && Enum.IsDefined(r)).WithMessage("请选择变化原因");
            RuleFor(c => c.Note).MaximumLength(500).WithMessage("说明不能超过500个字");
            RuleFor(c => c.Note).Must(n => !string.IsNullOrWhiteSpace(n)).When(c => c.Reason == SnapshotChangeReason.Other)
                .WithMessage("选择“其他”时请写明原因");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (SnapshotAccess.Refusal(currentUser) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pair = await db.YearEndSnapshots.AsNoTracking().Where(s => s.Id == command.FromSnapshotId || s.Id == command.ToSnapshotId)
            .ToListAsync(cancellationToken);
        var from = pair.FirstOrDefault(s => s.Id == command.FromSnapshotId);
        var to = pair.FirstOrDefault(s => s.Id == command.ToSnapshotId);
        if (from is null || to is null || from.CountyId != to.CountyId) return CommandResult.Fail(SnapshotAccess.NotFound);
        // The household's place in either snapshot, through the scope's filter: outside the user's area it is not found.
        var area = await db.SnapshotHouseholds.AsNoTracking()
            .Where(h => (h.SnapshotId == to.Id || h.SnapshotId == from.Id) && h.HouseholdId == command.HouseholdId)
            .OrderByDescending(h => h.SnapshotId == to.Id).Select(h => new { h.CountyId, h.TownshipId, h.VillageId, h.HouseholdNumber })
            .FirstOrDefaultAsync(cancellationToken);
        if (area is null) return CommandResult.Fail("该户不在这两个快照中或不在您的管辖范围内");

        var explanation = await db.SnapshotChangeExplanations.FirstOrDefaultAsync(
            e => e.FromSnapshotId == from.Id && e.ToSnapshotId == to.Id && e.HouseholdId == command.HouseholdId, cancellationToken);
        if (explanation is null)
        {
            explanation = new SnapshotChangeExplanation
            {
                FromSnapshotId = from.Id, ToSnapshotId = to.Id, HouseholdId = command.HouseholdId,
                CountyId = area.CountyId, TownshipId = area.TownshipId, VillageId = area.VillageId,
            };
            db.SnapshotChangeExplanations.Add(explanation);
        }
        explanation.Reason = command.Reason;
        explanation.Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.SnapshotChangeExplained, AuditOutcome.Success,
            $"{from.Year}—{to.Year}年度变化 · 户 {area.HouseholdNumber}", "Household", command.HouseholdId.ToString(CultureInfo.InvariantCulture),
            command.Reason.Label(), cancellationToken);
        return CommandResult.Success;
    }
}
