using PovertyPortal.Documents.Correction;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Web.Features.Correction.Documents;

/// <summary>The 解除社区矫正证明书 of a released case (arts. 45–47).</summary>
public sealed class GetReleaseCertificate(CorrectionDocumentAccess access)
{
    public static DocumentRefusal NotReleased { get; } = new(StatusCodes.Status409Conflict, "该社区矫正人员尚未解除矫正，不能出具解除社区矫正证明书。");

    public async Task<DocumentLookup<ReleaseCertificateData>> HandleAsync(int subjectId, CancellationToken cancellationToken = default)
    {
        await using var db = await access.OpenAsync(cancellationToken);
        var (s, person, offices, refusal) = await access.SubjectAsync(db, subjectId, cancellationToken);
        if (refusal is not null) return DocumentLookup.Refused<ReleaseCertificateData>(refusal);
        if (s!.Stage != CaseStage.Released || s.ReleasedOn is not { } releasedOn || string.IsNullOrWhiteSpace(s.CertificateNumber))
        {
            return DocumentLookup.Refused<ReleaseCertificateData>(NotReleased);
        }
        return DocumentLookup.Found(new ReleaseCertificateData
        {
            Offices = offices!, Person = person!, CertificateNumber = s.CertificateNumber, ReleasedOn = releasedOn,
        });
    }
}
