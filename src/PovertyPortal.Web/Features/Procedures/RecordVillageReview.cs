using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>
/// 民主评议: the village meeting's date, who took part and the vote. More than half of those present for passes the case
/// on to 公示; otherwise it ends there, recorded with the vote.
/// </summary>
public sealed class RecordVillageReview(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int CaseId { get; set; }
        public Guid Version { get; set; }
        public DateTime? ReviewedOn { get; set; }
        public int? Participants { get; set; }
        public int? VotesFor { get; set; }
        public int? VotesAgainst { get; set; }
        public int? Abstaining { get; set; }
        public string Attendance { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.ReviewedOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写评议日期")
                .Must(d => d < PortalYears.EndOfToday(clock)).WithMessage("评议日期不能晚于今天");
            RuleFor(c => c.Participants).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写参加评议人数")
                .InclusiveBetween(3, 500).WithMessage("参加评议人数应在3至500人之间");
            RuleFor(c => c.VotesFor).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写赞成票数").GreaterThanOrEqualTo(0).WithMessage("票数不能为负");
            RuleFor(c => c.VotesAgainst).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写反对票数").GreaterThanOrEqualTo(0).WithMessage("票数不能为负");
            RuleFor(c => c.Abstaining).GreaterThanOrEqualTo(0).WithMessage("票数不能为负");
            RuleFor(c => c.VotesFor).Must((c, votes) => votes + (c.VotesAgainst ?? 0) + (c.Abstaining ?? 0) <= c.Participants)
                .WithMessage("赞成、反对和弃权票数之和不能超过参加评议人数")
                .When(c => c.VotesFor is not null && c.Participants is not null);
            RuleFor(c => c.Attendance).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t))
                .WithMessage("请填写参加人员（如村两委成员、驻村工作队、党员和村民代表）")
                .MaximumLength(500).WithMessage("参加人员不能超过500个字");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanProposeProcedures(currentUser.Role)) return CommandResult.Fail("民主评议由驻村工作队或乡镇干部记录");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var procedure = await ProcedureCases.LoadAsync(db, command.CaseId, command.Version, cancellationToken);
        if (procedure is null) return CommandResult.Fail(ProcedureCases.NotFound);
        var rule = procedure.RecordVillageReview(ProcedureCases.Day(command.ReviewedOn)!.Value, command.Participants!.Value, command.VotesFor!.Value,
            command.VotesAgainst!.Value, command.Abstaining ?? 0, command.Attendance.Trim(), currentUser.UserName ?? "");
        if (!rule.Succeeded) return CommandResult.Fail(rule.Refusal!);
        var saved = await ProcedureCases.SaveAsync(db, cancellationToken);
        if (saved.Succeeded)
        {
            await ProcedureCases.AuditAsync(auditLog, currentUser, procedure,
                $"民主评议：参加{command.Participants}人，赞成{command.VotesFor}票，{(procedure.Stage == ProcedureStage.Rejected ? "未通过" : "通过")}", cancellationToken);
        }
        return saved;
    }
}
