using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// One step of a problem's way through the ledger: 开始整改 (with the measures), 报送整改完成, 核验驳回, 核验销号,
/// 重新打开 and 回头看. Whether the user may take it is the domain's rule (<see cref="Problem.WhyNot"/>), asked
/// here again whatever the page showed; a refusal comes back in its Chinese words and nothing is written. Each step
/// is audited, and its changed fields go to the problem's 变更记录.
/// </summary>
public sealed class ActOnProblem(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog,
    TimeProvider clock, IConfiguration configuration)
{
    public sealed class Command
    {
        public int ProblemId { get; set; }
        public Guid Version { get; set; }
        public ProblemAction Action { get; set; }

        /// <summary>The measures (开始整改), the note (报送), the reason (驳回, 重新打开) or the check's note (销号, 回头看).</summary>
        public string? Text { get; set; }

        /// <summary>回头看 only: whether the re-check found the problem still fixed.</summary>
        public bool Passed { get; set; } = true;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Action).Must(a => a != ProblemAction.ExtendDeadline).WithMessage("整改延期请使用延期表单");
            RuleFor(c => c.Text).MaximumLength(2000).WithMessage("内容不能超过2000个字");
        }
    }

    /// <summary>回头看 this many days after 销号 (Rectification:RecheckAfterDays; decision 0018).</summary>
    public int RecheckAfterDays => Math.Max(1, configuration.GetValue("Rectification:RecheckAfterDays", Problem.DefaultRecheckAfterDays));

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = await ProblemCommands.LoadAsync(db, command.ProblemId, command.Version, cancellationToken);
        if (problem is null) return CommandResult.Fail(ProblemCommands.NotFound);
        var actor = ProblemCommands.Actor(currentUser);
        var from = problem.Status;
        var outcome = command.Action switch
        {
            ProblemAction.Start => problem.Start(actor, command.Text, clock),
            ProblemAction.MarkFixed => problem.MarkFixed(actor, command.Text, clock),
            ProblemAction.Reject => problem.Reject(actor, command.Text, clock),
            ProblemAction.Close => problem.Close(actor, command.Text, RecheckAfterDays, clock),
            ProblemAction.Reopen => problem.Reopen(actor, command.Text, clock),
            ProblemAction.Recheck => problem.Recheck(actor, command.Passed, command.Text, clock),
            _ => RuleResult.Refused("未知操作"),
        };
        var id = command.ProblemId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var what = command.Action == ProblemAction.Recheck ? $"回头看（{(command.Passed ? "通过" : "未通过")}）" : command.Action.Label();
        if (!outcome.Succeeded)
        {
            // A refused step is recorded too: a check attempted by the wrong role is what an inspector asks about.
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.ProblemStep, AuditOutcome.Denied, $"整改问题 {id}",
                nameof(Problem), id, $"{what}：{outcome.Refusal}", cancellationToken);
            return CommandResult.Fail(outcome.Refusal!);
        }
        var saved = await ProblemCommands.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return saved;
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ProblemStep, AuditOutcome.Success, $"整改问题 {id}",
            nameof(Problem), id, $"{what}：{from.Label()} → {problem.Status.Label()}", cancellationToken);
        return CommandResult.Success;
    }
}
