using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>A round's plan for its page: the round, its townships, pairs with groups (phones masked), checklist and the sample's figures per pair.</summary>
public sealed class GetInspectionRound(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Member(int Id, GroupRole Role, string? UserId, string Name, string? Unit, string? MaskedPhone);

    public sealed record Pair(int Id, int InspectingTownshipId, int InspectedTownshipId, IReadOnlyList<Member> Group,
        int Villages, int Registered, int Monitored)
    {
        public int Sampled => Registered + Monitored;
    }

    public sealed record Result(
        InspectionRound Round, string CountyName, IReadOnlyList<TownshipRef> Townships, IReadOnlyList<TownshipPair> PreviousPairs,
        IReadOnlyList<Pair> Pairs, IReadOnlyList<ChecklistItem> Checklist)
    {
        public string TownshipName(int id) => Townships.FirstOrDefault(t => t.Id == id)?.Name ?? $"乡镇{id}";

        public int Sampled => Pairs.Sum(p => p.Sampled);
    }

    public async Task<Result?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.InspectionRounds.AsNoTracking().Include(r => r.Pairs).ThenInclude(p => p.Group)
            .Include(r => r.Checklist).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null) return null;
        var county = await db.Counties.Where(c => c.Id == round.CountyId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var townships = await InspectionRoundCommands.TownshipsAsync(db, round.CountyId, cancellationToken);
        var previous = await InspectionRoundCommands.PreviousPairsAsync(db, round, cancellationToken);
        var figures = await db.SampledHouseholds.Where(s => s.InspectionRoundId == id && !s.IsWithdrawn)
            .GroupBy(s => new { s.InspectionPairId, s.Category })
            .Select(g => new { g.Key.InspectionPairId, g.Key.Category, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var villages = await db.SampledHouseholds.Where(s => s.InspectionRoundId == id && !s.IsWithdrawn)
            .Select(s => new { s.InspectionPairId, s.VillageId }).Distinct().ToListAsync(cancellationToken);

        var pairs = round.Pairs.OrderBy(p => townships.FindIndex(t => t.Id == p.InspectingTownshipId)).ThenBy(p => p.Id)
            .Select(p => new Pair(p.Id, p.InspectingTownshipId, p.InspectedTownshipId,
                p.Group.OrderBy(m => m.Role).ThenBy(m => m.Id)
                    .Select(m => new Member(m.Id, m.Role, m.UserId, m.Name, m.Unit, m.Phone is null ? null : HouseholdFields.MaskPhone(m.Phone))).ToList(),
                villages.Count(v => v.InspectionPairId == p.Id),
                figures.Where(f => f.InspectionPairId == p.Id && f.Category == SampleCategory.Registered).Sum(f => f.Count),
                figures.Where(f => f.InspectionPairId == p.Id && f.Category == SampleCategory.Monitored).Sum(f => f.Count)))
            .ToList();
        var checklist = round.Checklist.OrderBy(i => i.Area).ThenBy(i => i.Order).ThenBy(i => i.Id).ToList();
        return new Result(round, county, townships, previous, pairs, checklist);
    }
}
