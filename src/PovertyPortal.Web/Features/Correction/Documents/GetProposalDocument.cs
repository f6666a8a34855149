using Microsoft.EntityFrameworkCore;
using PovertyPortal.Documents.Correction;

namespace PovertyPortal.Web.Features.Correction.Documents;

/// <summary>The 撤销缓刑/假释建议书 or 收监执行建议书 of one proposal (arts. 41–42), with the warnings given before it.</summary>
public sealed class GetProposalDocument(CorrectionDocumentAccess access)
{
    public static DocumentRefusal NotFound { get; } = new(StatusCodes.Status404NotFound, "未找到该建议记录，或者它不在您的管辖范围内。");

    public async Task<DocumentLookup<ProposalDocumentData>> HandleAsync(int proposalId, CancellationToken cancellationToken = default)
    {
        if (!access.IsCorrectionUser) return DocumentLookup.Refused<ProposalDocumentData>(DocumentRefusal.NotCorrectionRole);
        await using var db = await access.OpenAsync(cancellationToken);
        var proposal = await db.CorrectionProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null) return DocumentLookup.Refused<ProposalDocumentData>(NotFound);
        var (_, person, offices, refusal) = await access.SubjectAsync(db, proposal.SubjectId, cancellationToken);
        if (refusal is not null) return DocumentLookup.Refused<ProposalDocumentData>(refusal);
        var warnings = await db.CorrectionWarnings.AsNoTracking()
            .Where(w => w.SubjectId == proposal.SubjectId && w.IssuedOn <= proposal.ProposedOn)
            .OrderBy(w => w.IssuedOn).ThenBy(w => w.Id).Select(w => new { w.DecisionNumber, w.IssuedOn }).ToListAsync(cancellationToken);
        return DocumentLookup.Found(new ProposalDocumentData
        {
            Offices = offices!, Person = person!, Kind = proposal.Kind, DocumentNumber = proposal.DocumentNumber, ProposedOn = proposal.ProposedOn,
            SubmittedTo = proposal.SubmittedTo, Ground = proposal.Ground, Facts = proposal.Facts, DecisionDueOn = proposal.DecisionDueOn,
            Warnings = warnings.Select(w => (w.DecisionNumber, w.IssuedOn)).ToList(),
        });
    }
}
