using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>
/// One case with everything its page shows: the case row, its group, the recent records and the months' hours, warnings,
/// proposals, leave and moves, and its own deadlines. The ID and phone leave here masked (or hidden for a minor outside
/// the case staff); the full ID is read only through <see cref="RevealCorrectionIdentity"/>.
/// </summary>
public sealed class GetCorrectionCase(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public const int RecentRecords = 200;
    public const int MonthsShown = 6;

    public sealed record MonthHours(DateOnly Month, decimal Education, decimal Service, bool Owed)
    {
        public decimal EducationShortfall => Owed ? MonthlyActivity.Shortfall(MonthlyActivity.MinimumEducationHours, Education) : 0;
        public decimal ServiceShortfall => Owed ? MonthlyActivity.Shortfall(MonthlyActivity.MinimumServiceHours, Service) : 0;
    }

    public sealed record CaseFile(
        CorrectionSubject Subject, string DisplayName, string MaskedResidentId, string MaskedPhone, bool CanSeeIdentity,
        string TownshipName, string? CaseOfficerName, IReadOnlyList<SupervisionRecord> Records, IReadOnlyList<MonthHours> Months,
        IReadOnlyList<Warning> Warnings, IReadOnlyList<CorrectionProposal> Proposals, IReadOnlyList<LeaveRequest> Leave,
        IReadOnlyList<ResidenceChange> Moves, IReadOnlyList<CorrectionTask> Tasks, DateOnly Today, DateOnly? AssessmentDueOn);

    public async Task<CaseFile?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var today = PortalYears.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await db.CorrectionSubjects.AsNoTracking().Include(s => s.GroupMembers).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subject is null) return null;
        var seen = CorrectionPrivacy.CanSeeIdentity(subject.IsMinor, subject.CaseOfficerUserId, currentUser.Role, currentUser.UserId);
        var maskedId = CorrectionPrivacy.DisplayResidentId(subject.ResidentId, seen);
        var maskedPhone = !seen ? CorrectionPrivacy.HiddenId : string.IsNullOrEmpty(subject.Phone) ? "" : HouseholdFields.MaskPhone(subject.Phone);
        // The full values stop here: the page gets the masks only.
        subject.ResidentId = null;
        subject.Phone = null;
        if (!seen)
        {
            subject.Name = CorrectionPrivacy.DisplayName(subject.Id, subject.Name, false);
            subject.Address = null;
            // A court's case number leads to the judgment and so to the name.
            subject.CaseNumber = null;
        }

        var records = await db.SupervisionRecords.AsNoTracking().Where(r => r.SubjectId == id)
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).Take(RecentRecords).ToListAsync(cancellationToken);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var firstMonth = thisMonth.AddMonths(1 - MonthsShown);
        var hours = await db.SupervisionRecords.AsNoTracking()
            .Where(r => r.SubjectId == id && r.Date >= firstMonth
                && (r.Kind == SupervisionRecordKind.Education || r.Kind == SupervisionRecordKind.CommunityService))
            .Select(r => new { r.Kind, r.Date, r.Hours }).ToListAsync(cancellationToken);
        var months = Enumerable.Range(0, MonthsShown).Select(i => thisMonth.AddMonths(-i)).Select(m => new MonthHours(m,
                hours.Where(h => h.Kind == SupervisionRecordKind.Education && h.Date >= m && h.Date < m.AddMonths(1)).Sum(h => h.Hours),
                hours.Where(h => h.Kind == SupervisionRecordKind.CommunityService && h.Date >= m && h.Date < m.AddMonths(1)).Sum(h => h.Hours),
                MonthlyActivity.IsOwed(m, subject.AnnouncedOn, subject.CorrectionEnd ?? DateOnly.MaxValue)))
            .ToList();

        var warnings = await db.CorrectionWarnings.AsNoTracking().Where(w => w.SubjectId == id).OrderBy(w => w.IssuedOn).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        var proposals = await db.CorrectionProposals.AsNoTracking().Where(p => p.SubjectId == id).OrderBy(p => p.ProposedOn).ToListAsync(cancellationToken);
        var leave = await db.LeaveRequests.AsNoTracking().Where(l => l.SubjectId == id).OrderByDescending(l => l.From).ToListAsync(cancellationToken);
        var moves = await db.ResidenceChanges.AsNoTracking().Where(m => m.SubjectId == id).OrderByDescending(m => m.AppliedOn).ToListAsync(cancellationToken);
        var calendar = await CorrectionCalendar.LoadAsync(db, cancellationToken);
        var current = months[0];
        var last = months.Count > 1 ? months[1] : current;
        var activity = new CaseActivity(current.Education, current.Service, last.Education, last.Service,
            leave.Where(l => l.Status is LeaveStatus.AwaitingOffice or LeaveStatus.AwaitingCounty || (l.Status == LeaveStatus.Approved && l.ReturnedOn is null)).ToList(),
            moves.Where(m => m.Status == ResidenceChangeStatus.AwaitingCounty
                || (m.Status == ResidenceChangeStatus.Approved && (m.FilesTransferredOn is null || m.ReportedAtNewPlaceOn is null))).ToList(),
            proposals.Where(p => p.DecidedOn is null).ToList(),
            warnings.Count > 0 && proposals.Count > 0 && proposals.Max(p => p.ProposedOn) >= warnings.Max(w => w.IssuedOn));
        var tasks = CorrectionDeadlines.For(subject, activity, calendar, today).OrderBy(t => t.DueOn).ToList();

        var townships = await CorrectionAreas.TownshipsAsync(db, cancellationToken);
        var officer = subject.CaseOfficerUserId is { } officerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == officerId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new CaseFile(subject, subject.Name, maskedId, maskedPhone, seen, townships.FirstOrDefault(t => t.Id == subject.TownshipId)?.Name ?? "",
            officer, records, months, warnings, proposals, leave, moves, tasks, today, subject.AssessmentDueOn(calendar));
    }
}
