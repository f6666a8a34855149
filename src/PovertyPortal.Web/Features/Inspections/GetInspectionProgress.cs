using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 检查进度 of a round, per pair (检查组): households done of those sampled (withdrawn ones not counted), villages whose
/// village items are all answered, township items answered and the findings by what became of them, with the same per
/// village. Counted in the database by grouped queries over the round (never by loading answers), for the pairs the
/// user follows (<see cref="InspectionOversight"/>).
/// </summary>
public sealed class GetInspectionProgress(InspectionOversight oversight, CurrentUser currentUser)
{
    /// <summary>A sampled village: households done of sampled, and its village items answered of the round's village items.</summary>
    public sealed record VillageRow(int VillageId, string Name, SampleProgress Households, int ItemsAnswered, int Items)
    {
        public bool ItemsComplete => ItemsAnswered >= Items;
    }

    public sealed record PairRow(
        int PairId, int InspectingTownshipId, string InspectingTownship, int InspectedTownshipId, string InspectedTownship, string? Leader,
        SampleProgress Households, int VillagesComplete, int Villages, int TownshipItemsAnswered, int TownshipItems,
        int FindingsOpen, int FindingsFixedOnTheSpot, int FindingsSentToLedger, IReadOnlyList<VillageRow> VillageRows)
    {
        public int Findings => FindingsOpen + FindingsFixedOnTheSpot + FindingsSentToLedger;
    }

    public sealed record Result(
        int RoundId, string Title, int Year, DateOnly StartDate, DateOnly EndDate, InspectionRoundStatus Status,
        int VillageItems, int TownshipItems, IReadOnlyList<PairRow> Pairs)
    {
        public SampleProgress Households => new(Pairs.Sum(p => p.Households.Done), Pairs.Sum(p => p.Households.Sampled));
        public int FindingsOpen => Pairs.Sum(p => p.FindingsOpen);
        public int FindingsFixedOnTheSpot => Pairs.Sum(p => p.FindingsFixedOnTheSpot);
        public int FindingsSentToLedger => Pairs.Sum(p => p.FindingsSentToLedger);
    }

    /// <summary>The round's progress; null when the round is not in the user's scope.</summary>
    public async Task<Result?> HandleAsync(int roundId, CancellationToken cancellationToken = default)
    {
        if (await oversight.PairsAsync(roundId, cancellationToken) is not var (round, pairs)) return null;
        var rows = new List<PairRow>();
        var items = new PlaceItems([], []);

        // One context for the pairs of the user's own scope (every pair for a county), one per pair read through its sample.
        var own = pairs.Where(p => !p.ThroughSample).ToList();
        if (own.Count > 0)
        {
            await using var db = await oversight.OwnContextAsync(cancellationToken);
            items = await PlaceItemsAsync(db, roundId, cancellationToken);
            rows.AddRange(await ReadAsync(db, roundId, own, pairs.Count == own.Count, items, cancellationToken));
        }
        foreach (var pair in pairs.Where(p => p.ThroughSample))
        {
            await using var db = oversight.SampleContext(round, pair, currentUser.UserName);
            items = await PlaceItemsAsync(db, roundId, cancellationToken);
            rows.AddRange(await ReadAsync(db, roundId, [pair], false, items, cancellationToken));
        }
        var order = pairs.Select((p, i) => (p.PairId, i)).ToDictionary(x => x.PairId, x => x.i);
        return new Result(round.Id, round.Title, round.Year, round.StartDate, round.EndDate, round.Status, items.Village.Count, items.Township.Count,
            [.. rows.OrderBy(r => order[r.PairId])]);
    }

    /// <summary>The round's village and township items: their answers are found by item, through the (round, item) index.</summary>
    private sealed record PlaceItems(IReadOnlyList<int> Village, IReadOnlyList<int> Township);

    private static async Task<PlaceItems> PlaceItemsAsync(PortalDbContext db, int roundId, CancellationToken cancellationToken)
    {
        var items = await db.ChecklistItems.Where(i => i.InspectionRoundId == roundId && i.Per != CheckedPer.Household)
            .Select(i => new { i.Id, i.Per }).ToListAsync(cancellationToken);
        return new PlaceItems(
            [.. items.Where(i => i.Per == CheckedPer.Village).Select(i => i.Id)],
            [.. items.Where(i => i.Per == CheckedPer.Township).Select(i => i.Id)]);
    }

