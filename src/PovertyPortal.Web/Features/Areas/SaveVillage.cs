using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Areas;

/// <summary>Adds a village (行政村) to a township, or renames it, corrects its code and sets its 贫困村 status.</summary>
public sealed class SaveVillage(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed class Command
    {
        /// <summary>Null to add a village.</summary>
        public int? Id { get; set; }
        public int TownshipId { get; set; }
        public string AdminCode { get; set; } = "";
        public string Name { get; set; } = "";
        public bool IsPovertyVillage { get; set; }
        public int? PovertyExitYear { get; set; }

        /// <summary>The township's code for the prefix check in the form; the handler overwrites it from the database.</summary>
        public string? TownshipCode { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写村名")
                .MaximumLength(50).WithMessage("村名不能超过50个字");
            RuleFor(c => c.AdminCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写统计用区划代码")
                .Must(AreaTree.IsTwelveDigits).WithMessage("统计用区划代码应为12位数字")
                .Must((c, code) => c.TownshipCode is null || code[..9] == c.TownshipCode[..9])
                .WithMessage(c => $"村代码前9位应与所属乡镇一致（{c.TownshipCode![..9]}）")
                .Must(code => code[9..] != "000").WithMessage("村代码后3位不能为000（那是乡镇本身的代码）");
            RuleFor(c => c.PovertyExitYear)
                .Null().WithMessage("只有贫困村才有出列年度")
                .When(c => !c.IsPovertyVillage);
            RuleFor(c => c.PovertyExitYear)
                .InclusiveBetween(PortalYears.FirstExitYear, PortalYears.LastVillageExitYear).WithMessage($"出列年度应在{PortalYears.FirstExitYear}至{PortalYears.LastVillageExitYear}年之间")
                .When(c => c.IsPovertyVillage && c.PovertyExitYear is not null);
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanMaintainAreas(currentUser.Role)) return new(CommandResult.Fail(AreaTree.NoPermission), 0);
        command.AdminCode = AreaTree.NormalizeCode(command.AdminCode);
        command.Name = command.Name.Trim();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Village? village = null;
        if (command.Id is int id)
        {
            // The query filter hides other counties' villages, so a crafted id finds nothing.
            village = await db.Villages.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
            if (village is null) return new(CommandResult.Fail("该村不存在或不在您的管辖范围内"), 0);
            // A village keeps its township here; moving villages between townships is a different use case.
            command.TownshipId = village.TownshipId;
        }
        var township = await db.Townships.FirstOrDefaultAsync(t => t.Id == command.TownshipId, cancellationToken);
        if (township is null) return new(CommandResult.Fail("所属乡镇不存在或不在您的管辖范围内"), 0);
        if (village is null && township.IsRetired) return new(CommandResult.Fail("所属乡镇已撤销，不能再新增行政村"), 0);
        command.TownshipCode = township.AdminCode;

        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);

        // A village code starts with its township's, so a clash is inside the user's county: the name may be shown.
        var clash = await db.Villages.IgnoreQueryFilters()
            .Where(v => v.AdminCode == command.AdminCode && v.Id != command.Id)
            .Select(v => v.Name).FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            return new(CommandResult.Fail(nameof(Command.AdminCode), $"代码{command.AdminCode}已被{clash}使用"), 0);
        }

        if (village is null)
        {
            village = new Village { CountyId = township.CountyId, TownshipId = township.Id, AdminCode = command.AdminCode, Name = command.Name };
            db.Villages.Add(village);
        }
        village.AdminCode = command.AdminCode;
        village.Name = command.Name;
        village.IsPovertyVillage = command.IsPovertyVillage;
        village.PovertyExitYear = command.IsPovertyVillage ? command.PovertyExitYear : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else took the code between the check above and this save.
            return new(CommandResult.Fail(nameof(Command.AdminCode), $"代码{command.AdminCode}已被使用，请刷新后重试"), 0);
        }
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.AreaSaved, nameof(Village), village.Id.ToString(CultureInfo.InvariantCulture),
            $"{village.AdminCode} {village.Name}", cancellationToken);
        return new(CommandResult.Success, village.Id);
    }
}
