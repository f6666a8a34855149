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
/// 撤销缓刑/假释建议 (art. 41) or 收监执行建议 (art. 42) — the kind follows the subject's type — and later the court's or
/// organ's decision, due within a month or fifteen days. A granted proposal ends the case (art. 48).
/// </summary>
public sealed class SaveProposal(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int SubjectId { get; set; }

        /// <summary>Set to record the decision on an existing proposal.</summary>
        public int? ProposalId { get; set; }
        public DateTime? ProposedOn { get; set; }
        public string Ground { get; set; } = "";
        public string Facts { get; set; } = "";
        public string SubmittedTo { get; set; } = "";
        public string DocumentNumber { get; set; } = "";
        public DateTime? DecidedOn { get; set; }
        public ProposalOutcome? Outcome { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var endOfToday = PortalYears.EndOfToday(clock);
            When(c => c.ProposalId is null, () =>
            {
                RuleFor(c => c.ProposedOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写提出建议的日期")
                    .Must(d => d < endOfToday).WithMessage("建议日期不能晚于今天");
                RuleFor(c => c.Ground).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请选择或填写建议的情形")
                    .MaximumLength(200).WithMessage("情形不能超过200个字");
                RuleFor(c => c.Facts).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写事实和证明材料")
                    .MaximumLength(2000).WithMessage("事实不能超过2000个字");
                RuleFor(c => c.SubmittedTo).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写提请的人民法院或批准、决定机关")
                    .MaximumLength(100).WithMessage("机关名称不能超过100个字");
                RuleFor(c => c.DocumentNumber).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写建议书文号")
                    .MaximumLength(100).WithMessage("文号不能超过100个字");
            });
            When(c => c.ProposalId is not null, () =>
            {
                RuleFor(c => c.DecidedOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写裁定（决定）日期")
                    .Must(d => d < endOfToday).WithMessage("裁定（决定）日期不能晚于今天");
                RuleFor(c => c.Outcome).NotNull().WithMessage("请选择裁定（决定）结果");
            });
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanDecideCorrectionAtCounty(currentUser.Role)) return new(CommandResult.Fail("撤销缓刑、假释和收监执行建议由县级司法行政机关提出"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await db.CorrectionSubjects.FirstOrDefaultAsync(s => s.Id == command.SubjectId, cancellationToken);
        if (subject is null) return new(CommandResult.Fail(CorrectionCases.NotFound), 0);
        CorrectionProposal proposal;
        string what;
        if (command.ProposalId is int id)
        {
            var found = await db.CorrectionProposals.FirstOrDefaultAsync(p => p.Id == id && p.SubjectId == subject.Id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该建议不存在或不在您的管辖范围内"), 0);
            if (found.DecidedOn is not null) return new(CommandResult.Fail("该建议的裁定（决定）已登记"), 0);
            var decided = DateOnly.FromDateTime(command.DecidedOn!.Value);
            if (decided < found.ProposedOn) return new(CommandResult.Fail(nameof(Command.DecidedOn), "裁定（决定）日期不能早于建议日期"), 0);
            found.DecidedOn = decided;
            found.Outcome = command.Outcome;
            if (command.Outcome == ProposalOutcome.Granted)
            {
                var reason = found.Kind == ProposalKind.Revocation ? TerminationReason.Revoked : TerminationReason.Reimprisoned;
                var ended = subject.Terminate(decided, reason, $"{found.Kind.Label(subject.Type)}（{found.DocumentNumber}）已采纳");
                if (!ended.Succeeded) return new(CommandResult.Fail(ended.Refusal!), 0);
            }
            proposal = found;
            what = $"登记{found.Kind.Label(subject.Type)}的结果：{command.Outcome!.Value.Label()}";
        }
        else
        {
            if (DisciplineRules.ProposalFor(subject.Type) is not { } kind) return new(CommandResult.Fail("管制类矫正对象不适用撤销缓刑、假释或收监执行建议"), 0);
            if (subject.Stage is not (CaseStage.Receiving or CaseStage.AwaitingAnnouncement or CaseStage.UnderCorrection))
                return new(CommandResult.Fail($"案件处于“{subject.Stage.Label()}”阶段，不能提出建议"), 0);
            if (await db.CorrectionProposals.AnyAsync(p => p.SubjectId == subject.Id && p.DecidedOn == null, cancellationToken))
                return new(CommandResult.Fail("已有一份尚未裁定（决定）的建议"), 0);
            var proposedOn = DateOnly.FromDateTime(command.ProposedOn!.Value);
            proposal = new CorrectionProposal
            {
                CountyId = subject.CountyId, TownshipId = subject.TownshipId, SubjectId = subject.Id, Kind = kind, ProposedOn = proposedOn,
                Ground = command.Ground.Trim(), Facts = command.Facts.Trim(), SubmittedTo = command.SubmittedTo.Trim(),
                DocumentNumber = command.DocumentNumber.Trim(), DecisionDueOn = CorrectionProposal.DueAfter(kind, proposedOn),
            };
            db.CorrectionProposals.Add(proposal);
            what = $"提出{kind.Label(subject.Type)}";
        }
        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return new(saved, 0);
        await CorrectionCases.AuditAsync(auditLog, currentUser, subject.Id, what, cancellationToken);
        return new(CommandResult.Success, proposal.Id);
    }

    /// <summary>The grounds of the articles, offered in the form; the user may write another.</summary>
    public static IReadOnlyList<string> GroundsFor(ProposalKind kind) => kind == ProposalKind.Revocation
        ?
        [
            "违反人民法院禁止令，情节严重", "未按规定时间报到或者脱离监管超过一个月", "因违反监督管理规定受到治安管理处罚，仍不改正",
            "受到三次警告仍不改正", "其他违反有关法律、行政法规和监督管理规定，情节严重",
        ]
        :
        [
            "发现不符合暂予监外执行条件", "擅自离开居住的市、县，经警告拒不改正，或者拒不报告行踪，脱离监管", "因违反监督管理规定受到治安管理处罚，仍不改正",
            "受到两次警告，仍不改正", "保外就医期间不按规定提交病情复查情况，经警告拒不改正", "暂予监外执行的情形消失后，刑期未满",
            "保证人丧失保证条件或被取消保证人资格，又不能在规定期限内提出新的保证人", "其他违反有关法律、行政法规和监督管理规定，情节严重",
        ];
}
