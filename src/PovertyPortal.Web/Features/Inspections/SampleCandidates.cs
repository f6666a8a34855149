using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// What a round's draw is made from, read from the register: the villages of the townships its pairs inspect (by
/// 区划代码), their households that fall into a pool (<see cref="SampleCategories.Of"/>), and the households the county's
/// earlier rounds sampled (not those swapped out), which the draw avoids where the quota allows.
/// </summary>
public sealed record SampleCandidates(
    IReadOnlyList<int> VillageIds, IReadOnlyList<DrawCandidate> Candidates, IReadOnlySet<int> InspectedBefore,
    IReadOnlyDictionary<int, int> TownshipOfVillage)
{
    public static async Task<SampleCandidates> LoadAsync(PortalDbContext db, InspectionRound round, CancellationToken cancellationToken)
    {
        var inspected = round.Pairs.Select(p => p.InspectedTownshipId).ToList();
        var villages = await db.Villages.Where(v => inspected.Contains(v.TownshipId) && !v.IsRetired).OrderBy(v => v.AdminCode)
            .Select(v => new { v.Id, v.TownshipId }).ToListAsync(cancellationToken);
        var households = await db.Households.AsNoTracking().Where(h => inspected.Contains(h.TownshipId))
            .Select(h => new { h.Id, h.VillageId, h.Status, h.MonitoringType, h.RiskEliminatedOn }).ToListAsync(cancellationToken);
        var candidates = households
            .Select(h => (h, Category: SampleCategories.Of(h.Status, h.MonitoringType, h.RiskEliminatedOn)))
            .Where(x => x.Category is not null)
            .Select(x => new DrawCandidate(x.h.Id, x.h.VillageId, x.Category!.Value)).ToList();
        var earlier = InspectionRoundCommands.EarlierRounds(db, round).Select(r => r.Id);
        var before = await db.SampledHouseholds.Where(s => earlier.Contains(s.InspectionRoundId) && !s.IsWithdrawn)
            .Select(s => s.HouseholdId).Distinct().ToListAsync(cancellationToken);
        return new SampleCandidates(villages.Select(v => v.Id).ToList(), candidates, before.ToHashSet(),
            villages.ToDictionary(v => v.Id, v => v.TownshipId));
    }
}
