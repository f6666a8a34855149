using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Income;

/// <summary>
/// Records a household's income of one year (one record per household and year: saving again replaces it). The
/// derived figures (net, projection, members, per capita) are computed here from the register's members.
/// </summary>
public sealed class SaveIncomeRecord(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        public int HouseholdId { get; set; }
        public int? Year { get; set; }
        public decimal? WageIncome { get; set; }
        public decimal? OperatingIncome { get; set; }
        public decimal? PropertyIncome { get; set; }
        public decimal? TransferIncome { get; set; }
        public decimal? ProductionCosts { get; set; }
        public IReadOnlyCollection<int> MeasuredMonths { get; set; } = Enumerable.Range(1, 12).ToList();
        public IReadOnlyCollection<int> ProjectedMonths { get; set; } = [];

        /// <summary>Production costs above operating income (a loss) are accepted only when confirmed.</summary>
        public bool ConfirmLoss { get; set; }
        public string? Note { get; set; }

        public static Command From(IncomeRecord r) => new()
        {
            HouseholdId = r.HouseholdId, Version = r.Version, Year = r.Year, WageIncome = r.WageIncome, OperatingIncome = r.OperatingIncome,
            PropertyIncome = r.PropertyIncome, TransferIncome = r.TransferIncome, ProductionCosts = r.ProductionCosts,
            MeasuredMonths = MonthSet.Months(r.MeasuredMonths), ProjectedMonths = MonthSet.Months(r.ProjectedMonths),
            ConfirmLoss = r.ProductionCosts > r.OperatingIncome, Note = r.Note,
        };

        /// <summary>The record's amounts and months, for computing the figures before saving.</summary>
        public IncomeRecord ToRecord() => new()
        {
            Year = Year ?? 0, WageIncome = WageIncome ?? 0, OperatingIncome = OperatingIncome ?? 0, PropertyIncome = PropertyIncome ?? 0,
            TransferIncome = TransferIncome ?? 0, ProductionCosts = ProductionCosts ?? 0,
            MeasuredMonths = MonthSet.Of(MeasuredMonths.Where(m => m is >= 1 and <= 12)),
            ProjectedMonths = MonthSet.Of(ProjectedMonths.Where(m => m is >= 1 and <= 12)),
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
        };
    }

    public const string LossMessage = "生产经营费用超过了生产经营性收入（经营亏损）。如确属亏损，请勾选“确认经营亏损”后再保存";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var thisYear = PortalYears.ThisYear(clock);
            RuleFor(c => c.Year).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写年度")
                .InclusiveBetween(PortalYears.FirstRegisterYear, thisYear).WithMessage($"年度应在{PortalYears.FirstRegisterYear}至{thisYear}年之间");
            Amount(c => c.WageIncome, "工资性收入");
            Amount(c => c.OperatingIncome, "生产经营性收入");
            Amount(c => c.PropertyIncome, "财产性收入");
            Amount(c => c.TransferIncome, "转移性收入");
            Amount(c => c.ProductionCosts, "生产经营费用");
            RuleFor(c => c.ProductionCosts)
                .Must((c, costs) => c.ConfirmLoss || (costs ?? 0) <= (c.OperatingIncome ?? 0)).WithMessage(LossMessage);
            RuleFor(c => c.MeasuredMonths).Cascade(CascadeMode.Stop)
                .Must(m => m.Any()).WithMessage("请至少选择一个实测月份")
                .Must(m => m.All(x => x is >= 1 and <= 12)).WithMessage("月份应在1至12之间");
            RuleFor(c => c.ProjectedMonths).Cascade(CascadeMode.Stop)
                .Must(m => m.All(x => x is >= 1 and <= 12)).WithMessage("月份应在1至12之间")
                .Must((c, m) => !m.Intersect(c.MeasuredMonths).Any())
                .WithMessage(c => $"{string.Join("、", c.ProjectedMonths.Intersect(c.MeasuredMonths).Order())}月既是实测月份又是预估月份，请只选其一");
            RuleFor(c => c.Note).MaximumLength(200).WithMessage("备注不能超过200个字");
        }

        private void Amount(System.Linq.Expressions.Expression<Func<Command, decimal?>> field, string label) =>
            RuleFor(field).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage($"请填写{label}（没有请填0）")
                .GreaterThanOrEqualTo(0).WithMessage($"{label}不能为负数")
                .LessThan(100_000_000).WithMessage($"{label}数额过大，请核对（单位：元）")
                .Must(v => v == Math.Round(v!.Value, 2)).WithMessage($"{label}最多保留两位小数");
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanEditRegister(currentUser.Role)) return new(CommandResult.Fail("您的角色不能登记收入"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == command.HouseholdId, cancellationToken);
        if (household is null) return new(CommandResult.Fail("该户不存在，或不在您的管辖范围内"), 0);

        var year = command.Year!.Value;
        var members = await MemberSpansAsync(db, household.Id, cancellationToken);
        var input = command.ToRecord();
        var record = await db.IncomeRecords.FirstOrDefaultAsync(r => r.HouseholdId == household.Id && r.Year == year, cancellationToken);
        if (record is null)
        {
            record = new IncomeRecord { HouseholdId = household.Id, Year = year };
            db.IncomeRecords.Add(record);
        }
        else
        {
            // One record per household and year: the form opened on it carries its version.
            RecordVersion.Expect(db, record, command.Version);
        }
        (record.CountyId, record.TownshipId, record.VillageId) = (household.CountyId, household.TownshipId, household.VillageId);
        (record.WageIncome, record.OperatingIncome, record.PropertyIncome, record.TransferIncome, record.ProductionCosts) =
            (input.WageIncome, input.OperatingIncome, input.PropertyIncome, input.TransferIncome, input.ProductionCosts);
        (record.MeasuredMonths, record.ProjectedMonths, record.Note) = (input.MeasuredMonths, input.ProjectedMonths, input.Note);
        var memberYears = IncomeArithmetic.MemberYears(members, year);
        if (memberYears <= 0) return new(CommandResult.Fail($"该户在{year}年没有登记的家庭成员，无法计算人均纯收入"), 0);
        IncomeArithmetic.Apply(record, memberYears);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该户这一年度的收入"), 0);
        }
        return new(CommandResult.Success, record.Id);
    }

    public static async Task<List<IncomeArithmetic.MemberSpan>> MemberSpansAsync(PortalDbContext db, int householdId, CancellationToken cancellationToken) =>
        (await db.Members.AsNoTracking().Where(m => m.HouseholdId == householdId)
            .Select(m => new { m.BirthDate, m.IsDeceased, m.DeceasedOn }).ToListAsync(cancellationToken))
        // A member marked deceased without a date no longer counts at all: the register cannot say since when.
        .Select(m => new IncomeArithmetic.MemberSpan(m.BirthDate, m.IsDeceased ? m.DeceasedOn ?? DateOnly.MinValue : null))
        .ToList();
}
