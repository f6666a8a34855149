using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// Enters a problem into the ledger by hand (问题录入), or corrects what an open one says. The place (township,
/// village, household) and the first deadline are set once: a problem elsewhere is another problem, and a later
/// deadline is an extension (<see cref="ExtendProblemDeadline"/>) that keeps the original. Officials only
/// (PortalRoles.CanRaiseProblems), inside their scope.
/// </summary>
public sealed class SaveProblem(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public const string RoleRefusal = "您的角色不能录入或修改整改问题";

    public sealed class Command
    {
        public int? Id { get; set; }
        public Guid Version { get; set; }
        public ProblemSource Source { get; set; } = ProblemSource.Manual;
        public string? SourceReference { get; set; }
        public ChecklistArea? Area { get; set; }
        public string? ItemText { get; set; }
        public string Description { get; set; } = "";
        public int? TownshipId { get; set; }
        public int? VillageId { get; set; }
        public int? HouseholdId { get; set; }
        public string ResponsibleUnit { get; set; } = "";
        public string ResponsiblePerson { get; set; } = "";

        /// <summary>The responsible person's account, who then gets the due and overdue alerts.</summary>
        public string? ResponsibleUserId { get; set; }

        /// <summary>A DateTime for the date picker; only the day counts, and only for a new problem.</summary>
        public DateTime? Deadline { get; set; }

        public static Command From(Problem p) => new()
        {
            Id = p.Id, Version = p.Version, Source = p.Source, SourceReference = p.SourceReference, Area = p.Area, ItemText = p.ItemText,
            Description = p.Description, TownshipId = p.TownshipId, VillageId = p.VillageId, HouseholdId = p.HouseholdId,
            ResponsibleUnit = p.ResponsibleUnit, ResponsiblePerson = p.ResponsiblePerson, ResponsibleUserId = p.ResponsibleUserId,
            Deadline = p.Deadline.ToDateTime(TimeOnly.MinValue),
        };
    }

    /// <summary>The form's rules, field by field; the domain's <see cref="Problem.ValidateNew"/> asks the same again before a new problem is raised.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Description).Cascade(CascadeMode.Stop)
                .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("请填写问题描述")
                .MaximumLength(2000).WithMessage("问题描述不能超过2000个字");
            RuleFor(c => c.TownshipId).NotNull().WithMessage("请选择乡（镇）");
            RuleFor(c => c.VillageId).NotNull().When(c => c.HouseholdId is not null).WithMessage("农户的问题须选择所在村");
            RuleFor(c => c.ResponsibleUnit).ResponsibleUnitRules();
            RuleFor(c => c.ResponsiblePerson).ResponsiblePersonRules();
            RuleFor(c => c.Deadline).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请选择整改时限")
                .Must(d => DateOnly.FromDateTime(d!.Value) >= PortalYears.Today(clock)).When(c => c.Id is null, ApplyConditionTo.CurrentValidator).WithMessage("整改时限不能早于今天");
            RuleFor(c => c.SourceReference).MaximumLength(100).WithMessage("来源文号或编号不能超过100个字");
            RuleFor(c => c.ItemText).MaximumLength(500).WithMessage("检查项目不能超过500个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanRaiseProblems(currentUser.Role)) return new(CommandResult.Fail(RoleRefusal), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var township = await db.Townships.FirstOrDefaultAsync(t => t.Id == command.TownshipId, cancellationToken);
        if (township is null) return new(CommandResult.Fail(nameof(Command.TownshipId), "该乡（镇）不存在或不在您的管辖范围内"), 0);
        if (command.ResponsibleUserId is { } userId
            && !await db.Users.AnyAsync(u => u.Id == userId && u.CountyId == township.CountyId && !u.IsDisabled, cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.ResponsibleUserId), "所选账号不存在或已停用"), 0);
        }

        Problem problem;
        string action;
        if (command.Id is int id)
        {
            var found = await ProblemCommands.LoadAsync(db, id, command.Version, cancellationToken);
            if (found is null) return new(CommandResult.Fail(ProblemCommands.NotFound), 0);
            if (!found.IsOpen) return new(CommandResult.Fail($"问题{found.Status.Label()}，不能再修改"), 0);
            problem = found;
            problem.Description = command.Description.Trim();
            problem.ResponsibleUnit = command.ResponsibleUnit.Trim();
            problem.ResponsiblePerson = command.ResponsiblePerson.Trim();
            problem.ResponsibleUserId = command.ResponsibleUserId;
            action = AuditActions.ProblemEdited;
        }
        else
        {
            if (command.VillageId is int villageId
                && !await db.Villages.AnyAsync(v => v.Id == villageId && v.TownshipId == township.Id, cancellationToken))
            {
                return new(CommandResult.Fail(nameof(Command.VillageId), "该村不在所选乡（镇）或不在您的管辖范围内"), 0);
            }
            if (command.HouseholdId is int householdId
                && !await db.Households.AnyAsync(h => h.Id == householdId && h.VillageId == command.VillageId, cancellationToken))
            {
                return new(CommandResult.Fail(nameof(Command.HouseholdId), "该户不在所选村或不在您的管辖范围内"), 0);
            }
            var today = PortalYears.Today(clock);
            var assignment = new ProblemAssignment(command.ResponsibleUnit, command.ResponsiblePerson, command.ResponsibleUserId,
                DateOnly.FromDateTime(command.Deadline!.Value));
            if (Problem.ValidateNew(command.Description, command.VillageId, command.HouseholdId, assignment, today) is [var first, ..])
            {
                return new(CommandResult.Fail(first), 0);
            }
            problem = Problem.Raise(command.Source, township.CountyId, township.Id, command.VillageId, command.HouseholdId,
                command.Description, assignment, today);
            db.Problems.Add(problem);
            action = AuditActions.ProblemRaised;
        }
        problem.Source = command.Source;
        problem.SourceReference = Clean(command.SourceReference);
        problem.Area = command.Area;
        problem.ItemText = Clean(command.ItemText);

        var saved = await ProblemCommands.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return new(saved, 0);
        var recordId = problem.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await auditLog.WriteAsync(currentUser.UserName, action, AuditOutcome.Success, $"乡镇 {problem.TownshipId} · 整改问题 {recordId}",
            nameof(Problem), recordId, $"{problem.Source.Label()}，时限{problem.Deadline:yyyy-MM-dd}", cancellationToken);
        return new(CommandResult.Success, problem.Id);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
