using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>核实答复: what the check of an objection found, whether it stands, and the answer given to the objector.</summary>
public sealed class AnswerNoticeObjection(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int ObjectionId { get; set; }
        public DateTime? AnsweredOn { get; set; }
        public string Answer { get; set; } = "";
        public bool? Upheld { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.AnsweredOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写答复日期")
                .Must(d => d < PortalYears.EndOfToday(clock)).WithMessage("答复日期不能晚于今天");
            RuleFor(c => c.Upheld).NotNull().WithMessage("请选择异议是否成立");
            RuleFor(c => c.Answer).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写核实情况和答复")
                .MaximumLength(1000).WithMessage("核实情况和答复不能超过1000个字");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanProposeProcedures(currentUser.Role)) return CommandResult.Fail("异议由驻村工作队或乡镇干部核实答复");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var objection = await db.NoticeObjections.FirstOrDefaultAsync(o => o.Id == command.ObjectionId, cancellationToken);
        if (objection is null) return CommandResult.Fail("该异议不存在或不在您的管辖范围内");
        var rule = objection.Answered(ProcedureCases.Day(command.AnsweredOn)!.Value, command.Answer.Trim(), command.Upheld!.Value, currentUser.UserName ?? "");
        if (!rule.Succeeded) return CommandResult.Fail(rule.Refusal!);
        var saved = await ProcedureCases.SaveAsync(db, cancellationToken);
        if (saved.Succeeded)
        {
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.ProcedureCaseChanged, AuditOutcome.Success, $"程序 {objection.ProcedureCaseId}",
                "ProcedureCase", objection.ProcedureCaseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"答复公示异议（第{objection.Id}号）：{(command.Upheld == true ? "异议成立" : "异议不成立")}", cancellationToken);
        }
        return saved;
    }
}
