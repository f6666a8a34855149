using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>
/// A notice as it is printed and as its page shows it: the village, the period, and one <see cref="PublicNoticeLine"/> per
/// case (name of the head, group, household size, category and the set reason), never an ID, phone or health detail.
/// </summary>
public sealed class GetPublicNotice(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public sealed record CaseLine(int CaseId, ProcedureStage Stage, int OpenObjections, PublicNoticeLine Line);

    public sealed record Result(PublicNotice Notice, string VillageName, string TownshipName, string CountyName, bool Ended, IReadOnlyList<CaseLine> Cases);

    public async Task<Result?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notice = await db.PublicNotices.AsNoTracking().Include(n => n.Objections).FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null) return null;
        var names = await db.Villages.Where(v => v.Id == notice.VillageId)
            .Select(v => new
            {
                v.Name,
                Township = db.Townships.Where(t => t.Id == v.TownshipId).Select(t => t.Name).FirstOrDefault(),
                County = db.Counties.Where(c => c.Id == v.CountyId).Select(c => c.Name).FirstOrDefault(),
            }).FirstAsync(cancellationToken);
        var cases = await db.ProcedureCases.AsNoTracking().Where(c => c.PublicNoticeId == id).OrderBy(c => c.Kind).ThenBy(c => c.Id)
            .Select(c => new
            {
                Case = c,
                Head = db.Members.Where(m => m.HouseholdId == c.HouseholdId && m.Relationship == Relationship.Head).Select(m => m.Name).FirstOrDefault(),
                Household = db.Households.Where(h => h.Id == c.HouseholdId).Select(h => new { h.VillageGroupId, h.LivingMembers, h.Category, h.MonitoringType }).First(),
            }).ToListAsync(cancellationToken);
        var groupIds = cases.Select(c => c.Household.VillageGroupId).OfType<int>().Distinct().ToList();
        var groups = await db.VillageGroups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var lines = cases.Select(c => new CaseLine(c.Case.Id, c.Case.Stage, notice.Objections.Count(o => o.ProcedureCaseId == c.Case.Id && o.IsOpen),
            new PublicNoticeLine(c.Case.Kind, c.Head ?? "（未登记户主）", c.Household.VillageGroupId is int g ? groups.GetValueOrDefault(g) : null,
                c.Household.LivingMembers, CategoryOf(c.Case, c.Household.Category, c.Household.MonitoringType), PublicNoticeLine.ReasonOf(c.Case)))).ToList();
        return new(notice, names.Name, names.Township ?? "", names.County ?? "", PortalYears.Today(clock) > notice.EndsOn, lines);
    }

    /// <summary>属性/类别 as the notice prints it: what the case proposes, else what the household is.</summary>
    private static string CategoryOf(ProcedureCase c, PovertyCategory? category, MonitoringType? type) => c.Kind switch
    {
        ProcedureKind.Identification => c.ProposedCategory?.Label() ?? "",
        ProcedureKind.Monitoring => c.ProposedMonitoringType?.Label() ?? "",
        ProcedureKind.RiskElimination => type?.Label() ?? "",
        _ => category?.Label() ?? "",
    };
}
