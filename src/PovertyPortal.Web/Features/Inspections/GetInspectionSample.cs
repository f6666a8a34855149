using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 我的检查任务, one pair: the group's sample village by village (households done or not, how they were reached), the
/// village and township items answered, and the group's progress. Read in the pair's sample scope
/// (<see cref="InspectionAccess"/>): null for a user outside the group.
/// </summary>
public sealed class GetInspectionSample(InspectionAccess access)
{
    public sealed record HouseholdRow(
        int HouseholdId, string HouseholdNumber, string? HeadName, SampleCategory Category, VisitMode? VisitMode, bool Done, int Answered);

    public sealed record VillageRow(int VillageId, string Name, IReadOnlyList<HouseholdRow> Households, int ItemsAnswered)
    {
        public SampleProgress Progress => new(Households.Count(h => h.Done), Households.Count);
    }

    public sealed record Result(
        InspectionAccess.GroupPair Pair, string InspectingTownship, string InspectedTownship, DateOnly StartDate, DateOnly EndDate,
        IReadOnlyList<VillageRow> Villages, int HouseholdItems, int VillageItems, int TownshipItems, int TownshipItemsAnswered,
        int OpenFindings)
    {
        public SampleProgress Progress => new(Villages.Sum(v => v.Progress.Done), Villages.Sum(v => v.Progress.Sampled));

        public bool CanWrite => Pair.RoundStatus == InspectionRoundStatus.Issued;
    }

    public async Task<Result?> HandleAsync(int pairId, CancellationToken cancellationToken = default)
    {
        if (await access.OpenAsync(pairId, cancellationToken) is not var (pair, db)) return null;
        await using var _ = db;
        var round = await db.InspectionRounds.Where(r => r.Id == pair.RoundId)
            .Select(r => new { r.StartDate, r.EndDate }).SingleAsync(cancellationToken);
        var townships = await db.Townships.IgnoreQueryFilters()
            .Where(t => t.CountyId == pair.CountyId && (t.Id == pair.InspectingTownshipId || t.Id == pair.InspectedTownshipId))
            .ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var items = await db.ChecklistItems.Where(i => i.InspectionRoundId == pair.RoundId)
            .GroupBy(i => i.Per).Select(g => new { Per = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Per, g => g.Count, cancellationToken);

        // The scope shows only this pair's sample, answers and findings: no filter on the pair is needed below.
        var sample = await db.SampledHouseholds.Where(s => !s.IsWithdrawn)
            .Select(s => new { s.HouseholdId, s.VillageId, s.Category, s.VisitMode, Done = s.CompletedAt != null })
            .ToListAsync(cancellationToken);
        var households = await db.Households.Select(h => new { h.Id, h.HouseholdNumber })
            .ToDictionaryAsync(h => h.Id, h => h.HouseholdNumber, cancellationToken);
        var heads = await db.Members.Where(m => m.Relationship == Relationship.Head && !m.IsDeceased)
            .Select(m => new { m.HouseholdId, m.Name }).ToListAsync(cancellationToken);
        var headOf = heads.GroupBy(h => h.HouseholdId).ToDictionary(g => g.Key, g => g.First().Name);
        var answers = await db.InspectionAnswers
            .GroupBy(a => new { a.VillageId, a.HouseholdId }).Select(g => new { g.Key.VillageId, g.Key.HouseholdId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var answeredByHousehold = answers.Where(a => a.HouseholdId != null).ToDictionary(a => a.HouseholdId!.Value, a => a.Count);
        var answeredByVillage = answers.Where(a => a.HouseholdId == null && a.VillageId != null).ToDictionary(a => a.VillageId!.Value, a => a.Count);
        var townshipAnswered = answers.Where(a => a.HouseholdId == null && a.VillageId == null).Sum(a => a.Count);
        var openFindings = await db.InspectionFindings.CountAsync(f => f.Disposition == FindingDisposition.Open, cancellationToken);

        var villages = await db.Villages.Where(v => v.TownshipId == pair.InspectedTownshipId)
            .OrderBy(v => v.AdminCode).Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken);
        var rows = villages.Select(v => new VillageRow(v.Id, v.Name,
            sample.Where(s => s.VillageId == v.Id)
                .Select(s => new HouseholdRow(s.HouseholdId, households.GetValueOrDefault(s.HouseholdId, ""), headOf.GetValueOrDefault(s.HouseholdId),
                    s.Category, s.VisitMode, s.Done, answeredByHousehold.GetValueOrDefault(s.HouseholdId)))
                .OrderBy(h => h.Done).ThenBy(h => h.HouseholdNumber, StringComparer.Ordinal).ToList(),
            answeredByVillage.GetValueOrDefault(v.Id))).ToList();
        return new Result(pair, townships.GetValueOrDefault(pair.InspectingTownshipId, ""), townships.GetValueOrDefault(pair.InspectedTownshipId, ""),
            round.StartDate, round.EndDate, rows,
            items.GetValueOrDefault(CheckedPer.Household), items.GetValueOrDefault(CheckedPer.Village), items.GetValueOrDefault(CheckedPer.Township),
            townshipAnswered, openFindings);
    }
}
