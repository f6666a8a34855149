using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// 增补 / 替换: the supervisor adds a household to a pair's sample, or puts one in place of another of the same village,
/// always with a reason (<see cref="SampleAdjustments"/>). Allowed until the round is finished; a household whose visit
/// has started is not swapped out.
/// </summary>
public sealed class AdjustSample(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed class Command
    {
        public int PairId { get; set; }

        /// <summary>For a swap: the household taken out; null to add.</summary>
        public int? ReplacesHouseholdId { get; set; }
        public int? VillageId { get; set; }
        public int? HouseholdId { get; set; }
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VillageId).NotNull().WithMessage("请选择村");
            RuleFor(c => c.HouseholdId).NotNull().WithMessage("请选择农户");
            RuleFor(c => c.Reason).Cascade(CascadeMode.Stop)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(c => c.ReplacesHouseholdId is null ? "增补抽样户须填写理由" : "替换抽样户须填写理由")
                .MaximumLength(500).WithMessage("理由不能超过500个字");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (InspectionRoundCommands.Refusal(currentUser) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pair = await db.InspectionPairs.Include(p => p.InspectionRound).FirstOrDefaultAsync(p => p.Id == command.PairId, cancellationToken);
        if (pair?.InspectionRound is not { } round) return CommandResult.Fail(InspectionRoundCommands.NotFound);
        if (round.Status == InspectionRoundStatus.Finished) return CommandResult.Fail("督导方案已结束，不能再调整抽样名单");

        var household = await db.Households.AsNoTracking().Where(h => h.Id == command.HouseholdId && h.VillageId == command.VillageId)
            .Select(h => new { h.Id, h.VillageId, h.Status, h.MonitoringType, h.RiskEliminatedOn }).FirstOrDefaultAsync(cancellationToken);
        if (household is null) return CommandResult.Fail(nameof(Command.HouseholdId), "该户不存在或不在所选村");
        if (SampleCategories.Of(household.Status, household.MonitoringType, household.RiskEliminatedOn) is not { } category)
        {
            return CommandResult.Fail(nameof(Command.HouseholdId), "该户既不是建档立卡户，也不是监测对象，不能列入抽样");
        }
        var candidate = new DrawCandidate(household.Id, household.VillageId, category);

        var sample = await db.SampledHouseholds.Where(s => s.InspectionRoundId == round.Id).ToListAsync(cancellationToken);
        var before = sample.Count;
        RuleResult result;
        if (command.ReplacesHouseholdId is int outgoing)
        {
            result = SampleAdjustments.Swap(sample, pair, outgoing, candidate, command.Reason);
        }
        else
        {
            var villages = (await db.Villages.Where(v => v.TownshipId == pair.InspectedTownshipId).Select(v => v.Id).ToListAsync(cancellationToken)).ToHashSet();
            result = SampleAdjustments.Add(sample, pair, villages, candidate, command.Reason);
        }
        if (!result.Succeeded) return CommandResult.Fail(result.Refusal!);

        // The withdrawn row changed in place (tracked) and the new one added: one SaveChanges, one transaction.
        db.SampledHouseholds.AddRange(sample.Skip(before));
        await db.SaveChangesAsync(cancellationToken);
        await InspectionRoundCommands.AuditAsync(auditLog, currentUser, AuditActions.InspectionSampleAdjusted, round,
            command.ReplacesHouseholdId is int o ? $"替换抽样户：户 {o} → 户 {household.Id}；理由：{command.Reason.Trim()}"
                : $"增补抽样户：户 {household.Id}；理由：{command.Reason.Trim()}", cancellationToken);
        return CommandResult.Success;
    }
}
