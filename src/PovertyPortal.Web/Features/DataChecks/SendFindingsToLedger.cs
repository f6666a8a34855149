using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Rectification;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>
/// 转入整改台账: each chosen open finding becomes a problem of the ledger (source 大数据比对) with the responsible unit,
/// person and deadline given once for all of them. All or none: a finding already sent, resolved or out of reach
/// refuses the whole lot with the reason.
/// </summary>
public sealed class SendFindingsToLedger(
    IDbContextFactory<PortalDbContext> dbFactory, DataCheckRules rules, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public const int MostAtOnce = 500;

    public sealed class Command
    {
        public List<long> FindingIds { get; set; } = [];
        public string? ResponsibleUnit { get; set; }
        public string? ResponsiblePerson { get; set; }
        public DateTime? Deadline { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.FindingIds).NotEmpty().WithMessage("请先勾选要转入台账的比对发现")
                .Must(ids => ids.Count <= MostAtOnce).WithMessage($"一次最多转入 {MostAtOnce} 条");
            RuleFor(c => c.ResponsibleUnit).ResponsibleUnitRules();
            RuleFor(c => c.ResponsiblePerson).ResponsiblePersonRules();
            RuleFor(c => c.Deadline).NotNull().WithMessage("请选择整改时限")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) >= PortalYears.Today(clock)).WithMessage("整改时限不能早于今天");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRaiseProblems(currentUser.Role)) return new(CommandResult.Fail("您的角色不能把比对发现转入整改台账"), 0);
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        return await SaveGuard.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = command.FindingIds.Distinct().ToList();
            var findings = await db.DataCheckFindings.Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken);
            if (findings.Count != ids.Count) return new CommandResult<int>(CommandResult.Fail("所选比对发现有的不存在或不在您的管辖范围内"), 0);
            if (findings.FirstOrDefault(f => f.ProblemId is not null) is { } sent)
                return new(CommandResult.Fail($"{sent.Subject}已转入整改台账（问题 {sent.ProblemId}），请取消勾选"), 0);
            if (findings.FirstOrDefault(f => !f.IsOpen) is { } resolved)
                return new(CommandResult.Fail($"{resolved.Subject}的数据已修正，无需转入整改台账"), 0);
            if (findings.FirstOrDefault(f => rules.Find(f.RuleCode) is null) is { } retired)
                return new(CommandResult.Fail($"规则 {retired.RuleCode} 已不存在，不能转入"), 0);

            var today = PortalYears.Today(clock);
            var assignment = new ProblemAssignment(command.ResponsibleUnit, command.ResponsiblePerson, null, DateOnly.FromDateTime(command.Deadline!.Value));
            var problems = findings.Select(f => (Finding: f, Problem: DataCheckLedger.Raise(rules.ByCode[f.RuleCode], f, assignment, today))).ToList();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                db.Problems.AddRange(problems.Select(p => p.Problem));
                await db.SaveChangesAsync(token);
                foreach (var (finding, problem) in problems) finding.ProblemId = problem.Id;
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
            }, cancellationToken);
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.DataCheckToLedger, "Problem",
                string.Join(",", problems.Take(20).Select(p => p.Problem.Id.ToString(CultureInfo.InvariantCulture))),
                $"转入 {problems.Count} 条：" + string.Join("、", findings.Select(f => f.RuleCode).Distinct().Order()), cancellationToken);
            return new CommandResult<int>(CommandResult.Success, problems.Count);
        });
    }
}
