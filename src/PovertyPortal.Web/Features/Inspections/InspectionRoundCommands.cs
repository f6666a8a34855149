using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>What every command on a round's plan does the same way: who may plan, loading the round, its townships, the audit.</summary>
public static class InspectionRoundCommands
{
    public const string RoleRefusal = "只有县级督导人员和系统管理员可以制定督导方案";
    public const string NotFound = "该督导方案不存在或不在您的管辖范围内";
    public const string NotEditable = "督导方案已下发，不能再修改";

    /// <summary>The refusal for a user who may not plan, or null.</summary>
    public static CommandResult? Refusal(CurrentUser user) => PortalRoles.CanPlanInspections(user.Role) ? null : CommandResult.Fail(RoleRefusal);

    /// <summary>The round inside the scope (the query filter) with its pairs and their groups; null when it is not there.</summary>
    public static Task<InspectionRound?> LoadAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        db.InspectionRounds.Include(r => r.Pairs).ThenInclude(p => p.Group).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>
    /// The county a plan is made for: the one asked, or the only county in the user's scope; null (with the message)
    /// when it is not in the scope or the scope holds several and none was asked.
    /// </summary>
    public static async Task<(int? CountyId, string? Refusal)> CountyAsync(PortalDbContext db, int? asked, CancellationToken cancellationToken)
    {
        var counties = await db.Counties.Where(c => !c.IsRetired && (asked == null || c.Id == asked))
            .OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync(cancellationToken);
        return counties.Count switch
        {
            1 => (counties[0], null),
            0 => (null, "该县不存在或不在您的管辖范围内"),
            _ => (null, "请选择县（市、区）"),
        };
    }

    /// <summary>The county's townships in use, by 区划代码: the order a rotation is proposed in.</summary>
    public static async Task<List<TownshipRef>> TownshipsAsync(PortalDbContext db, int countyId, CancellationToken cancellationToken) =>
        await db.Townships.Where(t => t.CountyId == countyId && !t.IsRetired).OrderBy(t => t.AdminCode)
            .Select(t => new TownshipRef(t.Id, t.Name)).ToListAsync(cancellationToken);

    /// <summary>
    /// The pairs of the county's round before this one (by start date, then id): the rotation avoids repeating them.
    /// </summary>
    public static async Task<List<TownshipPair>> PreviousPairsAsync(PortalDbContext db, InspectionRound round, CancellationToken cancellationToken)
    {
        var previous = await EarlierRounds(db, round)
            .OrderByDescending(r => r.StartDate).ThenByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (previous is null) return [];
        return await db.InspectionPairs.Where(p => p.InspectionRoundId == previous)
            .Select(p => new TownshipPair(p.InspectingTownshipId, p.InspectedTownshipId)).ToListAsync(cancellationToken);
    }

    /// <summary>The county's rounds before this one: started earlier, or the same day and created earlier.</summary>
    public static IQueryable<InspectionRound> EarlierRounds(PortalDbContext db, InspectionRound round) =>
        db.InspectionRounds.Where(r => r.CountyId == round.CountyId && r.Id != round.Id
            && (r.StartDate < round.StartDate || (r.StartDate == round.StartDate && r.Id < round.Id)));

    public static Task AuditAsync(AuditLog auditLog, CurrentUser user, string action, InspectionRound round, string detail, CancellationToken cancellationToken)
    {
        var id = round.Id.ToString(CultureInfo.InvariantCulture);
        return auditLog.WriteAsync(user.UserName, action, AuditOutcome.Success, $"督导方案 {id}（{round.Title}）",
            nameof(InspectionRound), id, detail, cancellationToken);
    }
}
