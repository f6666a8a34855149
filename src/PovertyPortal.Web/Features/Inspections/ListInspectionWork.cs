using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>我的检查任务: the pairs whose group the signed-in user is in, with the townships and the group's progress.</summary>
public sealed class ListInspectionWork(InspectionAccess access)
{
    public sealed record Row(InspectionAccess.GroupPair Pair, string InspectingTownship, string InspectedTownship,
        DateOnly StartDate, DateOnly EndDate, SampleProgress Progress, int OpenFindings);

    public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<Row>();
        foreach (var mine in await access.MyPairsAsync(cancellationToken))
        {
            if (await access.OpenAsync(mine.PairId, cancellationToken) is not var (pair, db)) continue;
            await using var _ = db;
            var round = await db.InspectionRounds.Where(r => r.Id == pair.RoundId).Select(r => new { r.StartDate, r.EndDate }).SingleAsync(cancellationToken);
            var names = await db.Townships.IgnoreQueryFilters()
                .Where(t => t.CountyId == pair.CountyId && (t.Id == pair.InspectingTownshipId || t.Id == pair.InspectedTownshipId))
                .ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            var sampled = await db.SampledHouseholds.CountAsync(s => !s.IsWithdrawn, cancellationToken);
            var done = await db.SampledHouseholds.CountAsync(s => !s.IsWithdrawn && s.CompletedAt != null, cancellationToken);
            var open = await db.InspectionFindings.CountAsync(f => f.Disposition == FindingDisposition.Open, cancellationToken);
            rows.Add(new Row(pair, names.GetValueOrDefault(pair.InspectingTownshipId, ""), names.GetValueOrDefault(pair.InspectedTownshipId, ""),
                round.StartDate, round.EndDate, new SampleProgress(done, sampled), open));
        }
        return rows;
    }
}
