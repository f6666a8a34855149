using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 抽样: draws the round's sample with a new seed (<see cref="SampleDraw.NewSeed"/>) and stores the seed on the round,
/// so that the draw can be shown again (<see cref="ReplaySampleDraw"/>). Drawing again while the round is a draft
/// replaces the whole sample, additions and swaps included, with the new seed's draw.
/// </summary>
public sealed class DrawSample(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed record Result(CommandResult Outcome, long Seed, int Households, int Villages)
    {
        public bool Succeeded => Outcome.Succeeded;
    }

    /// <param name="seed">The seed to draw with; null for a new one (the page never passes one: tests and the benchmark do).</param>
    public async Task<Result> HandleAsync(int roundId, long? seed = null, CancellationToken cancellationToken = default)
    {
        if (InspectionRoundCommands.Refusal(currentUser) is { } refused) return new(refused, 0, 0, 0);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await InspectionRoundCommands.LoadAsync(db, roundId, cancellationToken);
        if (round is null) return new(CommandResult.Fail(InspectionRoundCommands.NotFound), 0, 0, 0);
        if (!round.IsEditable) return new(CommandResult.Fail("督导方案已下发，不能重新抽样；如需调整请使用增补或替换"), 0, 0, 0);
        if (round.Pairs.Count == 0) return new(CommandResult.Fail("请先安排检查分组，再抽样"), 0, 0, 0);

        var newSeed = seed ?? SampleDraw.NewSeed();
        var input = await SampleCandidates.LoadAsync(db, round, cancellationToken);
        var draw = SampleDraw.Draw(newSeed, round.Quota, input.VillageIds, input.Candidates, input.InspectedBefore);
        var rows = SampleDraw.ToRows(draw, round, input.TownshipOfVillage);

        await db.Database.InTransactionAsync(async token =>
        {
            // A retry starts again from the database: the old sample is removed again, the new one added afresh.
            db.ChangeTracker.Clear();
            var tracked = await db.InspectionRounds.FirstAsync(r => r.Id == roundId, token);
            tracked.SampleSeed = newSeed;
            await db.SaveChangesAsync(token);
            // A county's sample is thousands of rows (7,500 for 300 villages): through the change tracker the delete and
            // insert took 2–3 s, by set-based delete and COPY / prepared INSERT well under one (docs/benchmarks.md). The
            // round was found through the scope's filter and the role was checked above; the new rows are scope-checked
            // one by one (NewHouseholdRows). A draft round's sample has no answers yet that could refer to it.
            await db.SampledHouseholds.Where(s => s.InspectionRoundId == roundId).ExecuteDeleteAsync(token);
            foreach (var row in rows) row.Id = 0;
            if (NewHouseholdRows.IsSupported(db))
            {
                await NewHouseholdRows.WriteAsync(db, rows, clock.GetUtcNow(), token);
            }
            else
            {
                db.SampledHouseholds.AddRange(rows);
                await db.SaveChangesAsync(token);
            }
        }, cancellationToken);

        var villages = rows.Select(r => r.VillageId).Distinct().Count();
        await InspectionRoundCommands.AuditAsync(auditLog, currentUser, AuditActions.InspectionSampleDrawn, round,
            $"抽样种子 {SeedText(newSeed)}：{villages}个村{rows.Count}户", cancellationToken);
        return new(CommandResult.Success, newSeed, rows.Count, villages);
    }

    /// <summary>
    /// The seed as the audit keeps it, grouped by thousands: a bare run of 18 or 11 digits in stored text reads as an
    /// ID number or a mobile number to the checks that the database holds none in plain (PersonalDataEncryptionTests).
    /// </summary>
    public static string SeedText(long seed) => seed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
