using PovertyPortal.Documents.Correction;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Web.Features.Correction.Documents;

/// <summary>The 接收登记表 of one case (art. 12), once its legal documents have been received.</summary>
public sealed class GetRegistrationForm(CorrectionDocumentAccess access)
{
    public async Task<DocumentLookup<RegistrationFormData>> HandleAsync(int subjectId, CancellationToken cancellationToken = default)
    {
        await using var db = await access.OpenAsync(cancellationToken);
        var (s, person, offices, refusal) = await access.SubjectAsync(db, subjectId, cancellationToken);
        if (refusal is not null) return DocumentLookup.Refused<RegistrationFormData>(refusal);
        if (s!.DocumentsReceivedOn is null)
        {
            return DocumentLookup.Refused<RegistrationFormData>(new(StatusCodes.Status409Conflict, "该案件尚未登记接收法律文书，还不能填写接收登记表。"));
        }
        List<(string, bool)> documents = [("判决书（裁定书、决定书）", s.HasJudgment), ("执行通知书", s.HasExecutionNotice)];
        if (s.Type == CorrectionType.Parole) documents.Add(("假释证明书副本", s.HasParoleCertificate));
        documents.Add(("接受社区矫正保证书", s.HasGuaranteeLetter));
        return DocumentLookup.Found(new RegistrationFormData
        {
            Offices = offices!, Person = person!, CaseId = s.Id, SupervisionLevel = s.SupervisionLevel.Label(), Documents = documents,
            DocumentsReceivedOn = s.DocumentsReceivedOn, MissingDocumentsNotifiedOn = s.MissingDocumentsNotifiedOn,
            ReceiptReturnedOn = s.ReceiptReturnedOn, ForwardedToOfficeOn = s.ForwardedToOfficeOn, RegisteredOn = s.RegisteredOn,
            ReportedOn = s.ReportedOn, ReportDueOn = s.ReportDueOn, IssuedOn = access.Today,
        });
    }
}
