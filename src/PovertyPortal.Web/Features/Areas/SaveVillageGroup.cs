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

/// <summary>Adds a village group (村民小组) to a village, or renames it and changes its place in the list.</summary>
public sealed class SaveVillageGroup(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed class Command
    {
        /// <summary>Null to add a group.</summary>
        public int? Id { get; set; }
        public int VillageId { get; set; }
        public string Name { get; set; } = "";
        public int SortOrder { get; set; } = 1;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写小组名称")
                .MaximumLength(50).WithMessage("小组名称不能超过50个字");
            RuleFor(c => c.SortOrder).InclusiveBetween(1, 999).WithMessage("排序号应为1至999之间的整数");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanMaintainAreas(currentUser.Role)) return new(CommandResult.Fail(AreaTree.NoPermission), 0);
        command.Name = command.Name.Trim();
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        VillageGroup? group = null;
        if (command.Id is int id)
        {
            // Groups are filtered through their village, so another county's group is not found.
            group = await db.VillageGroups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
            if (group is null) return new(CommandResult.Fail("该村民小组不存在或不在您的管辖范围内"), 0);
            command.VillageId = group.VillageId;
        }
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Id == command.VillageId, cancellationToken);
        if (village is null) return new(CommandResult.Fail("所属行政村不存在或不在您的管辖范围内"), 0);
        if (group is null && village.IsRetired) return new(CommandResult.Fail("所属行政村已撤销，不能再新增村民小组"), 0);

        if (await db.VillageGroups.AnyAsync(g => g.VillageId == village.Id && g.Name == command.Name && g.Id != command.Id, cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.Name), $"{village.Name}已有名为“{command.Name}”的村民小组"), 0);
        }

        if (group is null)
        {
            group = new VillageGroup { VillageId = village.Id, Name = command.Name };
            db.VillageGroups.Add(group);
        }
        group.Name = command.Name;
        group.SortOrder = command.SortOrder;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new(CommandResult.Fail(nameof(Command.Name), $"{village.Name}已有名为“{command.Name}”的村民小组，请刷新后重试"), 0);
        }
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.AreaSaved, nameof(VillageGroup), group.Id.ToString(CultureInfo.InvariantCulture),
            $"{village.Name}{group.Name}", cancellationToken);
        return new(CommandResult.Success, group.Id);
    }
}
