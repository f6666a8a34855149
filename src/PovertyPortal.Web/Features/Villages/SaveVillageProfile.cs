using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Villages;

/// <summary>Writes one year's 村基本情况 of a village: a new year, or corrections to an existing one.</summary>
public sealed class SaveVillageProfile(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>Separators users type between items: Chinese and Western commas, the enumeration comma, semicolons.</summary>
    private static readonly char[] ListSeparators = [',', '，', '、', ';', '；', '\n'];

    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        /// <summary>Null to add a year.</summary>
        public int? Id { get; set; }
        public int VillageId { get; set; }
        public int Year { get; set; }
        public decimal AreaSquareKm { get; set; }
        public decimal ForestMu { get; set; }
        public decimal ArableMu { get; set; }
        public decimal PaddyMu { get; set; }
        public int GroupCount { get; set; }
        public int HamletCount { get; set; }
        public int HouseholdCount { get; set; }
        public int Population { get; set; }
        public int PartyMembers { get; set; }
        public int BranchCommitteeMembers { get; set; }
        public int PartyGroups { get; set; }
        public int PublicWelfarePosts { get; set; }
        public int LeftBehindChildren { get; set; }
        public int LeftBehindElderly { get; set; }
        public int LeftBehindWomen { get; set; }

        /// <summary>主导产业 as typed: "花生、板栗、油茶".</summary>
        public string LeadingIndustries { get; set; } = "";
        public string CollectiveIncomeSources { get; set; } = "";
        public decimal CollectiveIncome { get; set; }
        public string? Description { get; set; }

        public static Command From(VillageProfile profile) => new()
        {
            Id = profile.Id,
            Version = profile.Version,
            VillageId = profile.VillageId,
            Year = profile.Year,
            AreaSquareKm = profile.AreaSquareKm,
            ForestMu = profile.ForestMu,
            ArableMu = profile.ArableMu,
            PaddyMu = profile.PaddyMu,
            GroupCount = profile.GroupCount,
            HamletCount = profile.HamletCount,
            HouseholdCount = profile.HouseholdCount,
            Population = profile.Population,
            PartyMembers = profile.PartyMembers,
            BranchCommitteeMembers = profile.BranchCommitteeMembers,
            PartyGroups = profile.PartyGroups,
            PublicWelfarePosts = profile.PublicWelfarePosts,
            LeftBehindChildren = profile.LeftBehindChildren,
            LeftBehindElderly = profile.LeftBehindElderly,
            LeftBehindWomen = profile.LeftBehindWomen,
            LeadingIndustries = string.Join("、", profile.LeadingIndustries),
            CollectiveIncomeSources = string.Join("、", profile.CollectiveIncomeSources),
            CollectiveIncome = profile.CollectiveIncome,
            Description = profile.Description,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(PortalYears.FirstWorkYear, PortalYears.LastPlanningYear).WithMessage($"年度应在{PortalYears.FirstWorkYear}至{PortalYears.LastPlanningYear}年之间");
            NotNegative(c => c.AreaSquareKm, "总版图面积");
            NotNegative(c => c.ForestMu, "山林面积");
            NotNegative(c => c.ArableMu, "耕地面积");
            RuleFor(c => c.PaddyMu).Cascade(CascadeMode.Stop)
                .GreaterThanOrEqualTo(0).WithMessage("水田面积不能为负数")
                .Must((c, paddy) => paddy <= c.ArableMu).WithMessage("水田面积不能大于耕地面积");
            NotNegative(c => c.GroupCount, "村民小组数");
            NotNegative(c => c.HamletCount, "自然垸落数");
            NotNegative(c => c.HouseholdCount, "户数");
            RuleFor(c => c.Population).Cascade(CascadeMode.Stop)
                .GreaterThanOrEqualTo(0).WithMessage("人口不能为负数")
                .Must((c, population) => population >= c.HouseholdCount).WithMessage("人口不能少于户数");
            NotNegative(c => c.PartyMembers, "党员人数");
            NotNegative(c => c.BranchCommitteeMembers, "支委人数");
            NotNegative(c => c.PartyGroups, "党小组数");
            NotNegative(c => c.PublicWelfarePosts, "公益岗位数");
            NotNegative(c => c.LeftBehindChildren, "留守儿童数");
            NotNegative(c => c.LeftBehindElderly, "留守老人数");
            NotNegative(c => c.LeftBehindWomen, "留守妇女数");
            NotNegative(c => c.CollectiveIncome, "集体经济收入");
            TextList(c => c.LeadingIndustries, "主导产业");
            TextList(c => c.CollectiveIncomeSources, "收入来源");
            RuleFor(c => c.Description).MaximumLength(2000).WithMessage("村情简介不能超过2000个字");
        }

        private void NotNegative(System.Linq.Expressions.Expression<Func<Command, int>> field, string label) =>
            RuleFor(field).GreaterThanOrEqualTo(0).WithMessage($"{label}不能为负数");

        private void NotNegative(System.Linq.Expressions.Expression<Func<Command, decimal>> field, string label) =>
            RuleFor(field).GreaterThanOrEqualTo(0).WithMessage($"{label}不能为负数");

        private void TextList(System.Linq.Expressions.Expression<Func<Command, string>> field, string label) =>
            RuleFor(field).Custom((text, context) =>
            {
                var items = SplitList(text);
                if (items.Count > 20) context.AddFailure($"{label}最多填写20项");
                else if (items.FirstOrDefault(i => i.Length > 30) is { } tooLong) context.AddFailure($"{label}“{tooLong[..10]}…”太长，每项不超过30个字");
            });
    }

    /// <summary>"花生、板栗,油茶；" → [花生, 板栗, 油茶]: empty items and repeats dropped, order kept.</summary>
    public static List<string> SplitList(string? text) =>
        (text ?? "").Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanEditVillageProfile(currentUser.Role)) return new(CommandResult.Fail("您没有编辑村基本情况的权限"), 0);
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The query filter decides: a village outside the user's scope is not found, whatever id was sent.
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Id == command.VillageId, cancellationToken);
        if (village is null) return new(CommandResult.Fail("该村不存在或不在您的管辖范围内"), 0);

        VillageProfile? profile = null;
        if (command.Id is int id)
        {
            profile = await db.VillageProfiles.FirstOrDefaultAsync(p => p.Id == id && p.VillageId == village.Id, cancellationToken);
            if (profile is null) return new(CommandResult.Fail("该年度的村基本情况不存在，可能已被他人修改，请刷新后重试"), 0);
            RecordVersion.Expect(db, profile, command.Version);
        }
        if (await db.VillageProfiles.AnyAsync(p => p.VillageId == village.Id && p.Year == command.Year && p.Id != command.Id, cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.Year), $"{command.Year}年的村基本情况已存在，请选择该年度后编辑"), 0);
        }

        if (profile is null)
        {
            profile = new VillageProfile { VillageId = village.Id };
            db.VillageProfiles.Add(profile);
        }
        profile.Year = command.Year;
        profile.AreaSquareKm = command.AreaSquareKm;
        profile.ForestMu = command.ForestMu;
        profile.ArableMu = command.ArableMu;
        profile.PaddyMu = command.PaddyMu;
        profile.GroupCount = command.GroupCount;
        profile.HamletCount = command.HamletCount;
        profile.HouseholdCount = command.HouseholdCount;
        profile.Population = command.Population;
        profile.PartyMembers = command.PartyMembers;
        profile.BranchCommitteeMembers = command.BranchCommitteeMembers;
        profile.PartyGroups = command.PartyGroups;
        profile.PublicWelfarePosts = command.PublicWelfarePosts;
        profile.LeftBehindChildren = command.LeftBehindChildren;
        profile.LeftBehindElderly = command.LeftBehindElderly;
        profile.LeftBehindWomen = command.LeftBehindWomen;
        profile.LeadingIndustries = SplitList(command.LeadingIndustries);
        profile.CollectiveIncomeSources = SplitList(command.CollectiveIncomeSources);
        profile.CollectiveIncome = command.CollectiveIncome;
        profile.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该年度的村基本情况"), 0);
        }
        catch (DbUpdateException)
        {
            // Two users added the same year at once: the unique index (village, year) refused the second.
            return new(CommandResult.Fail(nameof(Command.Year), string.Create(CultureInfo.InvariantCulture, $"{command.Year}年的村基本情况刚被他人添加，请刷新后编辑")), 0);
        }
        return new(CommandResult.Success, profile.Id);
    }
}
