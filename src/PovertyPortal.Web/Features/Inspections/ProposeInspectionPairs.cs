using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>按轮换生成: the portal's rotation for a round against the county's previous round; nothing is saved.</summary>
public sealed class ProposeInspectionPairs(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<RotationProposal?> HandleAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.InspectionRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null) return null;
        var townships = await InspectionRoundCommands.TownshipsAsync(db, round.CountyId, cancellationToken);
        var previous = await InspectionRoundCommands.PreviousPairsAsync(db, round, cancellationToken);
        return InspectionPairing.Propose(townships, previous);
    }
}
