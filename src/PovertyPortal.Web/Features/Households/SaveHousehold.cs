using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// Creates a household or changes one. A new household is entered with the standing it already has (补录, dated by its
/// first status step) or as 待识别; this year's identification, exit or monitoring and every later change of standing
/// go through a procedure (decision 0031), so on an existing household the form keeps the standing as it is. A save
/// over someone else's newer save is refused with what they changed.
/// </summary>
public sealed partial class SaveHousehold(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The form's fields (<see cref="HouseholdEntry"/>) and what only a save from the form carries.</summary>
    public sealed class Command : HouseholdEntry
    {
        public int? Id { get; set; }
        public int? VillageId { get; set; }

        /// <summary>For a new household: the date of its first status step; today when empty.</summary>
        public DateTime? StatusChangedOn { get; set; }

        /// <summary>The version the form was loaded from, and when: a newer save by someone else is a conflict.</summary>
        public Guid Version { get; set; }
        public DateTimeOffset LoadedAt { get; set; }

        public static Command From(Household h, DateTimeOffset loadedAt) => new()
        {
            Id = h.Id, VillageId = h.VillageId, VillageGroupId = h.VillageGroupId, HouseholdNumber = h.HouseholdNumber,
            Address = h.Address, Category = h.Category, PrimaryCause = h.PrimaryCause, SecondaryCause = h.SecondaryCause,
            IdentificationYear = h.IdentificationYear, Status = h.Status, ExitYear = h.ExitYear,
            // A removed household's form must carry its reason, or an unchanged save would be refused for the lack of one.
            RemovalReason = h.Status == HouseholdStatus.Removed ? h.StatusHistory.LastOrDefault(s => s.Status == HouseholdStatus.Removed)?.Reason : null,
            IsRelocated = h.IsRelocated,
            RelocationSite = h.RelocationSite, Latitude = h.Latitude, Longitude = h.Longitude, MonitoringType = h.MonitoringType,
            MonitoringIdentifiedOn = h.MonitoringIdentifiedOn?.ToDateTime(TimeOnly.MinValue),
            RiskEliminatedOn = h.RiskEliminatedOn?.ToDateTime(TimeOnly.MinValue),
            Version = h.Version, LoadedAt = loadedAt,
        };
    }

    public const string ThisYearByProcedure = "本年度的识别、退出和纳入监测须通过程序办理：请先以“非建档立卡户”（待识别）登记，再在户页面发起程序";

    public const string StandingByProcedure = "贫困户状态、识别和脱贫年度、监测信息只能通过程序变更（民主评议、公示、乡镇审核、县级审批），请在户页面发起程序";

    public sealed partial class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var thisYear = PortalYears.ThisYear(clock);
            var today = PortalYears.EndOfToday(clock);
            RuleFor(c => c.VillageId).NotNull().WithMessage("请选择行政村");
            RuleFor(c => c.HouseholdNumber).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写户编号")
                .MaximumLength(32).WithMessage("户编号不能超过32个字符")
                .Matches(HouseholdNumberPattern()).WithMessage("户编号只能包含数字、英文字母和“-”");
            RuleFor(c => c.Phone).Matches(PhonePattern()).WithMessage("联系电话应为11位手机号码，或带区号的固定电话（如0713-5123456）")
                .When(c => !string.IsNullOrWhiteSpace(c.Phone));
            RuleFor(c => c.Address).MaximumLength(200).WithMessage("住址不能超过200个字");

            RuleFor(c => c.Category).NotNull().WithMessage("请选择贫困户属性；只有从未建档立卡的监测对象可以不选")
                .When(c => c.Status != HouseholdStatus.NotRegistered);
            RuleFor(c => c.Category).Null().WithMessage("非建档立卡户不应有贫困户属性")
                .When(c => c.Status == HouseholdStatus.NotRegistered);
            RuleFor(c => c.PrimaryCause).NotNull().WithMessage("请选择主要致贫原因")
                .When(c => c.Status != HouseholdStatus.NotRegistered);
            RuleFor(c => c.SecondaryCause).NotEqual(c => c.PrimaryCause).WithMessage("次要致贫原因不能与主要致贫原因相同")
                .When(c => c.SecondaryCause is not null);
            RuleFor(c => c.IdentificationYear).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写识别年度")
                .InclusiveBetween(PortalYears.FirstRegisterYear, thisYear).WithMessage($"识别年度应在{PortalYears.FirstRegisterYear}至{thisYear}年之间")
                .When(c => c.Status != HouseholdStatus.NotRegistered);
            RuleFor(c => c.ExitYear).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("已脱贫户请填写脱贫年度")
                .When(c => c.Status == HouseholdStatus.Exited);
            RuleFor(c => c.ExitYear).Cascade(CascadeMode.Stop)
                .InclusiveBetween(PortalYears.FirstExitYear, thisYear).WithMessage($"脱贫年度应在{PortalYears.FirstExitYear}至{thisYear}年之间")
                .Must((c, year) => c.IdentificationYear is null || year >= c.IdentificationYear).WithMessage("脱贫年度不能早于识别年度")
                .When(c => c.ExitYear is not null);
            RuleFor(c => c.ExitYear).Null().WithMessage("未脱贫户不应有脱贫年度")
                .When(c => c.Status is HouseholdStatus.Identified or HouseholdStatus.NotRegistered);
            RuleFor(c => c.RemovalReason).NotEmpty().WithMessage("清退须填写清退原因")
                .When(c => c.Status == HouseholdStatus.Removed);
            RuleFor(c => c.RemovalReason).MaximumLength(200).WithMessage("清退原因不能超过200个字");
            RuleFor(c => c.StatusChangedOn).LessThan(today).WithMessage("状态变更日期不能晚于今天")
                .When(c => c.StatusChangedOn is not null);
            RuleFor(c => c.RelocationSite).NotEmpty().WithMessage("易地搬迁户请填写安置点")
                .When(c => c.IsRelocated);
            RuleFor(c => c.Latitude).InclusiveBetween(3.0, 54.0).WithMessage("纬度应在3至54之间（中国境内）")
                .When(c => c.Latitude is not null);
            RuleFor(c => c.Longitude).InclusiveBetween(73.0, 136.0).WithMessage("经度应在73至136之间（中国境内）")
                .When(c => c.Longitude is not null);
            RuleFor(c => c.Longitude).NotNull().WithMessage("请同时填写经度").When(c => c.Latitude is not null);
            RuleFor(c => c.Latitude).NotNull().WithMessage("请同时填写纬度").When(c => c.Longitude is not null);
            RuleFor(c => c.MonitoringIdentifiedOn).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写纳入监测日期")
                .LessThan(today).WithMessage("纳入监测日期不能晚于今天")
                .When(c => c.MonitoringType is not null);
            RuleFor(c => c.RiskEliminatedOn).Cascade(CascadeMode.Stop)
                .LessThan(today).WithMessage("风险消除日期不能晚于今天")
                .GreaterThanOrEqualTo(c => c.MonitoringIdentifiedOn).WithMessage("风险消除日期不能早于纳入监测日期")
                .When(c => c.RiskEliminatedOn is not null);
            RuleFor(c => c.RiskEliminatedOn).Null().WithMessage("不是监测对象，不应有风险消除日期")
                .When(c => c.MonitoringType is null);
        }

        [GeneratedRegex("^[0-9A-Za-z-]+$")]
        private static partial Regex HouseholdNumberPattern();

        [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
        private static partial Regex PhonePattern();
    }

    /// <summary>
    /// The field of a new household's standing that falls in this year, if any. 补录 in the form stops at last year: this
    /// year's changes are decided by a procedure (decision 0031). The import is not held to it: a register file is the
    /// national system's record, decided there.
    /// </summary>
    public static string? StandingOfThisYear(HouseholdEntry entry, int thisYear) =>
        entry.Status != HouseholdStatus.NotRegistered && entry.IdentificationYear >= thisYear ? nameof(HouseholdEntry.IdentificationYear)
        : entry.ExitYear >= thisYear ? nameof(HouseholdEntry.ExitYear)
        : entry.MonitoringType is not null && entry.MonitoringIdentifiedOn?.Year >= thisYear ? nameof(HouseholdEntry.MonitoringIdentifiedOn)
        : null;

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        command.Normalize();
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanEditRegister(currentUser.Role)) return new(CommandResult.Fail("您的角色不能修改贫困户信息"), 0);
        if (command.Id is null && StandingOfThisYear(command, PortalYears.ThisYear(clock)) is { } field)
        {
            return new(CommandResult.Fail(field, ThisYearByProcedure), 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Id == command.VillageId, cancellationToken);
        if (village is null) return new(CommandResult.Fail(nameof(Command.VillageId), "该村不在您的管辖范围内"), 0);
        if (command.VillageGroupId is int groupId
            && !await db.VillageGroups.AnyAsync(g => g.Id == groupId && g.VillageId == village.Id, cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.VillageGroupId), "所选村民小组不属于该村"), 0);
        }

        // 户编号 is unique in the county, also across townships the user cannot see.
        var clash = await db.Households.IgnoreQueryFilters()
            .Where(h => h.CountyId == village.CountyId && h.HouseholdNumber == command.HouseholdNumber && h.Id != (command.Id ?? 0))
            .Select(h => (int?)h.Id).FirstOrDefaultAsync(cancellationToken);
        if (clash is int clashId)
        {
            // Outside the scope the answer is only "elsewhere in the county", as for an ID (ElsewhereInCounty).
            var visible = await db.Households.AnyAsync(h => h.Id == clashId, cancellationToken);
            return new(CommandResult.Fail(nameof(Command.HouseholdNumber),
                visible ? $"户编号“{command.HouseholdNumber}”已在本县使用" : ElsewhereInCounty.HouseholdNumber), 0);
        }

        Household household;
        if (command.Id is int id)
        {
            var found = await db.Households.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该户不存在，或不在您的管辖范围内"), 0);
            household = found;
            db.Entry(household).Property(h => h.Version).OriginalValue = command.Version;
            if (command.ChangesStandingOf(household)) return new(CommandResult.Fail(StandingByProcedure), 0);
            if (household.VillageId != village.Id && await db.ProcedureCases.AnyAsync(c => c.HouseholdId == id
                    && c.Stage != ProcedureStage.Approved && c.Stage != ProcedureStage.Rejected && c.Stage != ProcedureStage.Withdrawn, cancellationToken))
            {
                return new(CommandResult.Fail(nameof(Command.VillageId), "该户有正在办理的程序，办结或撤回后才能迁往他村"), 0);
            }
        }
        else
        {
            household = new Household { HouseholdNumber = command.HouseholdNumber };
            db.Households.Add(household);
        }

        await HouseholdArea.MoveAsync(db, household, village, cancellationToken);
        command.ApplyTo(household);
        if (command.Id is null)
        {
            var on = command.StatusChangedOn is { } date ? DateOnly.FromDateTime(date) : PortalYears.Today(clock);
            household.AddStatusStep(on, command.RemovalReason);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return new(await EditConflict.DescribeAsync(fresh, nameof(Household), command.Id!.Value, command.LoadedAt, "该户", cancellationToken), 0);
        }
        return new(CommandResult.Success, household.Id);
    }
}
