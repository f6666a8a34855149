using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>The case list (社区矫正人员名册) of the user's scope: filters, a page of rows, newest cases first.</summary>
public sealed class ListCorrectionSubjects(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const int PageSize = 50;

    public sealed record Query(string? Search = null, CaseStage? Stage = null, CorrectionType? Type = null, int? TownshipId = null,
        bool ActiveOnly = false, int Page = 0);

    public sealed record Row(int Id, string Name, Gender Gender, int Age, bool IsMinor, CorrectionType Type, bool IsMedicalParole,
        CaseStage Stage, string TownshipName, DateOnly? CorrectionStart, DateOnly? CorrectionEnd, int WarningCount, SupervisionLevel Level);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, IReadOnlyList<CorrectionAreas.TownshipOption> Townships);

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        var today = PortalYears.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var options = await CorrectionAreas.TownshipsAsync(db, cancellationToken);
        var townships = options.ToDictionary(t => t.Id, t => t.Name);
        var subjects = CorrectionAreas.Within(db.CorrectionSubjects.AsNoTracking(), db, query.TownshipId);
        if (query.Stage is { } stage) subjects = subjects.Where(s => s.Stage == stage);
        else if (query.ActiveOnly) subjects = subjects.Where(s => CorrectionSubject.OpenStages.Contains(s.Stage));
        if (query.Type is { } type) subjects = subjects.Where(s => s.Type == type);
        if (CorrectionCases.Clean(query.Search) is { } search)
        {
            // A minor is found by name only by their own case staff (art. 50): a search must not tell others they exist.
            var office = currentUser.Role == PortalRoles.JudicialOffice;
            var userId = currentUser.UserId;
            subjects = subjects.Where(s => (s.Name.Contains(search) || (s.CaseNumber != null && s.CaseNumber.Contains(search)))
                && (!s.IsMinor || office || s.CaseOfficerUserId == userId));
        }
        var total = await subjects.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 0, Math.Max(0, (total - 1) / PageSize));
        var rows = await subjects.OrderByDescending(s => s.Id).Skip(page * PageSize).Take(PageSize)
            .Select(s => new
            {
                s.Id, s.Name, s.Gender, s.BirthDate, s.IsMinor, s.CaseOfficerUserId, s.Type, s.IsMedicalParole, s.Stage, s.TownshipId,
                s.CorrectionStart, s.CorrectionEnd, s.WarningCount, s.SupervisionLevel,
            })
            .ToListAsync(cancellationToken);
        return new(rows.Select(s =>
        {
            var seen = CorrectionPrivacy.CanSeeIdentity(s.IsMinor, s.CaseOfficerUserId, currentUser.Role, currentUser.UserId);
            var age = today.Year - s.BirthDate.Year - (s.BirthDate.AddYears(today.Year - s.BirthDate.Year) > today ? 1 : 0);
            return new Row(s.Id, CorrectionPrivacy.DisplayName(s.Id, s.Name, seen), s.Gender, age, s.IsMinor, s.Type, s.IsMedicalParole,
                s.Stage, townships.GetValueOrDefault(s.TownshipId, ""), s.CorrectionStart, s.CorrectionEnd, s.WarningCount, s.SupervisionLevel);
        }).ToList(), total, page, options);
    }
}
