using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Benefits;

/// <summary>Records one benefit (政策享受) of a household or one of its members, or changes one.</summary>
public sealed class SaveBenefitRecord(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        public int? Id { get; set; }
        public int HouseholdId { get; set; }
        public int? MemberId { get; set; }
        public int? ProgramId { get; set; }
        public int? Year { get; set; }
        public decimal? Amount { get; set; }
        public decimal? Quantity { get; set; }
        public string? Unit { get; set; }
        public DateTime? PaidOn { get; set; }
        public string? Note { get; set; }

        public static Command From(BenefitRecord r) => new()
        {
            Id = r.Id, Version = r.Version, HouseholdId = r.HouseholdId, MemberId = r.MemberId, ProgramId = r.ProgramId, Year = r.Year, Amount = r.Amount,
            Quantity = r.Quantity, Unit = r.Unit, PaidOn = r.PaidOn?.ToDateTime(TimeOnly.MinValue), Note = r.Note,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var thisYear = PortalYears.ThisYear(clock);
            var tomorrow = PortalYears.EndOfToday(clock);
            RuleFor(c => c.ProgramId).NotNull().WithMessage("请选择政策项目");
            RuleFor(c => c.Year).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写年度")
                .InclusiveBetween(PortalYears.FirstRegisterYear, thisYear).WithMessage($"年度应在{PortalYears.FirstRegisterYear}至{thisYear}年之间");
            RuleFor(c => c.Amount).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写金额（实物或服务填0）")
                .GreaterThanOrEqualTo(0).WithMessage("金额不能为负数")
                .LessThan(100_000_000).WithMessage("金额过大，请核对（单位：元）")
                .Must(v => v == Math.Round(v!.Value, 2)).WithMessage("金额最多保留两位小数");
            RuleFor(c => c.Quantity).GreaterThan(0).WithMessage("数量应大于0").When(c => c.Quantity is not null);
            RuleFor(c => c.Unit).MaximumLength(10).WithMessage("单位不能超过10个字");
            RuleFor(c => c.PaidOn).LessThan(tomorrow).WithMessage("发放日期不能晚于今天").When(c => c.PaidOn is not null);
            RuleFor(c => c.Note).MaximumLength(200).WithMessage("备注不能超过200个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanEditRegister(currentUser.Role)) return new(CommandResult.Fail("您的角色不能登记政策享受"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == command.HouseholdId, cancellationToken);
        if (household is null) return new(CommandResult.Fail("该户不存在，或不在您的管辖范围内"), 0);
        var program = await db.BenefitPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.ProgramId, cancellationToken);
        if (program is null) return new(CommandResult.Fail(nameof(Command.ProgramId), "所选政策项目不存在"), 0);
        if (program.Code == BenefitLabels.MicroloanCode)
        {
            return new(CommandResult.Fail(nameof(Command.ProgramId), "小额信贷请在“小额信贷”中登记贷款，不作为政策享受记录"), 0);
        }
        if (command.Quantity is not null && string.IsNullOrWhiteSpace(command.Unit) && program.Unit is null)
        {
            return new(CommandResult.Fail(nameof(Command.Unit), "填写了数量，请同时填写单位"), 0);
        }
        if (command.MemberId is int memberId
            && !await db.Members.AnyAsync(m => m.Id == memberId && m.HouseholdId == household.Id, cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.MemberId), "所选成员不属于该户"), 0);
        }

        BenefitRecord record;
        if (command.Id is int id)
        {
            var found = await db.BenefitRecords.FirstOrDefaultAsync(r => r.Id == id && r.HouseholdId == household.Id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该记录不存在，或不在您的管辖范围内"), 0);
            record = found;
            RecordVersion.Expect(db, found, command.Version);
        }
        else
        {
            record = new BenefitRecord { HouseholdId = household.Id };
            db.BenefitRecords.Add(record);
        }
        (record.CountyId, record.TownshipId, record.VillageId) = (household.CountyId, household.TownshipId, household.VillageId);
        record.MemberId = command.MemberId;
        record.ProgramId = program.Id;
        record.Year = command.Year!.Value;
        record.Amount = command.Amount!.Value;
        record.Quantity = command.Quantity;
        record.Unit = command.Quantity is null ? null : (string.IsNullOrWhiteSpace(command.Unit) ? program.Unit : command.Unit.Trim());
        record.PaidOn = command.PaidOn is { } paid ? DateOnly.FromDateTime(paid) : null;
        record.Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该记录"), 0);
        }
        return new(CommandResult.Success, record.Id);
    }

    /// <summary>Deletes a record entered by mistake (same roles and scope as saving).</summary>
    public async Task<CommandResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanEditRegister(currentUser.Role)) return CommandResult.Fail("您的角色不能删除政策享受记录");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.BenefitRecords.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null) return CommandResult.Fail("该记录不存在，或不在您的管辖范围内");
        db.BenefitRecords.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Success;
    }
}
