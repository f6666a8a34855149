using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// Which pairs of a round a user follows (progress, report) and a context to read each pair's work in (decision 0025).
/// A county or system scope follows every pair of its rounds through its own scope. A township scope follows the pair
/// that inspects its township (its own scope holds that work) and the pair its township's group works in, read
/// through that pair's sample scope (<see cref="AreaScope.Sample"/>): the figures of its own group, and nothing else
/// of the township it inspects. A village scope follows none.
/// </summary>
public sealed class InspectionOversight(IDbContextFactory<PortalDbContext> dbFactory, DbContextOptions<PortalDbContext> options)
{
    /// <summary>A pair the user follows, with the names of its townships (ordered as the county numbers them).</summary>
    public sealed record Pair(int PairId, int InspectingTownshipId, string InspectingTownship, string InspectingCode,
        int InspectedTownshipId, string InspectedTownship, bool ThroughSample);

    public sealed record Round(int Id, int CountyId, string Title, int Year, DateOnly StartDate, DateOnly EndDate, InspectionRoundStatus Status);

    /// <summary>The round and the pairs of it the user follows, inspecting township by 区划代码; null when the round is not in the user's scope.</summary>
    public async Task<(Round Round, IReadOnlyList<Pair> Pairs)?> PairsAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = db.Scope;
        if (scope.IsNone || scope.VillageId is not null || scope.SamplePairId is not null) return null;
        var round = await db.InspectionRounds.Where(r => r.Id == roundId)
            .Select(r => new Round(r.Id, r.CountyId, r.Title, r.Year, r.StartDate, r.EndDate, r.Status))
            .AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (round is null) return null;
        var pairs = db.InspectionPairs.Where(p => p.InspectionRoundId == roundId);
        if (scope.TownshipId is int own) pairs = pairs.Where(p => p.InspectingTownshipId == own || p.InspectedTownshipId == own);
        var rows = await pairs.Select(p => new { p.Id, p.InspectingTownshipId, p.InspectedTownshipId }).ToListAsync(cancellationToken);
        // A township's own scope does not hold the other township of its pairs; its name is not the other's business
        // to hide, and only the townships of pairs already found are looked up.
        var townshipIds = rows.SelectMany(p => new[] { p.InspectingTownshipId, p.InspectedTownshipId }).Distinct().ToList();
        var townships = await db.Townships.IgnoreQueryFilters().Where(t => townshipIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => (t.Name, t.AdminCode), cancellationToken);
        var result = rows
            .Select(p => new Pair(p.Id, p.InspectingTownshipId, townships[p.InspectingTownshipId].Name, townships[p.InspectingTownshipId].AdminCode,
                p.InspectedTownshipId, townships[p.InspectedTownshipId].Name,
                ThroughSample: scope.TownshipId is int t && p.InspectedTownshipId != t))
            .OrderBy(p => p.InspectingCode, StringComparer.Ordinal).ThenBy(p => p.PairId)
            .ToList();
        return (round, result);
    }

    /// <summary>A context for the pairs read in the user's own scope (for the caller to dispose).</summary>
    public Task<PortalDbContext> OwnContextAsync(CancellationToken cancellationToken = default) => dbFactory.CreateDbContextAsync(cancellationToken);

    /// <summary>A context of the pair's sample scope, for a pair its township's group works in (for the caller to dispose).</summary>
    public PortalDbContext SampleContext(Round round, Pair pair, string? userName) =>
        new(options, new PairScopeSource(AreaScope.Sample(round.CountyId, pair.InspectedTownshipId, pair.PairId), userName));

    private sealed class PairScopeSource(AreaScope scope, string? userName) : IAreaScopeSource
    {
        public AreaScope Scope => scope;
        public string? UserName => userName;
    }
}
