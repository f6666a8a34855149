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
/// The county's part of a move (art. 27): the new county's consent recorded, then the decision (never before the
/// consent), the files sent within three working days and the subject's report there; the case then ends here.
/// </summary>
public sealed class DecideResidenceChange(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public enum Decision
    {
        RecordConsent,
        Approve,
        Refuse,
        FilesTransferred,
        ReportedAtNewPlace,
    }

    public static string Label(Decision decision) => decision switch
    {
        Decision.RecordConsent => "登记新居住地同意接收",
        Decision.Approve => "批准",
        Decision.Refuse => "不予批准",
        Decision.FilesTransferred => "移交法律文书和档案",
        _ => "新居住地报到",
    };

    public sealed class Command
    {
        public int ChangeId { get; set; }
        public Guid Version { get; set; }
        public Decision Decision { get; set; }
        public DateTime? Date { get; set; }
        public string? Text { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Date).Cascade(CascadeMode.Stop).NotNull().When(c => c.Decision is not (Decision.Approve or Decision.Refuse)).WithMessage("请填写日期")
                .Must(d => d is null || d < PortalYears.EndOfToday(clock)).WithMessage("日期不能晚于今天");
            RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).When(c => c.Decision is Decision.Refuse or Decision.RecordConsent)
                .WithMessage(c => c.Decision == Decision.Refuse ? "请填写不予批准的理由" : "请填写新居住地回复同意接收的文号或联系记录");
            RuleFor(c => c.Text).MaximumLength(500).WithMessage("内容不能超过500个字");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanDecideCorrectionAtCounty(currentUser.Role)) return CommandResult.Fail(CorrectionCases.CountyOnly);

        var today = PortalYears.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var change = await db.ResidenceChanges.FirstOrDefaultAsync(r => r.Id == command.ChangeId, cancellationToken);
        if (change is null) return CommandResult.Fail("该申请不存在或不在您的管辖范围内");
        db.Entry(change).Property(r => r.Version).OriginalValue = command.Version;
        var date = CorrectionCases.Day(command.Date);
        RuleResult rule;
        switch (command.Decision)
        {
            case Decision.RecordConsent when change.Status == ResidenceChangeStatus.AwaitingCounty:
                (change.NewCountyConsentOn, change.NewCountyConsentReference) = (date, command.Text!.Trim());
                rule = RuleResult.Ok;
                break;
            case Decision.Approve:
                rule = change.Approve(today, currentUser.DisplayName);
                break;
            case Decision.Refuse:
                rule = change.Refuse(today, currentUser.DisplayName, command.Text ?? "");
                break;
            case Decision.FilesTransferred when change.Status == ResidenceChangeStatus.Approved:
                change.FilesTransferredOn = date;
                rule = RuleResult.Ok;
                break;
            case Decision.ReportedAtNewPlace when change.Status == ResidenceChangeStatus.Approved:
                change.ReportedAtNewPlaceOn = date;
                rule = RuleResult.Ok;
                break;
            default:
                rule = RuleResult.Refused($"该申请{change.Status.Label()}，不能办理此项");
                break;
        }
        if (!rule.Succeeded) return CommandResult.Fail(rule.Refusal!);
        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return saved;
        await CorrectionCases.AuditAsync(auditLog, currentUser, change.SubjectId, $"变更居住地：{Label(command.Decision)}", cancellationToken);
        return CommandResult.Success;
    }
}
