using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.YearLocks;

/// <summary>
/// 解锁年度: a county supervisor opens a township's locked year again, with the reason, which the audit log and the
/// table keep. Corrections are then made through the usual forms and the year is locked again (decision 0032).
/// </summary>
public sealed class UnlockYear(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public const int ReasonMaxLength = 500;

    public sealed class Command
    {
        public int TownshipId { get; set; }
        public int Year { get; set; }

        /// <summary>解锁原因: required, a locked year must not change silently.</summary>
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写解锁原因（如需更正的数据和依据）")
                .MaximumLength(ReasonMaxLength).WithMessage($"解锁原因不能超过{ReasonMaxLength}字");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (YearLockAccess.Refusal(currentUser) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.YearLocks.Include(l => l.Township)
            .FirstOrDefaultAsync(l => l.TownshipId == command.TownshipId && l.Year == command.Year, cancellationToken);
        if (row is not { IsLocked: true, Township: not null }) return CommandResult.Fail("该年度未锁定或不在您的管辖范围内，请刷新页面");

        var reason = command.Reason!.Trim();
        (row.IsLocked, row.UnlockedAt, row.UnlockedBy, row.UnlockReason) = (false, clock.GetUtcNow(), currentUser.UserName, reason);
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.YearUnlocked, AuditOutcome.Success,
            YearLockAccess.Label(row.Township.Name, row.Year), nameof(Domain.Areas.YearLock),
            row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reason, cancellationToken);
        return CommandResult.Success;
    }
}
