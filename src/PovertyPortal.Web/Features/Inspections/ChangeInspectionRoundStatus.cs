using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 下发 (草拟 → 已下发) once the plan is whole — pairs, groups, checklist and sample valid — and 结束 (已下发 → 已结束).
/// A refused 下发 lists in Chinese everything still missing, not just the first thing.
/// </summary>
public sealed class ChangeInspectionRoundStatus(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<CommandResult> IssueAsync(int roundId, CancellationToken cancellationToken = default) =>
        await ChangeAsync(roundId, InspectionRoundStatus.Draft, InspectionRoundStatus.Issued, cancellationToken);

    public async Task<CommandResult> FinishAsync(int roundId, CancellationToken cancellationToken = default) =>
        await ChangeAsync(roundId, InspectionRoundStatus.Issued, InspectionRoundStatus.Finished, cancellationToken);

    private async Task<CommandResult> ChangeAsync(int roundId, InspectionRoundStatus from, InspectionRoundStatus to, CancellationToken cancellationToken)
    {
        if (InspectionRoundCommands.Refusal(currentUser) is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await InspectionRoundCommands.LoadAsync(db, roundId, cancellationToken);
        if (round is null) return CommandResult.Fail(InspectionRoundCommands.NotFound);
        if (round.Status != from)
        {
            return CommandResult.Fail($"督导方案{round.Status.Label()}，只有{from.Label()}的方案可以{(to == InspectionRoundStatus.Issued ? "下发" : "结束")}");
        }
        if (to == InspectionRoundStatus.Issued && await MissingAsync(db, round, cancellationToken) is { Count: > 0 } missing)
        {
            return CommandResult.Fail("督导方案还不能下发：" + string.Join("；", missing));
        }
        round.Status = to;
        await db.SaveChangesAsync(cancellationToken);
        await InspectionRoundCommands.AuditAsync(auditLog, currentUser, AuditActions.InspectionRoundStatusChanged, round,
            $"{from.Label()} → {to.Label()}", cancellationToken);
        return CommandResult.Success;
    }

    /// <summary>What keeps the round from being issued, in Chinese; empty when it is whole.</summary>
    public static async Task<List<string>> MissingAsync(PortalDbContext db, InspectionRound round, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var townships = await InspectionRoundCommands.TownshipsAsync(db, round.CountyId, cancellationToken);
        var previous = await InspectionRoundCommands.PreviousPairsAsync(db, round, cancellationToken);
        missing.AddRange(InspectionPairing.Validate(round.Pairs.Select(p => p.Townships).ToList(), townships, previous)
            .Where(i => i.IsError).Select(i => i.Message));
        if (round.Pairs.Count > 0)
        {
            var userIds = round.Pairs.SelectMany(p => p.Group).Where(m => m.UserId is not null).Select(m => m.UserId!).Distinct().ToList();
            var townshipOfUser = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.TownshipId, cancellationToken);
            missing.AddRange(InspectionGroups.Validate(round.Pairs, townships, townshipOfUser));
        }
        var checklist = await db.ChecklistItems.Where(i => i.InspectionRoundId == round.Id).ToListAsync(cancellationToken);
        missing.AddRange(Checklists.Validate(checklist));
        if (round.SampleSeed is null)
        {
            missing.Add("尚未抽样");
        }
        else
        {
            // A township without households in the register has nothing to draw (its group checks villages and the
            // township itself); one with households but no sample was paired after the draw.
            var sampledPairs = await db.SampledHouseholds.Where(s => s.InspectionRoundId == round.Id && !s.IsWithdrawn)
                .Select(s => s.InspectionPairId).Distinct().ToListAsync(cancellationToken);
            var unsampled = round.Pairs.Where(p => !sampledPairs.Contains(p.Id)).Select(p => p.InspectedTownshipId).ToList();
            var withHouseholds = await db.Households.Where(h => unsampled.Contains(h.TownshipId))
                .Select(h => h.TownshipId).Distinct().ToListAsync(cancellationToken);
            var names = townships.ToDictionary(t => t.Id, t => t.Name);
            foreach (var township in withHouseholds.OrderBy(t => unsampled.IndexOf(t)))
            {
                missing.Add($"{names.GetValueOrDefault(township, "被检查乡镇")}没有抽样户，请重新抽样");
            }
        }
        return missing;
    }
}
