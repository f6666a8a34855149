using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Areas;

/// <summary>Adds a township (乡镇) to a county, or renames it and corrects its code.</summary>
public sealed class SaveTownship(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed class Command
    {
        /// <summary>Null to add a township.</summary>
        public int? Id { get; set; }
        public int CountyId { get; set; }
        public string AdminCode { get; set; } = "";
        public string Name { get; set; } = "";

        /// <summary>
        /// The county's code, so the form can check the prefix as the user types; the handler overwrites it with
        /// the code from the database before validating.
        /// </summary>
        public string? CountyCode { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写乡镇名称")
                .MaximumLength(50).WithMessage("名称不能超过50个字");
            RuleFor(c => c.AdminCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写统计用区划代码")
                .Must(AreaTree.IsTwelveDigits).WithMessage("统计用区划代码应为12位数字")
                .Must((c, code) => c.CountyCode is null || code[..6] == c.CountyCode[..6])
                .WithMessage(c => $"乡镇代码前6位应与所属县一致（{c.CountyCode![..6]}）")
                .Must(code => code.EndsWith("000", StringComparison.Ordinal)).WithMessage("乡镇代码后3位应为000")
                .Must(code => code[6..9] != "000").WithMessage("乡镇代码第7至9位不能为000（那是县本身的代码）");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanMaintainAreas(currentUser.Role)) return new(CommandResult.Fail(AreaTree.NoPermission), 0);
        command.AdminCode = AreaTree.NormalizeCode(command.AdminCode);
        command.Name = command.Name.Trim();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Township? township = null;
        if (command.Id is int id)
        {
            // The query filter hides other counties' townships, so a crafted id finds nothing.
            township = await db.Townships.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (township is null) return new(CommandResult.Fail("该乡镇不存在或不在您的管辖范围内"), 0);
            command.CountyId = township.CountyId;
        }
        var county = await db.Counties.FirstOrDefaultAsync(c => c.Id == command.CountyId, cancellationToken);
        if (county is null) return new(CommandResult.Fail("所属县不存在或不在您的管辖范围内"), 0);
        command.CountyCode = county.AdminCode;

        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);

        // Codes are unique across the whole database; a township code starts with the county's, so any clash
        // is inside this county and the name it reveals is one the user may see.
        var clash = await db.Townships.IgnoreQueryFilters()
            .Where(t => t.AdminCode == command.AdminCode && t.Id != command.Id)
            .Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            return new(CommandResult.Fail(nameof(Command.AdminCode), $"代码{command.AdminCode}已被{clash}使用"), 0);
        }

        if (township is null)
        {
            township = new Township { CountyId = county.Id, AdminCode = command.AdminCode, Name = command.Name };
            db.Townships.Add(township);
        }
        else
        {
            township.AdminCode = command.AdminCode;
            township.Name = command.Name;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else took the code between the check above and this save.
            return new(CommandResult.Fail(nameof(Command.AdminCode), $"代码{command.AdminCode}已被使用，请刷新后重试"), 0);
        }
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.AreaSaved, nameof(Township), township.Id.ToString(CultureInfo.InvariantCulture),
            $"{township.AdminCode} {township.Name}", cancellationToken);
        return new(CommandResult.Success, township.Id);
    }
}
