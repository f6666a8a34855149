using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// 整改延期: a later deadline with its reason, by the officials who may grant one (PortalRoles.CanExtendProblemDeadlines,
/// asked by the domain). The original deadline stays, and the extension is kept with the deadline it replaced.
/// </summary>
public sealed class ExtendProblemDeadline(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int ProblemId { get; set; }
        public Guid Version { get; set; }

        /// <summary>A DateTime for the date picker; only the day counts.</summary>
        public DateTime? NewDeadline { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewDeadline).NotNull().WithMessage("请选择新的整改时限");
            RuleFor(c => c.Reason).Cascade(CascadeMode.Stop)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写延期理由")
                .MaximumLength(500).WithMessage("延期理由不能超过500个字");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = await ProblemCommands.LoadAsync(db, command.ProblemId, command.Version, cancellationToken);
        if (problem is null) return CommandResult.Fail(ProblemCommands.NotFound);
        var previous = problem.Deadline;
        var newDeadline = DateOnly.FromDateTime(command.NewDeadline!.Value);
        var outcome = problem.ExtendDeadline(ProblemCommands.Actor(currentUser), newDeadline, command.Reason, clock);
        var id = command.ProblemId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!outcome.Succeeded)
        {
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.ProblemDeadlineExtended, AuditOutcome.Denied, $"整改问题 {id}",
                nameof(Problem), id, outcome.Refusal, cancellationToken);
            // The deadline's own refusal belongs under the date field; the role's above the form.
            return outcome.Refusal!.StartsWith("新的整改时限", StringComparison.Ordinal)
                ? CommandResult.Fail(nameof(Command.NewDeadline), outcome.Refusal)
                : CommandResult.Fail(outcome.Refusal);
        }
        var saved = await ProblemCommands.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return saved;
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ProblemDeadlineExtended, AuditOutcome.Success, $"整改问题 {id}",
            nameof(Problem), id, $"{previous:yyyy-MM-dd} → {newDeadline:yyyy-MM-dd}", cancellationToken);
        return CommandResult.Success;
    }
}
