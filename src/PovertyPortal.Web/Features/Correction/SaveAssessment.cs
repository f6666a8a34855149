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
/// 调查评估 (arts. 6–9): the group and the findings of art. 8 kept as they come in; once, an extension of five working
/// days with its reason; then the opinion 适用/不适用 and the day it went back to the entrusting organ. County business.
/// </summary>
public sealed class SaveAssessment(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public enum AssessmentStep
    {
        Save,
        Extend,
        Conclude,
    }

    public sealed class Command
    {
        public int SubjectId { get; set; }
        public Guid Version { get; set; }
        public AssessmentStep Step { get; set; }
        public string? AssessmentTeam { get; set; }
        public string? ResidenceFinding { get; set; }
        public string? FamilyFinding { get; set; }
        public string? ConductFinding { get; set; }
        public string? OffenceImpactFinding { get; set; }
        public string? CommunityAndVictimOpinion { get; set; }
        public string? ProposedProhibitions { get; set; }
        public string? ExtensionReason { get; set; }
        public AssessmentConclusion? Conclusion { get; set; }
        public DateTime? RepliedOn { get; set; }

        public static Command From(CorrectionSubject s) => new()
        {
            SubjectId = s.Id, Version = s.Version, AssessmentTeam = s.AssessmentTeam, ResidenceFinding = s.ResidenceFinding,
            FamilyFinding = s.FamilyFinding, ConductFinding = s.ConductFinding, OffenceImpactFinding = s.OffenceImpactFinding,
            CommunityAndVictimOpinion = s.CommunityAndVictimOpinion, ProposedProhibitions = s.ProposedProhibitions,
            ExtensionReason = s.AssessmentExtensionReason, Conclusion = s.AssessmentConclusion, RepliedOn = CorrectionCases.Picker(s.AssessmentRepliedOn),
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.AssessmentTeam).Must(t => CorrectionSubject.AssessmentTeamNames(t).Count >= 2)
                .WithMessage("调查评估小组不少于两人，姓名之间用顿号分隔（第六条）");
            foreach (var field in new System.Linq.Expressions.Expression<Func<Command, string?>>[]
                { c => c.ResidenceFinding, c => c.FamilyFinding, c => c.ConductFinding, c => c.OffenceImpactFinding, c => c.CommunityAndVictimOpinion, c => c.ProposedProhibitions })
            {
                RuleFor(field).MaximumLength(2000).WithMessage("每项调查情况不能超过2000个字");
            }
            RuleFor(c => c.ExtensionReason).Must(r => !string.IsNullOrWhiteSpace(r)).When(c => c.Step == AssessmentStep.Extend)
                .WithMessage("请填写延期的特殊情况（须与委托机关联系说明）");
            RuleFor(c => c.ExtensionReason).MaximumLength(500).WithMessage("延期理由不能超过500个字");
            RuleFor(c => c.Conclusion).NotNull().When(c => c.Step == AssessmentStep.Conclude).WithMessage("请选择评估意见");
            RuleFor(c => c.RepliedOn).Cascade(CascadeMode.Stop).NotNull().When(c => c.Step == AssessmentStep.Conclude).WithMessage("请填写反馈委托机关的日期")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= PortalYears.Today(clock)).WithMessage("反馈日期不能晚于今天");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanDecideCorrectionAtCounty(currentUser.Role)) return CommandResult.Fail("调查评估由县级司法行政机关组织");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await CorrectionCases.LoadAsync(db, command.SubjectId, command.Version, cancellationToken);
        if (subject is null) return CommandResult.Fail(CorrectionCases.NotFound);
        if (subject.Stage != CaseStage.Assessing || subject.AssessmentConclusion is not null) return CommandResult.Fail("调查评估已结束，不能再修改");
        subject.AssessmentTeam = string.Join("、", CorrectionSubject.AssessmentTeamNames(command.AssessmentTeam));
        subject.ResidenceFinding = CorrectionCases.Clean(command.ResidenceFinding);
        subject.FamilyFinding = CorrectionCases.Clean(command.FamilyFinding);
        subject.ConductFinding = CorrectionCases.Clean(command.ConductFinding);
        subject.OffenceImpactFinding = CorrectionCases.Clean(command.OffenceImpactFinding);
        subject.CommunityAndVictimOpinion = CorrectionCases.Clean(command.CommunityAndVictimOpinion);
        subject.ProposedProhibitions = CorrectionCases.Clean(command.ProposedProhibitions);
        var rule = command.Step switch
        {
            AssessmentStep.Extend => subject.ExtendAssessment(command.ExtensionReason),
            AssessmentStep.Conclude => subject.ConcludeAssessment(command.Conclusion!.Value, DateOnly.FromDateTime(command.RepliedOn!.Value)),
            _ => RuleResult.Ok,
        };
        if (!rule.Succeeded) return CommandResult.Fail(rule.Refusal!);

        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return saved;
        var what = command.Step switch
        {
            AssessmentStep.Extend => "调查评估延期",
            AssessmentStep.Conclude => $"调查评估意见：{command.Conclusion!.Value.Label()}",
            _ => "保存调查评估情况",
        };
        await CorrectionCases.AuditAsync(auditLog, currentUser, subject.Id, what, cancellationToken);
        return CommandResult.Success;
    }
}
