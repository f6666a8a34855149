using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>
/// 结对帮扶: pairs a cadre (a team member or another official) with a registered household. The cadre's ID number
/// is required so that the rule can be kept: nobody is paired with a household in which they are a registered member.
/// </summary>
public sealed class SavePairing(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        public int? Id { get; set; }
        public int VillageId { get; set; }
        public int? HouseholdId { get; set; }
        public int? WorkTeamMemberId { get; set; }
        public string CadreName { get; set; } = "";
        public string? CadreUnit { get; set; }

        /// <summary>Required for a new pairing; on an edit, empty keeps the stored number (the form never shows it).</summary>
        public string? CadreResidentId { get; set; }
        public DateTime? StartDate { get; set; }
        public DateTime? EndDate { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HouseholdId).NotNull().WithMessage("请选择结对的贫困户");
            RuleFor(c => c.CadreName).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请填写帮扶责任人姓名").Length(2, 20).WithMessage("姓名应为2至20个字");
            RuleFor(c => c.CadreUnit).MaximumLength(100).WithMessage("工作单位不能超过100个字");
            RuleFor(c => c.CadreResidentId).NotEmpty().WithMessage("请填写帮扶责任人的公民身份号码").When(c => c.Id is null);
            RuleFor(c => c.CadreResidentId).Custom((value, context) =>
            {
                if (ResidentId.Validate(value, out _) is { } error) context.AddFailure(error);
            }).When(c => !string.IsNullOrWhiteSpace(c.CadreResidentId));
            RuleFor(c => c.StartDate).NotNull().WithMessage("请填写结对日期");
            RuleFor(c => c.EndDate).GreaterThanOrEqualTo(c => c.StartDate).WithMessage("结束日期不能早于结对日期")
                .When(c => c.EndDate is not null && c.StartDate is not null);
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanManageTeams(currentUser.Role)) return new(CommandResult.Fail("您的角色不能安排结对帮扶"), 0);
        command.CadreName = command.CadreName.Trim();
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == command.HouseholdId && h.VillageId == command.VillageId, cancellationToken);
        if (household is null) return new(CommandResult.Fail(nameof(Command.HouseholdId), "该户不存在，或不在您的管辖范围内"), 0);
        if (command.WorkTeamMemberId is int memberId
            && !await db.WorkTeamMembers.AnyAsync(m => m.Id == memberId && m.WorkTeam!.VillageId == household.VillageId, cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.WorkTeamMemberId), "只能选择本村工作队的队员"), 0);
        }

        Pairing pairing;
        if (command.Id is int id)
        {
            var found = await db.Pairings.FirstOrDefaultAsync(p => p.Id == id && p.VillageId == household.VillageId, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该结对记录不存在或不在您的管辖范围内"), 0);
            pairing = found;
            RecordVersion.Expect(db, found, command.Version);
        }
        else
        {
            pairing = new Pairing { CadreName = command.CadreName, CadreResidentId = "" };
            db.Pairings.Add(pairing);
        }
        var residentId = string.IsNullOrWhiteSpace(command.CadreResidentId) ? pairing.CadreResidentId : ResidentId.Normalize(command.CadreResidentId);

        // The rule of the issue: a cadre cannot be responsible for their own household.
        if (await db.Members.IgnoreQueryFilters().AnyAsync(m => m.HouseholdId == household.Id && m.ResidentId == residentId && !m.IsDeceased, cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.CadreResidentId), $"{command.CadreName}是该户的家庭成员，不能与本人所在的贫困户结对"), 0);
        }

        pairing.CountyId = household.CountyId;
        pairing.TownshipId = household.TownshipId;
        pairing.VillageId = household.VillageId;
        pairing.HouseholdId = household.Id;
        pairing.WorkTeamMemberId = command.WorkTeamMemberId;
        pairing.CadreName = command.CadreName;
        pairing.CadreUnit = string.IsNullOrWhiteSpace(command.CadreUnit) ? null : command.CadreUnit.Trim();
        pairing.CadreResidentId = residentId;
        pairing.StartDate = DateOnly.FromDateTime(command.StartDate!.Value);
        pairing.EndDate = command.EndDate is { } end ? DateOnly.FromDateTime(end) : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该结对记录"), 0);
        }
        return new(CommandResult.Success, pairing.Id);
    }
}
