using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>
/// The 司法所's start of the casework: the 矫正小组 (art. 18, refused unless it meets the article), the five steps of the
/// 宣告 and its day (art. 16), the 监管等级 and the 矫正方案 with its next review (art. 19). Both correction roles.
/// </summary>
public sealed class SaveAnnouncement(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Member
    {
        public string Name { get; set; } = "";
        public GroupMemberRole Role { get; set; } = GroupMemberRole.Volunteer;
        public Gender Gender { get; set; }
        public string? Unit { get; set; }
        public bool IsJudicialOfficeStaff { get; set; }
        public bool KnowsYouthWork { get; set; }
    }

    public sealed class Command
    {
        public int SubjectId { get; set; }
        public Guid Version { get; set; }
        public List<Member> Members { get; set; } = [];
        public bool IdentityChecked { get; set; }
        public bool ContentRead { get; set; }
        public bool GuaranteeRead { get; set; }
        public bool ResponsibilitySigned { get; set; }
        public bool TalkHeld { get; set; }
        public DateTime? AnnouncedOn { get; set; }
        public SupervisionLevel SupervisionLevel { get; set; } = SupervisionLevel.Normal;
        public DateTime? PlanMadeOn { get; set; }
        public string? Plan { get; set; }
        public DateTime? PlanReviewDueOn { get; set; }

        public static Command From(CorrectionSubject s) => new()
        {
            SubjectId = s.Id, Version = s.Version,
            Members = s.GroupMembers.OrderBy(m => m.Role).ThenBy(m => m.Id).Select(m => new Member
            {
                Name = m.Name, Role = m.Role, Gender = m.Gender, Unit = m.Unit, IsJudicialOfficeStaff = m.IsJudicialOfficeStaff, KnowsYouthWork = m.KnowsYouthWork,
            }).ToList(),
            IdentityChecked = s.AnnouncementIdentityChecked, ContentRead = s.AnnouncementContentRead, GuaranteeRead = s.AnnouncementGuaranteeRead,
            ResponsibilitySigned = s.AnnouncementResponsibilitySigned, TalkHeld = s.AnnouncementTalkHeld, AnnouncedOn = CorrectionCases.Picker(s.AnnouncedOn),
            SupervisionLevel = s.SupervisionLevel, PlanMadeOn = CorrectionCases.Picker(s.PlanMadeOn), Plan = s.Plan,
            PlanReviewDueOn = CorrectionCases.Picker(s.PlanReviewDueOn),
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var endOfToday = PortalYears.EndOfToday(clock);
            RuleForEach(c => c.Members).ChildRules(m =>
            {
                m.RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
                    .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写小组成员姓名")
                    .MaximumLength(50).WithMessage("姓名不能超过50个字");
                m.RuleFor(x => x.Unit).MaximumLength(100).WithMessage("单位或身份不能超过100个字");
            });
            RuleFor(c => c.AnnouncedOn).Must(d => d is null || d < endOfToday).WithMessage("宣告日期不能晚于今天");
            RuleFor(c => c.PlanMadeOn).Must(d => d is null || d < endOfToday).WithMessage("方案制定日期不能晚于今天");
            RuleFor(c => c.Plan).Must(p => !string.IsNullOrWhiteSpace(p)).When(c => c.PlanMadeOn is not null).WithMessage("请填写矫正方案的监管、教育和帮扶措施");
            RuleFor(c => c.Plan).MaximumLength(2000).WithMessage("矫正方案不能超过2000个字");
            RuleFor(c => c.PlanReviewDueOn).GreaterThan(c => c.PlanMadeOn).When(c => c.PlanReviewDueOn is not null && c.PlanMadeOn is not null)
                .WithMessage("下次评估调整日期须晚于方案制定日期");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!CorrectionCases.MayAct(currentUser)) return CommandResult.Fail(CorrectionCases.RoleRefusal);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await CorrectionCases.LoadAsync(db, command.SubjectId, command.Version, cancellationToken, withGroup: true);
        if (subject is null) return CommandResult.Fail(CorrectionCases.NotFound);
        if (subject.Stage is not (CaseStage.AwaitingAnnouncement or CaseStage.UnderCorrection))
            return CommandResult.Fail($"案件处于“{subject.Stage.Label()}”阶段：报到后才能宣告和确定矫正小组");

        var members = command.Members.Select(m => new CorrectionGroupMember
        {
            CountyId = subject.CountyId, TownshipId = subject.TownshipId, SubjectId = subject.Id, Name = m.Name.Trim(), Role = m.Role, Gender = m.Gender,
            Unit = CorrectionCases.Clean(m.Unit), IsJudicialOfficeStaff = m.IsJudicialOfficeStaff, KnowsYouthWork = m.KnowsYouthWork,
        }).ToList();
        var today = PortalYears.Today(clock);
        if (CorrectionGroupRules.Check(subject.Gender, subject.IsMinorOn(today), members) is [var refusal, ..])
            return CommandResult.Fail(nameof(Command.Members), refusal);
        db.CorrectionGroupMembers.RemoveRange(subject.GroupMembers);
        subject.GroupMembers.Clear();
        subject.GroupMembers.AddRange(members);
        subject.AnnouncementIdentityChecked = command.IdentityChecked;
        subject.AnnouncementContentRead = command.ContentRead;
        subject.AnnouncementGuaranteeRead = command.GuaranteeRead;
        subject.AnnouncementResponsibilitySigned = command.ResponsibilitySigned;
        subject.AnnouncementTalkHeld = command.TalkHeld;
        subject.SupervisionLevel = command.SupervisionLevel;
        subject.PlanMadeOn = CorrectionCases.Day(command.PlanMadeOn);
        subject.Plan = CorrectionCases.Clean(command.Plan);
        subject.PlanReviewDueOn = CorrectionCases.Day(command.PlanReviewDueOn)
            ?? subject.PlanMadeOn?.AddMonths(CorrectionSubject.PlanReviewMonths);
        var what = "保存矫正小组和矫正方案";
        if (command.AnnouncedOn is { } announced && subject.Stage == CaseStage.AwaitingAnnouncement)
        {
            var rule = subject.Announce(DateOnly.FromDateTime(announced));
            if (!rule.Succeeded) return CommandResult.Fail(rule.Refusal!);
            what = "宣告";
        }

        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return saved;
        await CorrectionCases.AuditAsync(auditLog, currentUser, subject.Id, what, cancellationToken);
        return CommandResult.Success;
    }
}
