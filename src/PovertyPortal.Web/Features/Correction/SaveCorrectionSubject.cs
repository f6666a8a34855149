using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>
/// Opens a case at the county — from an assessment's entrustment (调查评估委托, art. 4) or, when nobody asked for one,
/// from the legal documents received (art. 11) — or corrects the person's particulars. Opening is the county's; both
/// correction roles correct particulars. An ID or phone left empty on an existing case stays as it is (the form shows
/// only the masks).
/// </summary>
public sealed partial class SaveCorrectionSubject(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public enum Opening
    {
        Entrustment,
        Documents,
    }

    public sealed class Command
    {
        public int? Id { get; set; }
        public Guid Version { get; set; }
        public Opening OpenedBy { get; set; } = Opening.Entrustment;
        public int? TownshipId { get; set; }
        public string Name { get; set; } = "";
        public Gender? Gender { get; set; }
        public DateTime? BirthDate { get; set; }
        public string? ResidentId { get; set; }
        public string? Phone { get; set; }
        public string? Address { get; set; }
        public CorrectionType? Type { get; set; }
        public bool IsMedicalParole { get; set; }
        public string? Crime { get; set; }
        public string? Sentence { get; set; }
        public string? DecisionOrganName { get; set; }
        public string? CaseNumber { get; set; }
        public SupervisionLevel SupervisionLevel { get; set; } = SupervisionLevel.Normal;
        public string? CaseOfficerUserId { get; set; }

        // Opening by entrustment
        public DateTime? EntrustedOn { get; set; }
        public EntrustingOrgan? EntrustingOrgan { get; set; }
        public string? EntrustingOrganName { get; set; }
        public string? AssessmentTeam { get; set; }

        // Opening by documents
        public DateTime? DocumentsReceivedOn { get; set; }
        public DateTime? EffectiveOn { get; set; }
        public DateTime? CorrectionStart { get; set; }
        public DateTime? CorrectionEnd { get; set; }

        public static Command From(CorrectionSubject s) => new()
        {
            Id = s.Id, Version = s.Version, TownshipId = s.TownshipId, Name = s.Name, Gender = s.Gender, BirthDate = CorrectionCases.Picker(s.BirthDate),
            Address = s.Address, Type = s.Type, IsMedicalParole = s.IsMedicalParole, Crime = s.Crime, Sentence = s.Sentence,
            DecisionOrganName = s.DecisionOrganName, CaseNumber = s.CaseNumber, SupervisionLevel = s.SupervisionLevel, CaseOfficerUserId = s.CaseOfficerUserId,
        };
    }

    public sealed partial class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var today = PortalYears.Today(clock);
            RuleFor(c => c.TownshipId).NotNull().WithMessage("请选择司法所（乡镇）");
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写姓名")
                .MaximumLength(50).WithMessage("姓名不能超过50个字");
            RuleFor(c => c.Gender).NotNull().WithMessage("请选择性别");
            RuleFor(c => c.BirthDate).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写出生日期")
                .Must(d => DateOnly.FromDateTime(d!.Value) <= today.AddYears(-12)).WithMessage("出生日期有误：矫正对象应年满12周岁");
            RuleFor(c => c.ResidentId).Custom((value, context) =>
            {
                if (string.IsNullOrWhiteSpace(value)) return;
                if (!Domain.Households.ResidentId.TryParse(value, out var id, out var error)) context.AddFailure(nameof(Command.ResidentId), error);
                else if (context.InstanceToValidate.BirthDate is { } birth && id.Value.BirthDate != DateOnly.FromDateTime(birth))
                    context.AddFailure(nameof(Command.ResidentId), "公民身份号码中的出生日期与所填出生日期不一致");
                else if (context.InstanceToValidate.Gender is { } gender && id.Value.Gender != gender)
                    context.AddFailure(nameof(Command.ResidentId), "公民身份号码中的性别与所选性别不一致");
            });
            RuleFor(c => c.ResidentId).NotEmpty().When(c => c.Id is null).WithMessage("请填写公民身份号码");
            RuleFor(c => c.Phone).Matches(PhonePattern()).When(c => !string.IsNullOrWhiteSpace(c.Phone))
                .WithMessage("联系电话应为11位手机号码，或带区号的固定电话（如0713-5123456）");
            RuleFor(c => c.Address).MaximumLength(200).WithMessage("居住地址不能超过200个字");
            RuleFor(c => c.Type).NotNull().WithMessage("请选择矫正类别");
            RuleFor(c => c.IsMedicalParole).Equal(false).When(c => c.Type != CorrectionType.TemporaryOutOfPrison)
                .WithMessage("保外就医只适用于暂予监外执行");
            RuleFor(c => c.Crime).MaximumLength(100).WithMessage("罪名不能超过100个字");
            RuleFor(c => c.Sentence).MaximumLength(200).WithMessage("原判刑罚不能超过200个字");
            RuleFor(c => c.DecisionOrganName).MaximumLength(100).WithMessage("决定机关不能超过100个字");
            RuleFor(c => c.CaseNumber).MaximumLength(100).WithMessage("案号不能超过100个字");

            When(c => c.Id is null && c.OpenedBy == Opening.Entrustment, () =>
            {
                RuleFor(c => c.EntrustedOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写收到委托的日期")
                    .Must(d => DateOnly.FromDateTime(d!.Value) <= today).WithMessage("委托日期不能晚于今天");
                RuleFor(c => c.EntrustingOrgan).NotNull().WithMessage("请选择委托机关类别");
                RuleFor(c => c.EntrustingOrganName).Cascade(CascadeMode.Stop)
                    .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写委托机关名称")
                    .MaximumLength(100).WithMessage("委托机关名称不能超过100个字");
                RuleFor(c => c.AssessmentTeam).Cascade(CascadeMode.Stop)
                    .Must(t => CorrectionSubject.AssessmentTeamNames(t).Count >= 2).WithMessage("调查评估小组不少于两人，姓名之间用顿号分隔（第六条）")
                    .MaximumLength(200).WithMessage("调查评估小组不能超过200个字");
            });
            When(c => c.Id is null && c.OpenedBy == Opening.Documents, () =>
            {
                RuleFor(c => c.DocumentsReceivedOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写收到法律文书的日期")
                    .Must(d => DateOnly.FromDateTime(d!.Value) <= today).WithMessage("收到日期不能晚于今天");
                RuleFor(c => c.EffectiveOn).NotNull().WithMessage("请填写判决（裁定、决定）生效或离开监所之日");
                RuleFor(c => c.CorrectionStart).NotNull().WithMessage("请填写矫正起始日");
                RuleFor(c => c.CorrectionEnd).NotNull().WithMessage("请填写矫正期满日");
            });
        }

        [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
        private static partial Regex PhonePattern();
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!CorrectionCases.MayAct(currentUser)) return new(CommandResult.Fail(CorrectionCases.RoleRefusal), 0);
        if (command.Id is null && !PortalRoles.CanDecideCorrectionAtCounty(currentUser.Role)) return new(CommandResult.Fail("立案（接受委托或接收法律文书）由县级司法行政机关办理"), 0);

        var today = PortalYears.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var township = (await CorrectionAreas.TownshipsAsync(db, cancellationToken)).FirstOrDefault(t => t.Id == command.TownshipId);
        if (township is null) return new(CommandResult.Fail(nameof(Command.TownshipId), "该乡镇不存在或不在您的管辖范围内"), 0);
        string? residentId = null;
        if (!string.IsNullOrWhiteSpace(command.ResidentId))
        {
            if (!Domain.Households.ResidentId.TryParse(command.ResidentId, out var parsed, out var error))
                return new(CommandResult.Fail(nameof(Command.ResidentId), error!), 0);
            residentId = parsed.Value.Value;
            // Deterministic encryption lets the ID be compared in the query (decision 0016).
            if (await db.CorrectionSubjects.AnyAsync(s => s.ResidentId == residentId && s.Id != command.Id && CorrectionSubject.OpenStages.Contains(s.Stage), cancellationToken))
            {
                return new(CommandResult.Fail(nameof(Command.ResidentId), "此公民身份号码已有在办的社区矫正案件"), 0);
            }
        }
        if (command.CaseOfficerUserId is { } officer
            && !await db.Users.AnyAsync(u => u.Id == officer && u.CountyId == township.CountyId && !u.IsDisabled, cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.CaseOfficerUserId), "所选承办人不存在或已停用"), 0);
        }

        CorrectionSubject subject;
        string what;
        if (command.Id is int id)
        {
            var found = await CorrectionCases.LoadAsync(db, id, command.Version, cancellationToken);
            if (found is null) return new(CommandResult.Fail(CorrectionCases.NotFound), 0);
            if (!CorrectionPrivacy.CanSeeIdentity(found.IsMinor, found.CaseOfficerUserId, currentUser.Role, currentUser.UserId))
                return new(CommandResult.Fail("未成年矫正对象的身份信息只由本案承办人员修改"), 0);
            subject = found;
            if (subject.TownshipId != township.Id) return new(CommandResult.Fail(nameof(Command.TownshipId), "案件的司法所不能在此更改；跨乡镇变更居住地请办理变更居住地"), 0);
            what = "修改基本信息";
        }
        else
        {
            subject = new CorrectionSubject { Name = "", CountyId = township.CountyId, TownshipId = township.Id };
            db.CorrectionSubjects.Add(subject);
            what = command.OpenedBy == Opening.Entrustment ? "接受调查评估委托" : "接收法律文书立案";
        }
        subject.Name = command.Name.Trim();
        subject.Gender = command.Gender!.Value;
        subject.BirthDate = DateOnly.FromDateTime(command.BirthDate!.Value);
        if (residentId is not null) subject.ResidentId = residentId;
        if (!string.IsNullOrWhiteSpace(command.Phone)) subject.Phone = command.Phone.Trim();
        subject.Address = CorrectionCases.Clean(command.Address);
        subject.Type = command.Type!.Value;
        subject.IsMedicalParole = command.IsMedicalParole;
        subject.Crime = CorrectionCases.Clean(command.Crime);
        subject.Sentence = CorrectionCases.Clean(command.Sentence);
        subject.DecisionOrganName = CorrectionCases.Clean(command.DecisionOrganName);
        subject.CaseNumber = CorrectionCases.Clean(command.CaseNumber);
        subject.SupervisionLevel = command.SupervisionLevel;
        // The county officer who opens a case keeps it unless another is named.
        subject.CaseOfficerUserId = command.CaseOfficerUserId ?? (command.Id is null ? currentUser.UserId : subject.CaseOfficerUserId);

        if (command.Id is null)
        {
            if (command.OpenedBy == Opening.Entrustment)
            {
                subject.Stage = CaseStage.Assessing;
                subject.EntrustedOn = CorrectionCases.Day(command.EntrustedOn);
                subject.EntrustingOrgan = command.EntrustingOrgan;
                subject.EntrustingOrganName = command.EntrustingOrganName!.Trim();
                subject.AssessmentTeam = string.Join("、", CorrectionSubject.AssessmentTeamNames(command.AssessmentTeam));
            }
            else
            {
                subject.Stage = CaseStage.Receiving;
                var received = subject.ReceiveDocuments(CorrectionCases.Day(command.DocumentsReceivedOn)!.Value, CorrectionCases.Day(command.EffectiveOn)!.Value,
                    CorrectionCases.Day(command.CorrectionStart)!.Value, CorrectionCases.Day(command.CorrectionEnd)!.Value);
                if (!received.Succeeded) return new(CommandResult.Fail(received.Refusal!), 0);
            }
        }
        subject.RefreshMinority(today);

        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return new(saved, 0);
        await CorrectionCases.AuditAsync(auditLog, currentUser, subject.Id, what, cancellationToken);
        return new(CommandResult.Success, subject.Id);
    }
}
