using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 检查分组: the round's pairs as the supervisor edited them. The pairing rules' errors refuse the save; their warnings
/// (a pair of the previous round again, a mutual pair) are returned with the success for the page to show. A pair
/// keeps its group and sample while its inspected township stays; a pair removed takes its group and sample with it.
/// </summary>
public sealed class SaveInspectionPairs(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed record Result(CommandResult Outcome, IReadOnlyList<string> Warnings)
    {
        public bool Succeeded => Outcome.Succeeded;
    }

    public async Task<Result> HandleAsync(int roundId, IReadOnlyList<TownshipPair> pairs, CancellationToken cancellationToken = default)
    {
        if (InspectionRoundCommands.Refusal(currentUser) is { } refused) return new(refused, []);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await InspectionRoundCommands.LoadAsync(db, roundId, cancellationToken);
        if (round is null) return new(CommandResult.Fail(InspectionRoundCommands.NotFound), []);
        if (!round.IsEditable) return new(CommandResult.Fail(InspectionRoundCommands.NotEditable), []);

        var townships = await InspectionRoundCommands.TownshipsAsync(db, round.CountyId, cancellationToken);
        var previous = await InspectionRoundCommands.PreviousPairsAsync(db, round, cancellationToken);
        var issues = InspectionPairing.Validate(pairs, townships, previous);
        if (issues.FirstOrDefault(i => i.IsError) is { } error) return new(CommandResult.Fail(error.Message), []);

        var existing = round.Pairs.ToDictionary(p => p.InspectedTownshipId);
        foreach (var pair in pairs)
        {
            if (existing.Remove(pair.InspectedTownshipId, out var kept))
            {
                kept.InspectingTownshipId = pair.InspectingTownshipId;
            }
            else
            {
                round.Pairs.Add(new InspectionPair
                {
                    InspectionRoundId = round.Id, CountyId = round.CountyId,
                    InspectingTownshipId = pair.InspectingTownshipId, InspectedTownshipId = pair.InspectedTownshipId,
                });
            }
        }
        // The sample rows of a removed pair go with it (the database cascades them); the group's rows are tracked.
        foreach (var removed in existing.Values) db.InspectionPairs.Remove(removed);
        await db.SaveChangesAsync(cancellationToken);

        var warnings = issues.Where(i => !i.IsError).Select(i => i.Message).ToList();
        await InspectionRoundCommands.AuditAsync(auditLog, currentUser, AuditActions.InspectionPlanChanged, round,
            $"保存检查分组（{pairs.Count}组）" + (warnings.Count > 0 ? "；提示：" + string.Join("；", warnings) : ""), cancellationToken);
        return new(CommandResult.Success, warnings);
    }
}
