using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>变更居住地申请 (art. 27): asked a month ahead, entered with the 司法所's opinion; the county decides (<see cref="DecideResidenceChange"/>).</summary>
public sealed class SaveResidenceChange(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int SubjectId { get; set; }
        public DateTime? AppliedOn { get; set; }
        public DateTime? MoveOn { get; set; }
        public string NewAddress { get; set; } = "";
        public string NewCountyBureau { get; set; } = "";
        public string Reason { get; set; } = "";
        public string OfficeOpinion { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.AppliedOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写书面申请的日期")
                .Must(d => d < PortalYears.EndOfToday(clock)).WithMessage("申请日期不能晚于今天");
            RuleFor(c => c.MoveOn).NotNull().WithMessage("请填写拟迁居日期");
            RuleFor(c => c.MoveOn).Must((c, move) => ResidenceChange.CheckNotice(DateOnly.FromDateTime(c.AppliedOn!.Value), DateOnly.FromDateTime(move!.Value)) is null)
                .When(c => c.AppliedOn is not null && c.MoveOn is not null)
                .WithMessage(c => ResidenceChange.CheckNotice(DateOnly.FromDateTime(c.AppliedOn!.Value), DateOnly.FromDateTime(c.MoveOn!.Value))!);
            RuleFor(c => c.NewAddress).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写新居住地址")
                .MaximumLength(200).WithMessage("新居住地址不能超过200个字");
            RuleFor(c => c.NewCountyBureau).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写新居住地县级司法行政机关")
                .MaximumLength(100).WithMessage("新居住地司法行政机关不能超过100个字");
            RuleFor(c => c.Reason).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写变更事由（居所变化的情况）")
                .MaximumLength(500).WithMessage("事由不能超过500个字");
            RuleFor(c => c.OfficeOpinion).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写司法所意见")
                .MaximumLength(500).WithMessage("司法所意见不能超过500个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!CorrectionCases.MayAct(currentUser)) return new(CommandResult.Fail(CorrectionCases.RoleRefusal), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await db.CorrectionSubjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SubjectId, cancellationToken);
        if (subject is null) return new(CommandResult.Fail(CorrectionCases.NotFound), 0);
        if (subject.Stage != CaseStage.UnderCorrection) return new(CommandResult.Fail($"案件处于“{subject.Stage.Label()}”阶段，不能申请变更居住地"), 0);
        if (await db.ResidenceChanges.AnyAsync(r => r.SubjectId == subject.Id && r.Status == ResidenceChangeStatus.AwaitingCounty, cancellationToken))
            return new(CommandResult.Fail("已有一份待审批的变更居住地申请"), 0);
        var change = new ResidenceChange
        {
            CountyId = subject.CountyId, TownshipId = subject.TownshipId, SubjectId = subject.Id,
            AppliedOn = DateOnly.FromDateTime(command.AppliedOn!.Value), MoveOn = DateOnly.FromDateTime(command.MoveOn!.Value),
            NewAddress = command.NewAddress.Trim(), NewCountyBureau = command.NewCountyBureau.Trim(), Reason = command.Reason.Trim(),
            OfficeOpinion = command.OfficeOpinion.Trim(), Status = ResidenceChangeStatus.AwaitingCounty,
        };
        db.ResidenceChanges.Add(change);
        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return new(saved, 0);
        await CorrectionCases.AuditAsync(auditLog, currentUser, subject.Id, "变更居住地申请", cancellationToken);
        return new(CommandResult.Success, change.Id);
    }
}
