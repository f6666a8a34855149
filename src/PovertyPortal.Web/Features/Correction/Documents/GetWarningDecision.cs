using Microsoft.EntityFrameworkCore;
using PovertyPortal.Documents.Correction;

namespace PovertyPortal.Web.Features.Correction.Documents;

/// <summary>The 警告决定书 of one warning (art. 39), with its place among the subject's warnings.</summary>
public sealed class GetWarningDecision(CorrectionDocumentAccess access)
{
    public static DocumentRefusal NotFound { get; } = new(StatusCodes.Status404NotFound, "未找到该警告记录，或者它不在您的管辖范围内。");

    public async Task<DocumentLookup<WarningDecisionData>> HandleAsync(int warningId, CancellationToken cancellationToken = default)
    {
        if (!access.IsCorrectionUser) return DocumentLookup.Refused<WarningDecisionData>(DocumentRefusal.NotCorrectionRole);
        await using var db = await access.OpenAsync(cancellationToken);
        var warning = await db.CorrectionWarnings.AsNoTracking().FirstOrDefaultAsync(w => w.Id == warningId, cancellationToken);
        if (warning is null) return DocumentLookup.Refused<WarningDecisionData>(NotFound);
        var (_, person, offices, refusal) = await access.SubjectAsync(db, warning.SubjectId, cancellationToken);
        if (refusal is not null) return DocumentLookup.Refused<WarningDecisionData>(refusal);
        // Ties on a day go by id: the order the county entered them.
        var before = await db.CorrectionWarnings.CountAsync(w => w.SubjectId == warning.SubjectId
            && (w.IssuedOn < warning.IssuedOn || (w.IssuedOn == warning.IssuedOn && w.Id < warning.Id)), cancellationToken);
        return DocumentLookup.Found(new WarningDecisionData
        {
            Offices = offices!, Person = person!, DecisionNumber = warning.DecisionNumber, IssuedOn = warning.IssuedOn,
            Ground = warning.Ground, Facts = warning.Facts, Evidence = warning.Evidence, Ordinal = before + 1,
        });
    }
}
