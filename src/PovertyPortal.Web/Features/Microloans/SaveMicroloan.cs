using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Microloans;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Microloans;

/// <summary>Records a microloan (扶贫小额信贷) of a household, or its repayments and interest subsidy so far.</summary>
public sealed class SaveMicroloan(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        public int? Id { get; set; }
        public string HouseholdNumber { get; set; } = "";
        public decimal? Principal { get; set; }
        public DateTime? StartDate { get; set; }
        public DateTime? DueDate { get; set; }
        public decimal? InterestSubsidy { get; set; }
        public decimal? Repaid { get; set; }
        public DateTime? LastRepaidOn { get; set; }
        public string? Lender { get; set; }
        public string? Note { get; set; }

        public static Command From(Microloan l, string householdNumber) => new()
        {
            Id = l.Id, Version = l.Version, HouseholdNumber = householdNumber, Principal = l.Principal, StartDate = l.StartDate.ToDateTime(TimeOnly.MinValue),
            DueDate = l.DueDate.ToDateTime(TimeOnly.MinValue), InterestSubsidy = l.InterestSubsidy, Repaid = l.Repaid,
            LastRepaidOn = l.LastRepaidOn?.ToDateTime(TimeOnly.MinValue), Lender = l.Lender, Note = l.Note,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var tomorrow = PortalYears.EndOfToday(clock);
            RuleFor(c => c.HouseholdNumber).NotEmpty().WithMessage("请填写借款户的户编号");
            RuleFor(c => c.Principal).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写贷款金额")
                .GreaterThan(0).WithMessage("贷款金额应大于0")
                .LessThanOrEqualTo(500_000).WithMessage("贷款金额过大，请核对（单位：元；扶贫小额信贷一般不超过5万元）");
            RuleFor(c => c.StartDate).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写放款日期")
                .LessThan(tomorrow).WithMessage("放款日期不能晚于今天");
            RuleFor(c => c.DueDate).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写到期日期")
                .GreaterThan(c => c.StartDate).WithMessage("到期日期应晚于放款日期").When(c => c.StartDate is not null);
            RuleFor(c => c.InterestSubsidy).GreaterThanOrEqualTo(0).WithMessage("贴息金额不能为负数").When(c => c.InterestSubsidy is not null);
            RuleFor(c => c.Repaid).Cascade(CascadeMode.Stop)
                .GreaterThanOrEqualTo(0).WithMessage("已还本金不能为负数")
                .LessThanOrEqualTo(c => c.Principal).WithMessage("已还本金不能超过贷款金额")
                .When(c => c.Repaid is not null && c.Principal is not null);
            RuleFor(c => c.LastRepaidOn).NotNull().WithMessage("有还款时请填写最近还款日期").When(c => c.Repaid > 0);
            RuleFor(c => c.LastRepaidOn).LessThan(tomorrow).WithMessage("还款日期不能晚于今天")
                .GreaterThanOrEqualTo(c => c.StartDate).WithMessage("还款日期不能早于放款日期").When(c => c.LastRepaidOn is not null);
            RuleFor(c => c.Lender).MaximumLength(100).WithMessage("放款机构不能超过100个字");
            RuleFor(c => c.Note).MaximumLength(200).WithMessage("备注不能超过200个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        command.HouseholdNumber = Domain.Households.ResidentId.Normalize(command.HouseholdNumber);
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanEditRegister(currentUser.Role)) return new(CommandResult.Fail("您的角色不能登记小额信贷"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.HouseholdNumber == command.HouseholdNumber, cancellationToken);
        if (household is null) return new(CommandResult.Fail(nameof(Command.HouseholdNumber), "没有这个户编号，或该户不在您的管辖范围内"), 0);
        if (!household.IsRegisteredPoor) return new(CommandResult.Fail(nameof(Command.HouseholdNumber), "扶贫小额信贷只贷给建档立卡户"), 0);

        Microloan loan;
        if (command.Id is int id)
        {
            var found = await db.Microloans.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该笔贷款不存在，或不在您的管辖范围内"), 0);
            loan = found;
            RecordVersion.Expect(db, found, command.Version);
        }
        else
        {
            loan = new Microloan();
            db.Microloans.Add(loan);
        }
        loan.HouseholdId = household.Id;
        (loan.CountyId, loan.TownshipId, loan.VillageId) = (household.CountyId, household.TownshipId, household.VillageId);
        loan.Principal = command.Principal!.Value;
        loan.StartDate = DateOnly.FromDateTime(command.StartDate!.Value);
        loan.DueDate = DateOnly.FromDateTime(command.DueDate!.Value);
        loan.InterestSubsidy = command.InterestSubsidy ?? 0;
        loan.Repaid = command.Repaid ?? 0;
        loan.LastRepaidOn = command.LastRepaidOn is { } repaid ? DateOnly.FromDateTime(repaid) : null;
        loan.Lender = string.IsNullOrWhiteSpace(command.Lender) ? null : command.Lender.Trim();
        loan.Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该笔贷款"), 0);
        }
        return new(CommandResult.Success, loan.Id);
    }
}
