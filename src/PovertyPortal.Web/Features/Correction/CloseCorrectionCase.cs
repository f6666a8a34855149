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
/// The end of a case: the subject's summary and the 司法所's appraisal (art. 45), the release with its certificate
/// (art. 46, the county's), or the end on death, revocation, reimprisonment or a new sentence (art. 48); and, while the
/// case runs, 脱离监管 and being found again (art. 35).
/// </summary>
public sealed class CloseCorrectionCase(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public enum Act
    {
        Summary,
        Appraisal,
        Release,
        Terminate,
        Absconded,
        Found,
    }

    public sealed class Command
    {
        public int SubjectId { get; set; }
        public Guid Version { get; set; }
        public Act Act { get; set; }
        public DateTime? Date { get; set; }
        public string? Text { get; set; }
        public TerminationReason? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Date).Cascade(CascadeMode.Stop).NotNull().When(c => c.Act != Act.Found).WithMessage("请填写日期")
                .Must(d => d is null || d < PortalYears.EndOfToday(clock)).WithMessage("日期不能晚于今天");
            RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).When(c => c.Act is Act.Appraisal or Act.Release)
                .WithMessage(c => c.Act == Act.Release ? "请填写解除社区矫正证明书编号" : "请填写书面鉴定意见和安置帮教建议");
            RuleFor(c => c.Text).MaximumLength(2000).WithMessage("内容不能超过2000个字");
            RuleFor(c => c.Reason).NotNull().When(c => c.Act == Act.Terminate).WithMessage("请选择终止的原因");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!CorrectionCases.MayAct(currentUser)) return CommandResult.Fail(CorrectionCases.RoleRefusal);
        if (command.Act is Act.Release or Act.Terminate && !PortalRoles.CanDecideCorrectionAtCounty(currentUser.Role))
            return CommandResult.Fail("解除和终止社区矫正由县级司法行政机关审批");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await CorrectionCases.LoadAsync(db, command.SubjectId, command.Version, cancellationToken);
        if (subject is null) return CommandResult.Fail(CorrectionCases.NotFound);
        var date = CorrectionCases.Day(command.Date);
        var rule = RuleResult.Ok;
        if (command.Act is Act.Summary or Act.Appraisal or Act.Absconded or Act.Found && subject.Stage != CaseStage.UnderCorrection)
        {
            rule = RuleResult.Refused($"案件处于“{subject.Stage.Label()}”阶段，不能办理此项");
        }
        else if (command.Act is Act.Summary or Act.Appraisal && subject.EndSummaryFrom is { } from && date < from)
        {
            rule = RuleResult.Refused($"个人总结和书面鉴定在矫正期满前十五日内（{from:yyyy年M月d日}起）作出");
        }
        else
        {
            switch (command.Act)
            {
                case Act.Summary: subject.SummaryOn = date; break;
                case Act.Appraisal: (subject.AppraisalOn, subject.Appraisal) = (date, command.Text!.Trim()); break;
                case Act.Release: rule = subject.Release(date!.Value, command.Text); break;
                case Act.Terminate: rule = subject.Terminate(date!.Value, command.Reason!.Value, command.Text); break;
                case Act.Absconded: subject.AbscondedSince = date; break;
                case Act.Found: subject.AbscondedSince = null; break;
            }
        }
        if (!rule.Succeeded) return CommandResult.Fail(rule.Refusal!);
        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return saved;
        await CorrectionCases.AuditAsync(auditLog, currentUser, subject.Id, Label(command.Act), cancellationToken);
        return CommandResult.Success;
    }

    public static string Label(Act act) => act switch
    {
        Act.Summary => "登记个人总结",
        Act.Appraisal => "登记司法所书面鉴定",
        Act.Release => "解除社区矫正",
        Act.Terminate => "终止社区矫正",
        Act.Absconded => "登记脱离监管",
        _ => "登记已找回、恢复监管",
    };
}
