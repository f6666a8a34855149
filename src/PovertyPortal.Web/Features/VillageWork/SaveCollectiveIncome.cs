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

/// <summary>Writes one source of 村集体经济收入 for one year, and whether it is stable operating income.</summary>
public sealed class SaveCollectiveIncome(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        public int? Id { get; set; }
        public int VillageId { get; set; }
        public int Year { get; set; }
        public string Source { get; set; } = "";
        public decimal Amount { get; set; }
        public bool IsStableOperating { get; set; } = true;

        public static Command From(CollectiveIncomeEntry e) => new()
        {
            Id = e.Id, VillageId = e.VillageId, Year = e.Year, Source = e.Source, Amount = e.Amount, IsStableOperating = e.IsStableOperating,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(PortalYears.FirstWorkYear, PortalYears.LastPlanningYear)
                .WithMessage($"年度应在{PortalYears.FirstWorkYear}至{PortalYears.LastPlanningYear}年之间");
            RuleFor(c => c.Source).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请填写收入来源").MaximumLength(30).WithMessage("收入来源不能超过30个字");
            RuleFor(c => c.Amount).GreaterThanOrEqualTo(0).WithMessage("收入金额不能为负数");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        command.Source = command.Source.Trim();
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return new(CommandResult.Fail("您的角色不能登记集体经济收入"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Id == command.VillageId, cancellationToken);
        if (village is null) return new(CommandResult.Fail("该村不存在或不在您的管辖范围内"), 0);
        if (await db.CollectiveIncomeEntries.AnyAsync(e => e.VillageId == village.Id && e.Year == command.Year && e.Source == command.Source && e.Id != (command.Id ?? 0), cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.Source), $"{command.Year}年已登记“{command.Source}”收入，请编辑该条记录"), 0);
        }
        CollectiveIncomeEntry entry;
        if (command.Id is int id)
        {
            var found = await db.CollectiveIncomeEntries.FirstOrDefaultAsync(e => e.Id == id && e.VillageId == village.Id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该收入记录不存在或不在您的管辖范围内"), 0);
            entry = found;
        }
        else
        {
            entry = new CollectiveIncomeEntry { Source = command.Source, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id };
            db.CollectiveIncomeEntries.Add(entry);
        }
        entry.Year = command.Year;
        entry.Source = command.Source;
        entry.Amount = command.Amount;
        entry.IsStableOperating = command.IsStableOperating;
        await db.SaveChangesAsync(cancellationToken);
        return new(CommandResult.Success, entry.Id);
    }
}
