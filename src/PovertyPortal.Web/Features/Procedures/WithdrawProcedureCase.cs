using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>撤回: the village or township ends a case it no longer pursues (the household withdrew its application, the clue did not hold).</summary>
public sealed class WithdrawProcedureCase(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int CaseId { get; set; }
        public Guid Version { get; set; }
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写撤回原因")
                .MaximumLength(500).WithMessage("撤回原因不能超过500个字");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanProposeProcedures(currentUser.Role)) return CommandResult.Fail("程序由发起的驻村工作队或乡镇干部撤回");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var procedure = await ProcedureCases.LoadAsync(db, command.CaseId, command.Version, cancellationToken);
        if (procedure is null) return CommandResult.Fail(ProcedureCases.NotFound);
        var rule = procedure.Withdraw(PortalYears.Today(clock), "撤回：" + command.Reason.Trim());
        if (!rule.Succeeded) return CommandResult.Fail(rule.Refusal!);
        var saved = await ProcedureCases.SaveAsync(db, cancellationToken);
        if (saved.Succeeded) await ProcedureCases.AuditAsync(auditLog, currentUser, procedure, "撤回程序", cancellationToken);
        return saved;
    }
}