    /// <param name="wholeRound">The pairs are every pair of the round: the queries need not name them.</param>
    private static async Task<List<PairRow>> ReadAsync(PortalDbContext db, int roundId, IReadOnlyList<InspectionOversight.Pair> pairs,
        bool wholeRound, PlaceItems items, CancellationToken cancellationToken)
    {
        var pairIds = pairs.Select(p => p.PairId).ToList();
        var sample = db.SampledHouseholds.Where(s => s.InspectionRoundId == roundId && !s.IsWithdrawn);
        var answers = db.InspectionAnswers.Where(a => a.InspectionRoundId == roundId);
        var findings = db.InspectionFindings.Where(f => f.InspectionRoundId == roundId);
        if (!wholeRound)
        {
            sample = sample.Where(s => pairIds.Contains(s.InspectionPairId));
            answers = answers.Where(a => pairIds.Contains(a.InspectionPairId));
            findings = findings.Where(f => pairIds.Contains(f.InspectionPairId));
        }

        var perVillage = await sample.GroupBy(s => new { s.InspectionPairId, s.VillageId })
            .Select(g => new { g.Key.InspectionPairId, g.Key.VillageId, Sampled = g.Count(), Done = g.Count(s => s.CompletedAt != null) })
            .ToListAsync(cancellationToken);

        // One item counts once however often it was saved. Asked by item, so that only these answers are read, not
        // the households' (nine in ten of a round's answers).
        var villageItemIds = items.Village;
        var townshipItemIds = items.Township;
        var villageAnswers = await answers.Where(a => villageItemIds.Contains(a.ChecklistItemId) && a.VillageId != null)
            .GroupBy(a => new { a.InspectionPairId, a.VillageId })
            .Select(g => new { g.Key.InspectionPairId, g.Key.VillageId, Items = g.Select(a => a.ChecklistItemId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var townshipAnswers = await answers.Where(a => townshipItemIds.Contains(a.ChecklistItemId))
            .GroupBy(a => a.InspectionPairId)
            .Select(g => new { PairId = g.Key, Items = g.Select(a => a.ChecklistItemId).Distinct().Count() })
            .ToDictionaryAsync(x => x.PairId, x => x.Items, cancellationToken);
        var findingCounts = await findings.GroupBy(f => new { f.InspectionPairId, f.Disposition })
            .Select(g => new { g.Key.InspectionPairId, g.Key.Disposition, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var leaders = await db.InspectionGroupMembers.Where(m => pairIds.Contains(m.InspectionPairId) && m.Role == GroupRole.Leader)
            .OrderBy(m => m.Id).Select(m => new { m.InspectionPairId, m.Name }).ToListAsync(cancellationToken);
        var villageIds = perVillage.Select(v => v.VillageId).Distinct().ToList();
        var villages = await db.Villages.Where(v => villageIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => (v.Name, v.AdminCode), cancellationToken);

        var answered = villageAnswers.ToDictionary(v => (v.InspectionPairId, v.VillageId!.Value), v => v.Items);
        int Findings(int pairId, FindingDisposition disposition) =>
            findingCounts.FirstOrDefault(f => f.InspectionPairId == pairId && f.Disposition == disposition)?.Count ?? 0;
        return pairs.Select(p =>
        {
            var villageRows = perVillage.Where(v => v.InspectionPairId == p.PairId)
                .OrderBy(v => villages.GetValueOrDefault(v.VillageId).AdminCode, StringComparer.Ordinal)
                .Select(v => new VillageRow(v.VillageId, villages.GetValueOrDefault(v.VillageId).Name ?? "",
                    new SampleProgress(v.Done, v.Sampled), answered.GetValueOrDefault((p.PairId, v.VillageId)), items.Village.Count))
                .ToList();
            return new PairRow(p.PairId, p.InspectingTownshipId, p.InspectingTownship, p.InspectedTownshipId, p.InspectedTownship,
                leaders.FirstOrDefault(l => l.InspectionPairId == p.PairId)?.Name,
                new SampleProgress(villageRows.Sum(v => v.Households.Done), villageRows.Sum(v => v.Households.Sampled)),
                villageRows.Count(v => v.ItemsComplete), villageRows.Count,
                townshipAnswers.GetValueOrDefault(p.PairId), items.Township.Count,
                Findings(p.PairId, FindingDisposition.Open), Findings(p.PairId, FindingDisposition.FixedOnTheSpot),
                Findings(p.PairId, FindingDisposition.SentToLedger), villageRows);
        }).ToList();
    }
}
