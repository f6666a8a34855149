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
/// The county's local rules: days from clue to approval per kind, the 公示 period (never under the national five days),
/// the months of stable income before a risk is eliminated and whether a household without labour stays monitored.
/// New cases take the days in force when they are proposed.
/// </summary>
public sealed class SaveProcedureRules(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed class Command
    {
        public int CountyId { get; set; }
        public int NoticeDays { get; set; } = ProcedureRules.MinimumNoticeDays;
        public int IdentificationDays { get; set; }
        public int ExitDays { get; set; }
        public int ReturnDays { get; set; }
        public int MonitoringDays { get; set; }
        public int RiskEliminationDays { get; set; }
        public int RemovalDays { get; set; }
        public int StableIncomeMonths { get; set; }
        public bool KeepMonitoringWithoutLabour { get; set; }

        public static Command From(ProcedureRules r) => new()
        {
            CountyId = r.CountyId, NoticeDays = r.NoticeDays, IdentificationDays = r.IdentificationDays, ExitDays = r.ExitDays,
            ReturnDays = r.ReturnDays, MonitoringDays = r.MonitoringDays, RiskEliminationDays = r.RiskEliminationDays,
            RemovalDays = r.RemovalDays, StableIncomeMonths = r.StableIncomeMonths, KeepMonitoringWithoutLabour = r.KeepMonitoringWithoutLabour,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NoticeDays).InclusiveBetween(ProcedureRules.MinimumNoticeDays, 30)
                .WithMessage($"公示期应为{ProcedureRules.MinimumNoticeDays}至30天（不少于国家规定的{ProcedureRules.MinimumNoticeDays}天）");
            foreach (var days in new System.Linq.Expressions.Expression<Func<Command, int>>[]
                     { c => c.IdentificationDays, c => c.ExitDays, c => c.ReturnDays, c => c.MonitoringDays, c => c.RiskEliminationDays, c => c.RemovalDays })
            {
                RuleFor(days).InclusiveBetween(7, 180).WithMessage("办理时限应为7至180天");
            }
            RuleFor(c => c.StableIncomeMonths).InclusiveBetween(1, 24).WithMessage("收入稳定月数应为1至24个月");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanApproveProcedures(currentUser.Role)) return CommandResult.Fail("程序办理规则由县级督导设置");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Counties.AnyAsync(c => c.Id == command.CountyId, cancellationToken)) return CommandResult.Fail("该县不在您的管辖范围内");
        var rules = await db.ProcedureRules.FirstOrDefaultAsync(r => r.CountyId == command.CountyId, cancellationToken);
        if (rules is null)
        {
            rules = ProcedureRules.Defaults(command.CountyId);
            db.ProcedureRules.Add(rules);
        }
        (rules.NoticeDays, rules.IdentificationDays, rules.ExitDays, rules.ReturnDays) =
            (command.NoticeDays, command.IdentificationDays, command.ExitDays, command.ReturnDays);
        (rules.MonitoringDays, rules.RiskEliminationDays, rules.RemovalDays) = (command.MonitoringDays, command.RiskEliminationDays, command.RemovalDays);
        (rules.StableIncomeMonths, rules.KeepMonitoringWithoutLabour) = (command.StableIncomeMonths, command.KeepMonitoringWithoutLabour);
        var saved = await ProcedureCases.SaveAsync(db, cancellationToken);
        if (saved.Succeeded)
        {
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.ProcedureRulesChanged, AuditOutcome.Success, "程序办理规则",
                nameof(ProcedureRules), command.CountyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"公示{rules.NoticeDays}天；时限：识别{rules.IdentificationDays}、退出{rules.ExitDays}、返贫{rules.ReturnDays}、纳入监测{rules.MonitoringDays}、" +
                $"风险消除{rules.RiskEliminationDays}、清退{rules.RemovalDays}天；收入稳定{rules.StableIncomeMonths}个月；无劳动能力{(rules.KeepMonitoringWithoutLabour ? "不" : "可")}消除风险",
                cancellationToken);
        }
        return saved;
    }
}
