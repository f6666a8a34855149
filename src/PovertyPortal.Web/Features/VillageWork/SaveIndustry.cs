using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Villages;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.VillageWork;

/// <summary>Writes one 产业 of one year: a crop in 亩 or livestock in 头/只, with the households taking part.</summary>
public sealed class SaveIndustry(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        public int? Id { get; set; }
        public int VillageId { get; set; }
        public int Year { get; set; }
        public IndustryKind Kind { get; set; }
        public string Name { get; set; } = "";
        public decimal Quantity { get; set; }
        public QuantityUnit? Unit { get; set; }
        public int? Households { get; set; }

        public static Command From(IndustryRecord i) => new()
        {
            Id = i.Id, VillageId = i.VillageId, Year = i.Year, Kind = i.Kind, Name = i.Name, Quantity = i.Quantity, Unit = i.Unit, Households = i.Households,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(PortalYears.FirstWorkYear, PortalYears.LastPlanningYear)
                .WithMessage($"年度应在{PortalYears.FirstWorkYear}至{PortalYears.LastPlanningYear}年之间");
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请填写品种").MaximumLength(30).WithMessage("品种不能超过30个字");
            RuleFor(c => c.Quantity).GreaterThan(0).WithMessage("规模应大于0");
            RuleFor(c => c.Unit).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请选择单位")
                .Must((c, u) => c.Kind == IndustryKind.Crop ? u == QuantityUnit.Mu : u is QuantityUnit.Head or QuantityUnit.Bird)
                .WithMessage(c => c.Kind == IndustryKind.Crop ? "种植面积的单位应为亩" : "养殖规模的单位应为头或只");
            RuleFor(c => c.Households).GreaterThanOrEqualTo(0).WithMessage("带动户数不能为负数").When(c => c.Households is not null);
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        command.Name = command.Name.Trim();
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return new(CommandResult.Fail("您的角色不能登记产业"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Id == command.VillageId, cancellationToken);
        if (village is null) return new(CommandResult.Fail("该村不存在或不在您的管辖范围内"), 0);
        if (await db.IndustryRecords.AnyAsync(i => i.VillageId == village.Id && i.Year == command.Year && i.Name == command.Name && i.Id != (command.Id ?? 0), cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.Name), $"{command.Year}年已登记“{command.Name}”，请编辑该条记录"), 0);
        }
        IndustryRecord record;
        if (command.Id is int id)
        {
            var found = await db.IndustryRecords.FirstOrDefaultAsync(i => i.Id == id && i.VillageId == village.Id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该产业记录不存在或不在您的管辖范围内"), 0);
            record = found;
        }
        else
        {
            record = new IndustryRecord { Name = command.Name, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id };
            db.IndustryRecords.Add(record);
        }
        record.Year = command.Year;
        record.Kind = command.Kind;
        record.Name = command.Name;
        record.Quantity = command.Quantity;
        record.Unit = command.Unit!.Value;
        record.Households = command.Households;
        await db.SaveChangesAsync(cancellationToken);
        return new(CommandResult.Success, record.Id);
    }
}
