using System.Globalization;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// How the group reached a sampled household: 入户检查, or 电话访问 when nobody was home, or 访问村干部 when nobody
/// could be reached. Kept on the sample row with the day of the visit; the household's answers stay as they are.
/// </summary>
public sealed class SetVisitMode(InspectionAccess access, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(int pairId, int householdId, VisitMode mode, CancellationToken cancellationToken = default) =>
        await SaveGuard.RunAsync(async () =>
        {
            if (await access.OpenAsync(pairId, cancellationToken) is not var (pair, db)) return CommandResult.Fail(InspectionWork.NotInGroup);
            await using var _ = db;
            if (pair.RoundStatus != InspectionRoundStatus.Issued) return CommandResult.Fail(InspectionWork.NotOpen);
            if (!Enum.IsDefined(mode)) return CommandResult.Fail("请选择访问方式");
            var place = await InspectionWork.ResolveAsync(db, pair, InspectionPlace.Household(householdId), cancellationToken);
            if (place.Sampled is not { } sampled) return CommandResult.Fail(place.Refusal!);
            sampled.VisitMode = mode;
            sampled.VisitedOn ??= PortalYears.Today(clock);
            await db.SaveChangesAsync(cancellationToken);
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.InspectionVisitMode, AuditOutcome.Success,
                InspectionWork.Describe(place.Place), nameof(SampledHousehold), sampled.Id.ToString(CultureInfo.InvariantCulture),
                mode.Label(), cancellationToken);
            return CommandResult.Success;
        });
}
