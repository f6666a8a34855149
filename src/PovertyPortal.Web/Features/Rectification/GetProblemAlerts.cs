using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// What the signed-in user must do next in the ledger (the home page's 待办): their own problems overdue or due within
/// three days, problems awaiting their check, and 回头看 that have come due, by the domain's rule
/// (<see cref="ProblemAlerts"/>) over the problems of their scope that could be any of these.
/// </summary>
public sealed class GetProblemAlerts(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Enough for a home page; the ledger's filters show the rest.</summary>
    private const int Limit = 300;

    public async Task<IReadOnlyList<ProblemAlert>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = PortalYears.Today(clock);
        var soon = today.AddDays(ProblemDue.DueSoonDays);
        var candidates = await db.Problems.AsNoTracking()
            .Where(p => (p.ResponsibleUserId == userId && (p.Status == ProblemStatus.Pending || p.Status == ProblemStatus.InProgress) && p.Deadline <= soon)
                || p.Status == ProblemStatus.Fixed
                || (p.Status == ProblemStatus.Closed && p.RecheckedOn == null && p.RecheckDueOn <= today))
            .OrderBy(p => p.Deadline).ThenBy(p => p.Id).Take(Limit)
            .ToListAsync(cancellationToken);
        return ProblemAlerts.For(ProblemCommands.Actor(currentUser), candidates, today);
    }
}
