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
/// 接收 (arts. 11–14): the legal documents and which are missing, the receipt, the copies to the 司法所, the
/// registration, the subject's report — and, when the report is late, the 查找. County business. A case whose assessment
/// said 适用 moves on when its documents come; a case waiting for its subject moves on when they report.
/// </summary>
public sealed class SaveReceipt(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int SubjectId { get; set; }
        public Guid Version { get; set; }
        public DateTime? DocumentsReceivedOn { get; set; }
        public DateTime? EffectiveOn { get; set; }
        public DateTime? CorrectionStart { get; set; }
        public DateTime? CorrectionEnd { get; set; }
        public bool HasJudgment { get; set; }
        public bool HasExecutionNotice { get; set; }
        public bool HasParoleCertificate { get; set; }
        public bool HasGuaranteeLetter { get; set; }
        public DateTime? MissingDocumentsNotifiedOn { get; set; }
        public DateTime? ReceiptReturnedOn { get; set; }
        public DateTime? ForwardedToOfficeOn { get; set; }
        public DateTime? RegisteredOn { get; set; }
        public DateTime? ReportedOn { get; set; }
        public DateTime? SearchStartedOn { get; set; }
        public string? SearchNote { get; set; }

        public static Command From(CorrectionSubject s) => new()
        {
            SubjectId = s.Id, Version = s.Version, DocumentsReceivedOn = CorrectionCases.Picker(s.DocumentsReceivedOn),
            EffectiveOn = CorrectionCases.Picker(s.EffectiveOn), CorrectionStart = CorrectionCases.Picker(s.CorrectionStart),
            CorrectionEnd = CorrectionCases.Picker(s.CorrectionEnd), HasJudgment = s.HasJudgment, HasExecutionNotice = s.HasExecutionNotice,
            HasParoleCertificate = s.HasParoleCertificate, HasGuaranteeLetter = s.HasGuaranteeLetter,
            MissingDocumentsNotifiedOn = CorrectionCases.Picker(s.MissingDocumentsNotifiedOn), ReceiptReturnedOn = CorrectionCases.Picker(s.ReceiptReturnedOn),
            ForwardedToOfficeOn = CorrectionCases.Picker(s.ForwardedToOfficeOn), RegisteredOn = CorrectionCases.Picker(s.RegisteredOn),
            ReportedOn = CorrectionCases.Picker(s.ReportedOn), SearchStartedOn = CorrectionCases.Picker(s.SearchStartedOn), SearchNote = s.SearchNote,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var endOfToday = PortalYears.EndOfToday(clock);
            RuleFor(c => c.DocumentsReceivedOn).NotNull().WithMessage("请填写收到法律文书的日期");
            RuleFor(c => c.EffectiveOn).NotNull().WithMessage("请填写判决（裁定、决定）生效或离开监所之日");
            RuleFor(c => c.CorrectionStart).NotNull().WithMessage("请填写矫正起始日");
            RuleFor(c => c.CorrectionEnd).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写矫正期满日")
                .GreaterThan(c => c.CorrectionStart).When(c => c.CorrectionStart is not null).WithMessage("矫正期满日须晚于矫正起始日");
            foreach (var (field, label) in new (System.Linq.Expressions.Expression<Func<Command, DateTime?>>, string)[]
            {
                (c => c.DocumentsReceivedOn, "收到法律文书的日期"), (c => c.MissingDocumentsNotifiedOn, "通知补正的日期"),
                (c => c.ReceiptReturnedOn, "送达回执的日期"), (c => c.ForwardedToOfficeOn, "送达司法所的日期"),
                (c => c.RegisteredOn, "登记接收的日期"), (c => c.ReportedOn, "报到日期"), (c => c.SearchStartedOn, "组织查找的日期"),
            })
            {
                RuleFor(field).Must(d => d is null || d < endOfToday).WithMessage($"{label}不能晚于今天");
            }
            RuleFor(c => c.ReceiptReturnedOn).GreaterThanOrEqualTo(c => c.DocumentsReceivedOn)
                .When(c => c.ReceiptReturnedOn is not null && c.DocumentsReceivedOn is not null).WithMessage("送达回执不能早于收到法律文书");
            RuleFor(c => c.ForwardedToOfficeOn).GreaterThanOrEqualTo(c => c.DocumentsReceivedOn)
                .When(c => c.ForwardedToOfficeOn is not null && c.DocumentsReceivedOn is not null).WithMessage("送达司法所不能早于收到法律文书");
            RuleFor(c => c.SearchNote).MaximumLength(1000).WithMessage("查找情况不能超过1000个字");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanDecideCorrectionAtCounty(currentUser.Role)) return CommandResult.Fail("法律文书的接收和报到登记由县级司法行政机关办理");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await CorrectionCases.LoadAsync(db, command.SubjectId, command.Version, cancellationToken);
        if (subject is null) return CommandResult.Fail(CorrectionCases.NotFound);
        var received = DateOnly.FromDateTime(command.DocumentsReceivedOn!.Value);
        var effective = DateOnly.FromDateTime(command.EffectiveOn!.Value);
        var start = DateOnly.FromDateTime(command.CorrectionStart!.Value);
        var end = DateOnly.FromDateTime(command.CorrectionEnd!.Value);
        if (subject.Stage is CaseStage.Assessing or CaseStage.Receiving)
        {
            var rule = subject.ReceiveDocuments(received, effective, start, end);
            if (!rule.Succeeded) return CommandResult.Fail(rule.Refusal!);
        }
        else if (subject.Stage is CaseStage.AwaitingAnnouncement or CaseStage.UnderCorrection)
        {
            if (end <= start) return CommandResult.Fail(nameof(Command.CorrectionEnd), "矫正期满日须晚于矫正起始日");
            subject.DocumentsReceivedOn = received;
            subject.EffectiveOn = effective;
            subject.CorrectionStart = start;
            subject.CorrectionEnd = end;
        }
        else
        {
            return CommandResult.Fail($"案件处于“{subject.Stage.Label()}”阶段，不能修改接收情况");
        }
        subject.HasJudgment = command.HasJudgment;
        subject.HasExecutionNotice = command.HasExecutionNotice;
        subject.HasParoleCertificate = command.HasParoleCertificate;
        subject.HasGuaranteeLetter = command.HasGuaranteeLetter;
        subject.MissingDocumentsNotifiedOn = CorrectionCases.Day(command.MissingDocumentsNotifiedOn);
        subject.ReceiptReturnedOn = CorrectionCases.Day(command.ReceiptReturnedOn);
        subject.ForwardedToOfficeOn = CorrectionCases.Day(command.ForwardedToOfficeOn);
        subject.RegisteredOn = CorrectionCases.Day(command.RegisteredOn);
        subject.SearchStartedOn = CorrectionCases.Day(command.SearchStartedOn);
        subject.SearchNote = CorrectionCases.Clean(command.SearchNote);
        var what = "保存接收情况";
        if (command.ReportedOn is { } reported && subject.Stage == CaseStage.Receiving)
        {
            var rule = subject.RecordReport(DateOnly.FromDateTime(reported));
            if (!rule.Succeeded) return CommandResult.Fail(nameof(Command.ReportedOn), rule.Refusal!);
            what = "登记报到";
        }
        subject.RefreshMinority(PortalYears.Today(clock));

        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return saved;
        await CorrectionCases.AuditAsync(auditLog, currentUser, subject.Id, what, cancellationToken);
        return CommandResult.Success;
    }
}
