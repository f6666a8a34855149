using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>One case with its household's present standing, its notice and objections, and which steps the user may take now.</summary>
public sealed class GetProcedureCase(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record HouseholdFacts(int Id, string Number, string? HeadName, string VillageName, string? GroupName, HouseholdStatus Status,
        PovertyCategory? Category, MonitoringType? MonitoringType, DateOnly? MonitoringIdentifiedOn, DateOnly? RiskEliminatedOn, int LivingMembers);

    public sealed record Result(ProcedureCase Case, HouseholdFacts Household, PublicNotice? Notice, IReadOnlyList<NoticeObjection> Objections,
        string Awaiting, bool Overdue, bool CanEdit, bool CanReviewVillage, bool CanObject, bool CanReviewTownship, bool CanDecide, bool CanWithdraw,
        string? TownshipBlockedBy, DateTimeOffset LoadedAt);

    public async Task<Result?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var procedure = await db.ProcedureCases.AsNoTracking().Include(c => c.Notice).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (procedure is null) return null;
        var h = await db.Households.AsNoTracking().Where(x => x.Id == procedure.HouseholdId)
            .Select(x => new
            {
                x.Id, x.HouseholdNumber, x.VillageId, x.VillageGroupId, x.Status, x.Category, x.MonitoringType, x.MonitoringIdentifiedOn,
                x.RiskEliminatedOn, x.LivingMembers,
                Head = db.Members.Where(m => m.HouseholdId == x.Id && m.Relationship == Relationship.Head).Select(m => m.Name).FirstOrDefault(),
            }).FirstOrDefaultAsync(cancellationToken);
        if (h is null) return null;
        var village = await db.Villages.Where(v => v.Id == h.VillageId).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var group = h.VillageGroupId is int g ? await db.VillageGroups.Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var objections = await db.NoticeObjections.AsNoTracking().Where(o => o.ProcedureCaseId == id).OrderBy(o => o.ReceivedOn).ThenBy(o => o.Id)
            .ToListAsync(cancellationToken);
        var today = PortalYears.Today(clock);
        var open = objections.Count(o => o.IsOpen);
        var role = currentUser.Role;
        var proposer = PortalRoles.CanProposeProcedures(role);
        var notice = procedure.Notice;
        procedure.Notice = null;
        var townshipBlocked = procedure.Stage != ProcedureStage.Publicised ? null
            : notice is not null && today <= notice.EndsOn ? $"公示期至{notice.EndsOn:yyyy年M月d日}，期满后方可审核"
            : open > 0 ? $"有{open}条异议尚未答复" : null;
        return new(procedure,
            new HouseholdFacts(h.Id, h.HouseholdNumber, h.Head, village, group, h.Status, h.Category, h.MonitoringType, h.MonitoringIdentifiedOn, h.RiskEliminatedOn, h.LivingMembers),
            notice, objections, ListProcedureCases.Awaiting(procedure.Stage, notice?.EndsOn, open, procedure.ReturnedFrom, today), procedure.IsOverdue(today),
            CanEdit: proposer && procedure.Stage is ProcedureStage.Proposed or ProcedureStage.Revising,
            CanReviewVillage: proposer && procedure.Stage == ProcedureStage.Proposed,
            CanObject: proposer && procedure.Stage == ProcedureStage.Publicised,
            CanReviewTownship: PortalRoles.CanReviewProceduresAtTownship(role) && procedure.Stage == ProcedureStage.Publicised,
            CanDecide: PortalRoles.CanApproveProcedures(role) && procedure.Stage == ProcedureStage.AwaitingCounty,
            CanWithdraw: proposer && procedure.IsOpen && procedure.Stage != ProcedureStage.AwaitingCounty,
            townshipBlocked, clock.GetUtcNow());
    }
}
