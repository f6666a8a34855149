using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>
/// 程序办理 list of the user's scope: by default the open cases awaiting the user's level, overdue first; filters by kind,
/// stage, village and overdue. Each row says what it waits for.
/// </summary>
public sealed class ListProcedureCases(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const int PageSize = 50;

    public enum Show
    {
        /// <summary>待我办理: the open cases whose next step is the user's level.</summary>
        AwaitingMe,
        Open,
        Overdue,
        All,
    }

    public sealed record Query(Show Show = Show.AwaitingMe, ProcedureKind? Kind = null, ProcedureStage? Stage = null, int? VillageId = null,
        int? HouseholdId = null, int Page = 0);

    public sealed record Row(int Id, ProcedureKind Kind, ProcedureStage Stage, int HouseholdId, int VillageId, string HouseholdNumber, string? HeadName,
        string VillageName, string TownshipName, DateOnly ClueOn, DateOnly DueOn, bool Overdue, string Awaiting, int OpenObjections);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int AwaitingMe, int Overdue);

    /// <summary>The stages whose next step is taken at the user's level.</summary>
    public static IReadOnlyList<ProcedureStage> StagesFor(string? role) => role switch
    {
        PortalRoles.CountySupervisor => [ProcedureStage.AwaitingCounty],
        PortalRoles.TownshipOfficial => [ProcedureStage.Proposed, ProcedureStage.VillageReviewed, ProcedureStage.Publicised, ProcedureStage.Revising],
        PortalRoles.WorkTeamLeader or PortalRoles.WorkTeamMember => [ProcedureStage.Proposed, ProcedureStage.VillageReviewed, ProcedureStage.Revising],
        _ => [],
    };

    private static readonly ProcedureStage[] OpenStages =
        Enum.GetValues<ProcedureStage>().Where(s => s.IsOpen()).ToArray();

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        var today = PortalYears.Today(clock);
        var mine = StagesFor(currentUser.Role).ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = db.ProcedureCases.AsNoTracking();
        var awaitingMe = await cases.CountAsync(c => mine.Contains(c.Stage), cancellationToken);
        var overdue = await cases.CountAsync(c => OpenStages.Contains(c.Stage) && c.DueOn < today, cancellationToken);

        cases = query.Show switch
        {
            Show.AwaitingMe => cases.Where(c => mine.Contains(c.Stage)),
            Show.Open => cases.Where(c => OpenStages.Contains(c.Stage)),
            Show.Overdue => cases.Where(c => OpenStages.Contains(c.Stage) && c.DueOn < today),
            _ => cases,
        };
        if (query.Kind is { } kind) cases = cases.Where(c => c.Kind == kind);
        if (query.Stage is { } stage) cases = cases.Where(c => c.Stage == stage);
        if (query.VillageId is int villageId) cases = cases.Where(c => c.VillageId == villageId);
        if (query.HouseholdId is int householdId) cases = cases.Where(c => c.HouseholdId == householdId);
        var total = await cases.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 0, Math.Max(0, (total - 1) / PageSize));
        var rows = await cases
            .OrderBy(c => OpenStages.Contains(c.Stage) ? 0 : 1).ThenBy(c => c.DueOn).ThenBy(c => c.Id)
            .Skip(page * PageSize).Take(PageSize)
            .Select(c => new
            {
                c.Id, c.Kind, c.Stage, c.HouseholdId, c.VillageId, c.TownshipId, c.ClueOn, c.DueOn, c.ReturnedFrom,
                NoticeEndsOn = c.Notice == null ? (DateOnly?)null : c.Notice.EndsOn,
                Number = db.Households.Where(h => h.Id == c.HouseholdId).Select(h => h.HouseholdNumber).FirstOrDefault(),
                Head = db.Members.Where(m => m.HouseholdId == c.HouseholdId && m.Relationship == Relationship.Head).Select(m => m.Name).FirstOrDefault(),
                Objections = db.NoticeObjections.Count(o => o.ProcedureCaseId == c.Id && o.Answer == null),
            })
            .ToListAsync(cancellationToken);
        var villageIds = rows.Select(r => r.VillageId).Distinct().ToList();
        var villages = await db.Villages.Where(v => villageIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var townshipIds = rows.Select(r => r.TownshipId).Distinct().ToList();
        var townships = await db.Townships.Where(t => townshipIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return new(rows.Select(r => new Row(r.Id, r.Kind, r.Stage, r.HouseholdId, r.VillageId, r.Number ?? "", r.Head, villages.GetValueOrDefault(r.VillageId, ""),
                townships.GetValueOrDefault(r.TownshipId, ""), r.ClueOn, r.DueOn, r.Stage.IsOpen() && today > r.DueOn,
                Awaiting(r.Stage, r.NoticeEndsOn, r.Objections, r.ReturnedFrom, today), r.Objections)).ToList(),
            total, page, awaitingMe, overdue);
    }

    /// <summary>What the case waits for, in the words of the one who acts next.</summary>
    public static string Awaiting(ProcedureStage stage, DateOnly? noticeEndsOn, int openObjections, ProcedureStage? returnedFrom, DateOnly today) => stage switch
    {
        ProcedureStage.Proposed => "待村级民主评议",
        ProcedureStage.VillageReviewed => "待列入公示",
        ProcedureStage.Publicised when openObjections > 0 => $"有{openObjections}条异议待答复",
        ProcedureStage.Publicised when noticeEndsOn is { } end && today <= end => $"公示中（至{end:M月d日}）",
        ProcedureStage.Publicised => "公示期满，待乡镇审核",
        ProcedureStage.AwaitingCounty => "待县级审批",
        ProcedureStage.Revising => returnedFrom == ProcedureStage.AwaitingCounty ? "县级退回，待修改后重新提交" : "乡镇退回，待修改后重新提交",
        _ => stage.Label(),
    };
}
