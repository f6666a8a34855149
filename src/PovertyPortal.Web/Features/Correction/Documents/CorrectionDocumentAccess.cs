using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Documents.Correction;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction.Documents;

/// <summary>What a document handler found: the data, or why there is none (HTTP status and a sentence in Chinese).</summary>
public sealed record DocumentLookup<T>(T? Data, int Status, string? Refusal) where T : class;

public static class DocumentLookup
{
    public static DocumentLookup<T> Found<T>(T data) where T : class => new(data, StatusCodes.Status200OK, null);

    public static DocumentLookup<T> Refused<T>(DocumentRefusal refusal) where T : class => new(null, refusal.Status, refusal.Message);
}

public sealed record DocumentRefusal(int Status, string Message)
{
    public static DocumentRefusal NotCorrectionRole { get; } =
        new(StatusCodes.Status403Forbidden, "社区矫正文书仅限县级司法行政机关和司法所工作人员查阅、下载。");

    public static DocumentRefusal CaseNotFound { get; } =
        new(StatusCodes.Status404NotFound, "未找到该社区矫正案件，或者该案件不在您的管辖范围内。");

    public static DocumentRefusal MinorProtected { get; } =
        new(StatusCodes.Status403Forbidden, "该社区矫正人员为未成年人，其文书仅限本案工作人员（所在司法所和负责本案的县级工作人员）查阅（第五十条）。");
}

/// <summary>
/// The checks every correction document makes before it is filled: a correction role, the case inside the user's
/// correction scope (the data layer's filter decides), and a minor's case only for their own staff (art. 50). Then the
/// subject as documents print them (ID masked) and the offices of the case.
/// </summary>
public sealed class CorrectionDocumentAccess(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public DateOnly Today => PortalYears.Today(clock);

    public bool IsCorrectionUser => PortalRoles.IsCorrection(currentUser.Role);

    public Task<PortalDbContext> OpenAsync(CancellationToken cancellationToken) => dbFactory.CreateDbContextAsync(cancellationToken);

    /// <summary>The case with its person and offices, or the refusal; <paramref name="db"/> is the caller's context.</summary>
    public async Task<(CorrectionSubject? Subject, CorrectionPerson? Person, CorrectionOffices? Offices, DocumentRefusal? Refusal)> SubjectAsync(
        PortalDbContext db, int subjectId, CancellationToken cancellationToken)
    {
        if (!IsCorrectionUser) return (null, null, null, DocumentRefusal.NotCorrectionRole);
        var subject = await db.CorrectionSubjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null) return (null, null, null, DocumentRefusal.CaseNotFound);
        if (!CorrectionPrivacy.CanSeeIdentity(subject, currentUser.Role, currentUser.UserId, Today))
        {
            return (null, null, null, DocumentRefusal.MinorProtected);
        }
        var offices = await OfficesAsync(db, subject.TownshipId, cancellationToken);
        return (subject, PersonOf(subject, Today), offices, null);
    }

    /// <summary>
    /// The names of a case's township and county. The area tree is filtered by the poverty-alleviation scope, which a
    /// correction user does not have (decision 0029), so the filter is set aside here: the caller has already found a row
    /// of this township through the correction scope, and only the two names are read.
    /// </summary>
    public static async Task<CorrectionOffices> OfficesAsync(PortalDbContext db, int townshipId, CancellationToken cancellationToken)
    {
        var names = await db.Townships.IgnoreQueryFilters().Where(t => t.Id == townshipId)
            .Select(t => new { t.Name, County = t.County!.Name }).SingleAsync(cancellationToken);
        return new CorrectionOffices(names.County, names.Name);
    }

    /// <summary>The subject as the documents name them; reached only after the privacy check, so the name is theirs to see.</summary>
    public static CorrectionPerson PersonOf(CorrectionSubject s, DateOnly today) => new()
    {
        Name = s.Name, Gender = s.Gender, BirthDate = s.BirthDate,
        ResidentId = CorrectionPrivacy.DisplayResidentId(s.ResidentId, canSeeIdentity: true),
        Address = s.Address, Type = s.Type, IsMedicalParole = s.IsMedicalParole, IsMinor = s.IsMinorOn(today),
        Crime = s.Crime, Sentence = s.Sentence, DecisionOrganName = s.DecisionOrganName, CaseNumber = s.CaseNumber,
        EffectiveOn = s.EffectiveOn, CorrectionStart = s.CorrectionStart, CorrectionEnd = s.CorrectionEnd,
    };
}
