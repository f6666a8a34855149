using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Feeds;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Feeds;

/// <summary>
/// Records a home check's result: the day of the visit, what was found and the outcome. The task is loaded through the
/// user's scope, so a team records only its village's; a result may be corrected later by the same form (the version
/// refuses a form opened before another save).
/// </summary>
public sealed class RecordHomeCheck(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int TaskId { get; set; }
        public Guid Version { get; set; }
        public DateTime? CheckedOn { get; set; }
        public string? Finding { get; set; }
        public HomeCheckOutcome? Outcome { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.CheckedOn).NotNull().WithMessage("请选择入户核实日期")
                .Must(d => d is null || d.Value < PortalYears.EndOfToday(clock)).WithMessage("核实日期不能晚于今天");
            RuleFor(c => c.Finding).Cascade(CascadeMode.Stop)
                .Must(f => !string.IsNullOrWhiteSpace(f)).WithMessage("请填写核实情况，如家庭收支、医疗负担、住房等")
                .MaximumLength(1000).WithMessage("核实情况不能超过1000个字");
            RuleFor(c => c.Outcome).NotNull().WithMessage("请选择核实结论");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRecordHomeChecks(currentUser.Role)) return CommandResult.Fail("您的角色不能记录入户核实结果");
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        return await SaveGuard.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var task = await db.HomeCheckTasks.FirstOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken);
            if (task is null) return CommandResult.Fail("该核实任务不存在或不在您的管辖范围内");
            RecordVersion.Expect(db, task, command.Version);
            task.CheckedOn = DateOnly.FromDateTime(command.CheckedOn!.Value);
            task.Finding = command.Finding!.Trim();
            task.Outcome = command.Outcome;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return RecordVersion.Conflict("该核实任务");
            }
            // Neither the name nor the finding: the entry says which task and what outcome.
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.HomeCheckRecorded, AuditOutcome.Success, null, "HomeCheckTask",
                task.Id.ToString(CultureInfo.InvariantCulture), $"核实结论：{task.Outcome!.Value.Label()}", CancellationToken.None);
            return CommandResult.Success;
        });
    }
}
