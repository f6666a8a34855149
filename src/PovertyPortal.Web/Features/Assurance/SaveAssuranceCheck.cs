using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Assurance;

/// <summary>Records a household's 两不愁三保障 + 饮水安全 check of one year, item by item (saving again replaces it).</summary>
public sealed class SaveAssuranceCheck(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed class ItemAnswer
    {
        public AssuranceItemKind Kind { get; set; }
        public bool? Met { get; set; }
        public string? Evidence { get; set; }
        public string? CheckedBy { get; set; }
        public DateTime? CheckedOn { get; set; }
    }

    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        public int HouseholdId { get; set; }
        public int? Year { get; set; }
        public HousingGrade? HousingGrade { get; set; }
        public List<ItemAnswer> Items { get; set; } = Enum.GetValues<AssuranceItemKind>().Select(k => new ItemAnswer { Kind = k }).ToList();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var thisYear = PortalYears.ThisYear(clock);
            var tomorrow = PortalYears.EndOfToday(clock);
            RuleFor(c => c.Year).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写年度")
                .InclusiveBetween(PortalYears.FirstRegisterYear, thisYear).WithMessage($"年度应在{PortalYears.FirstRegisterYear}至{thisYear}年之间");
            RuleFor(c => c.Items).Must(items => items.Select(i => i.Kind).Distinct().Count() == items.Count).WithMessage("检查项目重复");
            RuleForEach(c => c.Items).ChildRules(item =>
            {
                item.RuleFor(i => i.Evidence).MaximumLength(200).WithMessage(i => $"{i.Kind.Label()}：佐证说明不能超过200个字");
                item.RuleFor(i => i.CheckedBy).NotEmpty().WithMessage(i => $"{i.Kind.Label()}：请填写核查人").When(i => i.Met is not null);
                item.RuleFor(i => i.CheckedBy).MaximumLength(50).WithMessage(i => $"{i.Kind.Label()}：核查人不能超过50个字");
                item.RuleFor(i => i.CheckedOn).NotNull().WithMessage(i => $"{i.Kind.Label()}：请填写核查日期").When(i => i.Met is not null);
                item.RuleFor(i => i.CheckedOn).LessThan(tomorrow).WithMessage(i => $"{i.Kind.Label()}：核查日期不能晚于今天").When(i => i.CheckedOn is not null);
                item.RuleFor(i => i.Evidence).NotEmpty().WithMessage(i => $"{i.Kind.Label()}：未达标请写明情况").When(i => i.Met == false);
            });
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanRecordAssuranceChecks(currentUser.Role)) return new(CommandResult.Fail("您的角色不能登记两不愁三保障核查"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == command.HouseholdId, cancellationToken);
        if (household is null) return new(CommandResult.Fail("该户不存在，或不在您的管辖范围内"), 0);

        var year = command.Year!.Value;
        var check = await db.AssuranceChecks.Include(c => c.Items)
            .FirstOrDefaultAsync(c => c.HouseholdId == household.Id && c.Year == year, cancellationToken);
        if (check is null)
        {
            check = new AssuranceCheck { HouseholdId = household.Id, Year = year };
            db.AssuranceChecks.Add(check);
        }
        else
        {
            // One check per household and year; its items change with it, so the check's version covers them.
            RecordVersion.Expect(db, check, command.Version);
        }
        (check.CountyId, check.TownshipId, check.VillageId) = (household.CountyId, household.TownshipId, household.VillageId);
        check.HousingGrade = command.HousingGrade;
        foreach (var answer in command.Items)
        {
            var item = check.Items.FirstOrDefault(i => i.Kind == answer.Kind);
            if (answer.Met is null)
            {
                // Not answered: an earlier answer of this item is withdrawn.
                if (item is not null) check.Items.Remove(item);
                continue;
            }
            if (item is null)
            {
                item = new AssuranceItem { Kind = answer.Kind };
                check.Items.Add(item);
            }
            (item.CountyId, item.TownshipId, item.VillageId) = (household.CountyId, household.TownshipId, household.VillageId);
            item.Met = answer.Met.Value;
            item.Evidence = string.IsNullOrWhiteSpace(answer.Evidence) ? null : answer.Evidence.Trim();
            item.CheckedBy = answer.CheckedBy?.Trim();
            item.CheckedOn = answer.CheckedOn is { } on ? DateOnly.FromDateTime(on) : null;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该户这一年度的“两不愁三保障”核查"), 0);
        }
        return new(CommandResult.Success, check.Id);
    }
}
