using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>
/// 警告 (art. 39): the county's written decision with its ground, facts and evidence; the case counts its warnings, and
/// the task list says when the count calls for a proposal (arts. 41–42).
/// </summary>
public sealed class IssueWarning(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int SubjectId { get; set; }
        public Guid Version { get; set; }
        public DateTime? IssuedOn { get; set; }
        public WarningGround? Ground { get; set; }
        public string Facts { get; set; } = "";
        public string Evidence { get; set; } = "";
        public string DecisionNumber { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.IssuedOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写决定日期")
                .Must(d => d < PortalYears.EndOfToday(clock)).WithMessage("决定日期不能晚于今天");
            RuleFor(c => c.Ground).NotNull().WithMessage("请选择警告的情形（第三十九条）");
            RuleFor(c => c.Facts).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写违规事实")
                .MaximumLength(2000).WithMessage("违规事实不能超过2000个字");
            RuleFor(c => c.Evidence).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写证据材料")
                .MaximumLength(2000).WithMessage("证据材料不能超过2000个字");
            RuleFor(c => c.DecisionNumber).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写决定书文号")
                .MaximumLength(100).WithMessage("文号不能超过100个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanDecideCorrectionAtCounty(currentUser.Role)) return new(CommandResult.Fail("警告由县级司法行政机关决定"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await CorrectionCases.LoadAsync(db, command.SubjectId, command.Version, cancellationToken);
        if (subject is null) return new(CommandResult.Fail(CorrectionCases.NotFound), 0);
        if (subject.Stage is not (CaseStage.Receiving or CaseStage.AwaitingAnnouncement or CaseStage.UnderCorrection))
            return new(CommandResult.Fail($"案件处于“{subject.Stage.Label()}”阶段，不能给予警告"), 0);
        var number = command.DecisionNumber.Trim();
        if (await db.CorrectionWarnings.AnyAsync(w => w.CountyId == subject.CountyId && w.DecisionNumber == number, cancellationToken))
            return new(CommandResult.Fail(nameof(Command.DecisionNumber), "该文号已用于另一份警告决定书"), 0);
        var warning = new Warning
        {
            CountyId = subject.CountyId, TownshipId = subject.TownshipId, SubjectId = subject.Id, IssuedOn = DateOnly.FromDateTime(command.IssuedOn!.Value),
            Ground = command.Ground!.Value, Facts = command.Facts.Trim(), Evidence = command.Evidence.Trim(), DecisionNumber = number,
        };
        db.CorrectionWarnings.Add(warning);
        subject.WarningCount++;
        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return new(saved, 0);
        await CorrectionCases.AuditAsync(auditLog, currentUser, subject.Id, $"警告（第{subject.WarningCount}次）", cancellationToken);
        return new(CommandResult.Success, warning.Id);
    }
}
