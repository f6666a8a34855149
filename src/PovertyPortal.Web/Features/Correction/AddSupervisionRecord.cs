using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>
/// One entry of the daily supervision (arts. 21, 28, 30, 35–36): a report, a check or visit, a plan review, or a
/// session of education or community service with its hours. The case row keeps the latest dates the deadlines read.
/// </summary>
public sealed class AddSupervisionRecord(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public const decimal MostHoursPerSession = 12;

    public sealed class Command
    {
        public int SubjectId { get; set; }
        public SupervisionRecordKind Kind { get; set; } = SupervisionRecordKind.Report;
        public DateTime? Date { get; set; }
        public decimal Hours { get; set; }
        public bool ByPhone { get; set; }
        public string? Content { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Date).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写日期")
                .Must(d => d < PortalYears.EndOfToday(clock)).WithMessage("日期不能晚于今天");
            RuleFor(c => c.Hours).Cascade(CascadeMode.Stop)
                .GreaterThan(0).WithMessage("请填写时长（小时）")
                .LessThanOrEqualTo(MostHoursPerSession).WithMessage($"一次活动不超过{MostHoursPerSession:0}小时")
                .Must(h => h * 2 == Math.Floor(h * 2)).WithMessage("时长以半小时计，如 2 或 2.5")
                .When(c => SupervisionRecord.HasHours(c.Kind));
            RuleFor(c => c.Hours).Equal(0).When(c => !SupervisionRecord.HasHours(c.Kind)).WithMessage("只有教育学习和社区服务记录时长");
            RuleFor(c => c.Content).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写内容或情况")
                .MaximumLength(1000).WithMessage("内容不能超过1000个字");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!CorrectionCases.MayAct(currentUser)) return CommandResult.Fail(CorrectionCases.RoleRefusal);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await db.CorrectionSubjects.FirstOrDefaultAsync(s => s.Id == command.SubjectId, cancellationToken);
        if (subject is null) return CommandResult.Fail(CorrectionCases.NotFound);
        if (subject.Stage is not (CaseStage.AwaitingAnnouncement or CaseStage.UnderCorrection))
            return CommandResult.Fail($"案件处于“{subject.Stage.Label()}”阶段，不能登记监管记录");
        var date = DateOnly.FromDateTime(command.Date!.Value);
        if (subject.ReportedOn is { } reported && date < reported) return CommandResult.Fail(nameof(Command.Date), "日期不能早于报到日期");
        if (command.Kind is SupervisionRecordKind.HealthReport or SupervisionRecordKind.MedicalReview or SupervisionRecordKind.HospitalContact && !subject.IsMedicalParole)
            return CommandResult.Fail(nameof(Command.Kind), "身体情况、病情复查和联系医院只适用于保外就医的矫正对象");

        var record = new SupervisionRecord
        {
            CountyId = subject.CountyId, TownshipId = subject.TownshipId, SubjectId = subject.Id, Kind = command.Kind, Date = date,
            Hours = command.Hours, ByPhone = command.ByPhone, Content = command.Content!.Trim(),
        };
        db.SupervisionRecords.Add(record);
        subject.Note(record);
        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return saved;
        await CorrectionCases.AuditAsync(auditLog, currentUser, subject.Id, $"登记{command.Kind.Label()}", cancellationToken);
        return CommandResult.Success;
    }
}
