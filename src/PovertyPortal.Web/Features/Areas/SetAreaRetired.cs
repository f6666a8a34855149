using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Areas;

/// <summary>
/// Retires (撤销) a township, village or village group, or restores it. Nothing is ever deleted: households,
/// profiles and users keep pointing at a retired area, which only stops being offered in lists and pickers.
/// </summary>
public sealed class SetAreaRetired(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public enum AreaKind
    {
        Township,
        Village,
        VillageGroup,
    }

    public async Task<CommandResult> HandleAsync(AreaKind kind, int id, bool retired, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanMaintainAreas(currentUser.Role)) return CommandResult.Fail(AreaTree.NoPermission);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Every lookup goes through the query filters: another county's area is simply not found.
        string name;
        switch (kind)
        {
            case AreaKind.Township:
                var township = await db.Townships.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
                if (township is null) return NotFound;
                // A retired township with live villages would leave them without a parent in every picker.
                var liveVillages = await db.Villages.CountAsync(v => v.TownshipId == id && !v.IsRetired, cancellationToken);
                if (retired && liveVillages > 0)
                {
                    return CommandResult.Fail($"{township.Name}下还有{liveVillages}个未撤销的行政村，请先撤销或划转这些村");
                }
                township.IsRetired = retired;
                name = township.Name;
                break;
            case AreaKind.Village:
                var village = await db.Villages.Include(v => v.Township).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
                if (village is null) return NotFound;
                if (!retired && village.Township!.IsRetired) return CommandResult.Fail($"所属乡镇{village.Township.Name}已撤销，请先恢复乡镇");
                village.IsRetired = retired;
                name = village.Name;
                break;
            default:
                var group = await db.VillageGroups.Include(g => g.Village).FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
                if (group is null) return NotFound;
                if (!retired && group.Village!.IsRetired) return CommandResult.Fail($"所属行政村{group.Village.Name}已撤销，请先恢复该村");
                group.IsRetired = retired;
                name = group.Village!.Name + group.Name;
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.WriteAsync(currentUser.UserName, retired ? AuditActions.AreaRetired : AuditActions.AreaRestored,
            kind.ToString(), id.ToString(CultureInfo.InvariantCulture), name, cancellationToken);
        return CommandResult.Success;
    }

    private static CommandResult NotFound => CommandResult.Fail("该区划不存在或不在您的管辖范围内");
}
