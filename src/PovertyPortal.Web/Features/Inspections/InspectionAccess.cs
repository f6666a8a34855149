using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// The way into an inspecting group's work. A group inspects another township than its own, which the user's own
/// scope does not reach; this checks that the signed-in user is in the pair's group and that the round is issued, and
/// then opens a context of the pair's sample scope (<see cref="AreaScope.Sample"/>): the data layer shows it the
/// households of the pair's sample and nothing else of that township, and lets it write only the pair's inspection work.
/// </summary>
public sealed class InspectionAccess(
    IDbContextFactory<PortalDbContext> dbFactory, DbContextOptions<PortalDbContext> options, CurrentUser currentUser)
{
    /// <summary>The pair as its group member sees it.</summary>
    public sealed record GroupPair(
        int PairId, int RoundId, string RoundTitle, InspectionRoundStatus RoundStatus, int CountyId,
        int InspectingTownshipId, int InspectedTownshipId, GroupRole Role);

    /// <summary>The pairs of issued or finished rounds whose group the signed-in user is in, newest round first.</summary>
    public async Task<IReadOnlyList<GroupPair>> MyPairsAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
            from m in db.InspectionGroupMembers
            join p in db.InspectionPairs on m.InspectionPairId equals p.Id
            join r in db.InspectionRounds on p.InspectionRoundId equals r.Id
            where m.UserId == userId && r.Status != InspectionRoundStatus.Draft
            orderby r.StartDate descending, r.Id descending
            select new GroupPair(p.Id, r.Id, r.Title, r.Status, p.CountyId, p.InspectingTownshipId, p.InspectedTownshipId, m.Role))
            .AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>The pair, when the signed-in user is in its group and its round is issued or finished; else null.</summary>
    public async Task<GroupPair?> FindAsync(int pairId, CancellationToken cancellationToken = default) =>
        (await MyPairsAsync(cancellationToken)).FirstOrDefault(p => p.PairId == pairId);

    /// <summary>A context of the pair's sample scope, for the caller to dispose; null when the user is not in the pair's group.</summary>
    public async Task<(GroupPair Pair, PortalDbContext Db)?> OpenAsync(int pairId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(pairId, cancellationToken) is not { } pair) return null;
        var scope = AreaScope.Sample(pair.CountyId, pair.InspectedTownshipId, pair.PairId);
        return (pair, new PortalDbContext(options, new GroupScopeSource(scope, currentUser.UserName)));
    }

    private sealed class GroupScopeSource(AreaScope scope, string? userName) : IAreaScopeSource
    {
        public AreaScope Scope => scope;
        public string? UserName => userName;
    }
}
