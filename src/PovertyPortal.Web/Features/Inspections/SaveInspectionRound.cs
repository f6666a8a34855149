using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 新建督导方案 / 基本信息: title, year, dates and quota of a round. A new round gets its own copy of the county's
/// checklist template (the template is first seeded from <see cref="Checklists.DefaultTemplate"/> when the county has
/// none). Only while the round is a draft.
/// </summary>
public sealed class SaveInspectionRound(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed class Command
    {
        public int? Id { get; set; }

        /// <summary>Only for a new round, and only needed when the user's scope holds more than one county (system administrators).</summary>
        public int? CountyId { get; set; }
        public string Title { get; set; } = "";
        public int Year { get; set; }
        public DateTime? StartDate { get; set; }
        public DateTime? EndDate { get; set; }
        public int RegisteredQuota { get; set; } = SampleQuota.Default.Registered;
        public int MonitoredQuota { get; set; } = SampleQuota.Default.Monitored;

        public static Command From(InspectionRound r) => new()
        {
            Id = r.Id, CountyId = r.CountyId, Title = r.Title, Year = r.Year,
            StartDate = r.StartDate.ToDateTime(TimeOnly.MinValue), EndDate = r.EndDate.ToDateTime(TimeOnly.MinValue),
            RegisteredQuota = r.RegisteredQuota, MonitoredQuota = r.MonitoredQuota,
        };
    }

    /// <summary>The form's rules, field by field; <see cref="InspectionRound.Validate"/> asks the round's rules again.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写督导方案标题")
                .MaximumLength(200).WithMessage("标题不能超过200个字");
            RuleFor(c => c.Year).InclusiveBetween(PortalYears.FirstWorkYear, PortalYears.LastPlanningYear)
                .WithMessage($"年度应在{PortalYears.FirstWorkYear}至{PortalYears.LastPlanningYear}年之间");
            RuleFor(c => c.StartDate).NotNull().WithMessage("请选择开始日期");
            RuleFor(c => c.EndDate).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请选择结束日期")
                .Must((c, end) => c.StartDate is null || end >= c.StartDate).WithMessage("结束日期不能早于开始日期");
            RuleFor(c => c.RegisteredQuota).InclusiveBetween(0, 500).WithMessage("每村抽取户数应在0至500之间");
            RuleFor(c => c.MonitoredQuota).InclusiveBetween(0, 500).WithMessage("每村抽取户数应在0至500之间");
            RuleFor(c => c.MonitoredQuota).Must((c, m) => c.RegisteredQuota + m > 0).WithMessage("每村至少应抽取一户");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (InspectionRoundCommands.Refusal(currentUser) is { } refused) return new(refused, 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        InspectionRound round;
        if (command.Id is int id)
        {
            var found = await db.InspectionRounds.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (found is null) return new(CommandResult.Fail(InspectionRoundCommands.NotFound), 0);
            if (!found.IsEditable) return new(CommandResult.Fail(InspectionRoundCommands.NotEditable), 0);
            round = found;
        }
        else
        {
            var (county, why) = await InspectionRoundCommands.CountyAsync(db, command.CountyId, cancellationToken);
            if (county is null) return new(CommandResult.Fail(nameof(Command.CountyId), why!), 0);
            round = new InspectionRound { Title = "", CountyId = county.Value, Status = InspectionRoundStatus.Draft };
        }
        round.Title = command.Title.Trim();
        round.Year = command.Year;
        round.StartDate = DateOnly.FromDateTime(command.StartDate!.Value);
        round.EndDate = DateOnly.FromDateTime(command.EndDate!.Value);
        round.RegisteredQuota = command.RegisteredQuota;
        round.MonitoredQuota = command.MonitoredQuota;
        if (round.Validate() is [var first, ..]) return new(CommandResult.Fail(first), 0);

        if (command.Id is null)
        {
            // The round and its checklist together, or neither.
            await db.Database.InTransactionAsync(async token =>
            {
                db.ChangeTracker.Clear();
                round.Id = 0;
                db.InspectionRounds.Add(round);
                await db.SaveChangesAsync(token);
                var template = await CountyChecklistTemplate.EnsureAsync(db, round.CountyId, token);
                db.ChecklistItems.AddRange(Checklists.CopyForRound(template, round.Id, round.CountyId));
                await db.SaveChangesAsync(token);
            }, cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        await InspectionRoundCommands.AuditAsync(auditLog, currentUser, AuditActions.InspectionPlanChanged, round,
            command.Id is null ? "新建督导方案" : "修改基本信息", cancellationToken);
        return new(CommandResult.Success, round.Id);
    }
}
