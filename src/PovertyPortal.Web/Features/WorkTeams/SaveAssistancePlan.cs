using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>帮扶计划 (因户施策): one measure of a pairing for one year, its responsible person, target date and whether it is done.</summary>
public sealed class SaveAssistancePlan(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        public int? Id { get; set; }
        public int PairingId { get; set; }
        public int Year { get; set; }
        public string Measure { get; set; } = "";
        public string ResponsiblePerson { get; set; } = "";
        public DateTime? TargetDate { get; set; }
        public bool Done { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(PortalYears.FirstWorkYear, PortalYears.LastPlanningYear)
                .WithMessage($"年度应在{PortalYears.FirstWorkYear}至{PortalYears.LastPlanningYear}年之间");
            RuleFor(c => c.Measure).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请填写帮扶措施").MaximumLength(500).WithMessage("帮扶措施不能超过500个字");
            RuleFor(c => c.ResponsiblePerson).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请填写责任人").MaximumLength(50).WithMessage("责任人不能超过50个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return new(CommandResult.Fail("您的角色不能填写帮扶计划"), 0);
        command.Measure = command.Measure.Trim();
        command.ResponsiblePerson = command.ResponsiblePerson.Trim();
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pairing = await db.Pairings.FirstOrDefaultAsync(p => p.Id == command.PairingId, cancellationToken);
        if (pairing is null) return new(CommandResult.Fail("该结对记录不存在或不在您的管辖范围内"), 0);
        AssistancePlan plan;
        if (command.Id is int id)
        {
            var found = await db.AssistancePlans.FirstOrDefaultAsync(p => p.Id == id && p.PairingId == pairing.Id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该帮扶计划不存在或不在您的管辖范围内"), 0);
            plan = found;
            RecordVersion.Expect(db, found, command.Version);
        }
        else
        {
            plan = new AssistancePlan { Measure = command.Measure, ResponsiblePerson = command.ResponsiblePerson, CountyId = pairing.CountyId, TownshipId = pairing.TownshipId, VillageId = pairing.VillageId, PairingId = pairing.Id };
            db.AssistancePlans.Add(plan);
        }
        plan.Year = command.Year;
        plan.Measure = command.Measure;
        plan.ResponsiblePerson = command.ResponsiblePerson;
        plan.TargetDate = command.TargetDate is { } t ? DateOnly.FromDateTime(t) : null;
        plan.Done = command.Done;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该帮扶计划"), 0);
        }
        return new(CommandResult.Success, plan.Id);
    }
}
