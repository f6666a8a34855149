using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 重现抽样: draws again from the round's stored seed and today's register and compares with the stored draw (the
/// households the draw put in, swapped-out ones included; additions and swaps by hand are not the draw's). A difference
/// means the register changed since (households added, moved or taken off the rolls) or an earlier round's sample did.
/// </summary>
public sealed class ReplaySampleDraw(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Result(bool Matches, string Message);

    public async Task<Result?> HandleAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.InspectionRounds.AsNoTracking().Include(r => r.Pairs).FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null) return null;
        if (round.SampleSeed is not long seed) return new Result(false, "尚未抽样");

        var input = await SampleCandidates.LoadAsync(db, round, cancellationToken);
        var again = SampleDraw.ToRows(SampleDraw.Draw(seed, round.Quota, input.VillageIds, input.Candidates, input.InspectedBefore), round, input.TownshipOfVillage)
            .Select(r => r.HouseholdId).ToHashSet();
        var stored = (await db.SampledHouseholds.Where(s => s.InspectionRoundId == roundId
                && s.Origin != SampleOrigin.Added && s.Origin != SampleOrigin.SwappedIn)
            .Select(s => s.HouseholdId).ToListAsync(cancellationToken)).ToHashSet();
        var missing = stored.Except(again).Count();
        var extra = again.Except(stored).Count();
        return missing == 0 && extra == 0
            ? new Result(true, $"以种子 {DrawSample.SeedText(seed)} 重新抽样，结果与保存的抽样名单一致（{stored.Count}户）")
            : new Result(false, $"以种子 {DrawSample.SeedText(seed)} 重新抽样，结果与保存的名单不一致：{missing}户不在重抽结果中，重抽多出{extra}户。"
                + "通常是抽样后户籍数据（新增、迁移、退出）或往轮抽样有变化。");
    }
}
