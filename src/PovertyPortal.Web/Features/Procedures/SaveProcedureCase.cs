using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Income;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>
/// Proposes a procedure on a household (发起), or corrects a proposal before its village review or after it was sent back
/// for revision; a corrected case sent back returns to the level that sent it. One open procedure per household, so two
/// cases cannot pull its standing two ways.
/// </summary>
public sealed class SaveProcedureCase(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int? Id { get; set; }
        public Guid Version { get; set; }
        public int HouseholdId { get; set; }
        public ProcedureKind? Kind { get; set; }
        public ProcedureSource? Source { get; set; }
        public DateTime? ClueOn { get; set; }
        public string Reason { get; set; } = "";
        public string Evidence { get; set; } = "";
        public PovertyCategory? Category { get; set; }
        public PovertyCause? Cause { get; set; }
        public MonitoringType? MonitoringType { get; set; }

        /// <summary>脱贫年度 of an exit; 识别年度 of an identification (the year of approval when empty).</summary>
        public int? Year { get; set; }

        public static Command From(ProcedureCase c) => new()
        {
            Id = c.Id, Version = c.Version, HouseholdId = c.HouseholdId, Kind = c.Kind, Source = c.Source,
            ClueOn = c.ClueOn.ToDateTime(TimeOnly.MinValue), Reason = c.Reason, Evidence = c.Evidence, Category = c.ProposedCategory,
            Cause = c.ProposedCause, MonitoringType = c.ProposedMonitoringType, Year = c.ProposedYear,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var thisYear = PortalYears.ThisYear(clock);
            RuleFor(c => c.HouseholdId).GreaterThan(0).WithMessage("请选择农户");
            RuleFor(c => c.Kind).NotNull().WithMessage("请选择程序类别");
            RuleFor(c => c.Source).NotNull().WithMessage("请选择来源");
            RuleFor(c => c.ClueOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写申请或发现日期")
                .Must(d => d < PortalYears.EndOfToday(clock)).WithMessage("申请或发现日期不能晚于今天")
                .Must(d => d!.Value.Year >= thisYear - 1).WithMessage("申请或发现日期不能早于上一年度");
            RuleFor(c => c.Reason).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写事由")
                .MaximumLength(1000).WithMessage("事由不能超过1000个字");
            RuleFor(c => c.Evidence).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写佐证材料")
                .MaximumLength(1000).WithMessage("佐证材料不能超过1000个字");
            RuleFor(c => c.Category).NotNull().WithMessage("请选择贫困户属性").When(c => c.Kind == ProcedureKind.Identification);
            RuleFor(c => c.Cause).NotNull().WithMessage("请选择主要致贫原因").When(c => c.Kind == ProcedureKind.Identification);
            RuleFor(c => c.MonitoringType).NotNull().WithMessage("请选择监测对象类别").When(c => c.Kind == ProcedureKind.Monitoring);
            RuleFor(c => c.Year).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写脱贫年度")
                .InclusiveBetween(thisYear - 1, thisYear).WithMessage($"脱贫年度应为{thisYear - 1}年或{thisYear}年")
                .When(c => c.Kind == ProcedureKind.Exit);
            RuleFor(c => c.Year).InclusiveBetween(thisYear - 1, thisYear).WithMessage($"识别年度应为{thisYear - 1}年或{thisYear}年")
                .When(c => c.Kind == ProcedureKind.Identification && c.Year is not null);
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanProposeProcedures(currentUser.Role)) return new(CommandResult.Fail("程序由驻村工作队或乡镇干部发起"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == command.HouseholdId, cancellationToken);
        if (household is null) return new(CommandResult.Fail("该户不存在，或不在您的管辖范围内"), 0);
        var kind = command.Kind!.Value;
        var today = PortalYears.Today(clock);

        ProcedureCase procedure;
        if (command.Id is int id)
        {
            var found = await ProcedureCases.LoadAsync(db, id, command.Version, cancellationToken);
            if (found is null) return new(CommandResult.Fail(ProcedureCases.NotFound), 0);
            if (found.Stage is not (ProcedureStage.Proposed or ProcedureStage.Revising))
                return new(CommandResult.Fail($"该程序处于“{found.Stage.Label()}”阶段，不能修改"), 0);
            if (found.HouseholdId != household.Id || found.Kind != kind) return new(CommandResult.Fail("不能改变程序的农户和类别，请撤回后重新发起"), 0);
            procedure = found;
        }
        else
        {
            var open = await db.ProcedureCases.Where(c => c.HouseholdId == household.Id && c.Stage != ProcedureStage.Approved
                    && c.Stage != ProcedureStage.Rejected && c.Stage != ProcedureStage.Withdrawn)
                .Select(c => new { c.Id, c.Kind }).FirstOrDefaultAsync(cancellationToken);
            if (open is not null) return new(CommandResult.Fail($"该户已有正在办理的{open.Kind.Label()}程序（第{open.Id}号），办结或撤回后再发起"), 0);
            procedure = new ProcedureCase
            {
                CountyId = household.CountyId, TownshipId = household.TownshipId, VillageId = household.VillageId, HouseholdId = household.Id,
                Kind = kind, Stage = ProcedureStage.Proposed, ProposedBy = currentUser.UserName ?? "", ProposedAt = clock.GetUtcNow(),
            };
            db.ProcedureCases.Add(procedure);
        }

        procedure.Source = command.Source!.Value;
        procedure.ClueOn = ProcedureCases.Day(command.ClueOn)!.Value;
        procedure.Reason = command.Reason.Trim();
        procedure.Evidence = command.Evidence.Trim();
        procedure.ProposedCategory = kind == ProcedureKind.Identification ? command.Category : null;
        procedure.ProposedCause = kind == ProcedureKind.Identification ? command.Cause : null;
        procedure.ProposedMonitoringType = kind == ProcedureKind.Monitoring ? command.MonitoringType : null;
        procedure.ProposedYear = kind is ProcedureKind.Exit or ProcedureKind.Identification ? command.Year : null;
        var rules = await ProcedureCases.RulesAsync(db, household.CountyId, cancellationToken);
        procedure.DueOn = rules.DueOn(kind, procedure.ClueOn);

        if (ProcedureCase.Allows(kind, household) is { Succeeded: false } notAllowed) return new(CommandResult.Fail(notAllowed.Refusal!), 0);
        if (procedure.CheckProposal(household) is { Succeeded: false } misfit) return new(CommandResult.Fail(misfit.Refusal!), 0);
        if (kind == ProcedureKind.RiskElimination
            && await RiskEliminationAsync(db, household, rules, today, cancellationToken) is { Succeeded: false } notYet)
        {
            return new(CommandResult.Fail(notYet.Refusal!), 0);
        }
        var resubmitted = procedure.Stage == ProcedureStage.Revising;
        if (resubmitted) procedure.Resubmit(currentUser.UserName ?? "");

        var saved = await ProcedureCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return new(saved, 0);
        await ProcedureCases.AuditAsync(auditLog, currentUser, procedure,
            command.Id is null ? $"发起{kind.Label()}程序（户 {household.Id}）" : resubmitted ? "修改后重新提交" : "修改程序内容", cancellationToken);
        return new(CommandResult.Success, procedure.Id);
    }

    /// <summary>The county's risk-elimination rule over the household's income records and members, as of <paramref name="asOf"/>.</summary>
    public static async Task<RuleResult> RiskEliminationAsync(PortalDbContext db, Household household, ProcedureRules rules, DateOnly asOf,
        CancellationToken cancellationToken)
    {
        var records = await db.IncomeRecords.AsNoTracking().Where(r => r.HouseholdId == household.Id)
            .Select(r => new { r.Year, r.NetIncomePerCapita }).ToListAsync(cancellationToken);
        var province = await PovertyLines.ProvinceOfCountyAsync(db, household.CountyId, cancellationToken);
        // A year without a line of its own is held to the latest earlier one: the standard carries over until it is raised.
        var lines = await db.PovertyLines.AsNoTracking().Where(l => l.Province == PovertyLine.Nationwide || l.Province == province)
            .ToListAsync(cancellationToken);
        var incomes = new List<IncomeYear>();
        foreach (var record in records)
        {
            var year = lines.Where(l => l.Year <= record.Year).Select(l => l.Year).DefaultIfEmpty().Max();
            if (PovertyLines.Pick(lines.Where(l => l.Year == year), province) is { } line)
            {
                incomes.Add(new IncomeYear(record.Year, record.NetIncomePerCapita, line.MonitoringAmount ?? line.Amount));
            }
        }
        var members = household.Members.Count > 0 ? household.Members
            : await db.Members.AsNoTracking().Where(m => m.HouseholdId == household.Id).ToListAsync(cancellationToken);
        return RiskEliminationRules.Check(household.MonitoringIdentifiedOn, asOf, rules, incomes, RiskEliminationRules.HasLabour(members));
    }
}
