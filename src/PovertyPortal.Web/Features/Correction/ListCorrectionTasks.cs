using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>
/// 待办: every deadline of the open cases in the user's scope that is overdue or due soon, computed now from the cases
/// (CorrectionDeadlines); nothing is stored. Overdue first, then by date.
/// </summary>
public sealed class ListCorrectionTasks(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record Query(int? TownshipId = null, TaskOwner? Owner = null, bool OverdueOnly = false);

    public sealed record Row(int SubjectId, string SubjectName, string TownshipName, CaseStage Stage, string Title, DateOnly DueOn,
        TaskUrgency Urgency, TaskOwner Owner, string Article);

    public sealed record Result(IReadOnlyList<Row> Rows, int Overdue, int DueSoon, DateOnly Today, IReadOnlyList<CorrectionAreas.TownshipOption> Townships);

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        var today = PortalYears.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendar = await CorrectionCalendar.LoadAsync(db, cancellationToken);
        var options = await CorrectionAreas.TownshipsAsync(db, cancellationToken);
        var townships = options.ToDictionary(t => t.Id, t => t.Name);

        // The columns the deadlines read, nothing personal: no ID or phone is decrypted for a task list.
        var subjects = await CorrectionAreas.Within(db.CorrectionSubjects.AsNoTracking(), db, query.TownshipId)
            .Where(s => CorrectionSubject.OpenStages.Contains(s.Stage))
            .Select(s => new CorrectionSubject
            {
                Id = s.Id, CountyId = s.CountyId, TownshipId = s.TownshipId, Stage = s.Stage, Name = s.Name, BirthDate = s.BirthDate,
                IsMinor = s.IsMinor, CaseOfficerUserId = s.CaseOfficerUserId, Type = s.Type, IsMedicalParole = s.IsMedicalParole,
                SupervisionLevel = s.SupervisionLevel, EntrustedOn = s.EntrustedOn, AssessmentExtended = s.AssessmentExtended,
                AssessmentConclusion = s.AssessmentConclusion, EffectiveOn = s.EffectiveOn, DocumentsReceivedOn = s.DocumentsReceivedOn,
                HasJudgment = s.HasJudgment, HasExecutionNotice = s.HasExecutionNotice, HasParoleCertificate = s.HasParoleCertificate,
                HasGuaranteeLetter = s.HasGuaranteeLetter, MissingDocumentsNotifiedOn = s.MissingDocumentsNotifiedOn,
                ReceiptReturnedOn = s.ReceiptReturnedOn, ForwardedToOfficeOn = s.ForwardedToOfficeOn, ReportedOn = s.ReportedOn,
                SearchStartedOn = s.SearchStartedOn, CorrectionStart = s.CorrectionStart, CorrectionEnd = s.CorrectionEnd,
                AnnouncedOn = s.AnnouncedOn, PlanMadeOn = s.PlanMadeOn, PlanReviewDueOn = s.PlanReviewDueOn, LastReportOn = s.LastReportOn,
                LastHealthReportOn = s.LastHealthReportOn, LastMedicalReviewOn = s.LastMedicalReviewOn, WarningCount = s.WarningCount,
                AbscondedSince = s.AbscondedSince, SummaryOn = s.SummaryOn, AppraisalOn = s.AppraisalOn,
            })
            .ToListAsync(cancellationToken);
        if (subjects.Count == 0) return new([], 0, 0, today, options);

        var activity = await ActivityAsync(db, query.TownshipId, today, cancellationToken);
        var rows = new List<Row>();
        foreach (var subject in subjects)
        {
            var seen = CorrectionPrivacy.CanSeeIdentity(subject.IsMinor, subject.CaseOfficerUserId, currentUser.Role, currentUser.UserId);
            var name = CorrectionPrivacy.DisplayName(subject.Id, subject.Name, seen);
            foreach (var task in CorrectionDeadlines.For(subject, activity(subject.Id), calendar, today))
            {
                var urgency = task.UrgencyOn(today);
                if (urgency == TaskUrgency.Later || (query.OverdueOnly && urgency != TaskUrgency.Overdue)) continue;
                if (query.Owner is { } owner && task.Owner != owner) continue;
                rows.Add(new Row(subject.Id, name, townships.GetValueOrDefault(subject.TownshipId, ""), subject.Stage, task.Title, task.DueOn,
                    urgency, task.Owner, task.Article));
            }
        }
        rows.Sort((a, b) => (a.Urgency, a.DueOn, a.SubjectId).CompareTo((b.Urgency, b.DueOn, b.SubjectId)));
        return new(rows, rows.Count(r => r.Urgency == TaskUrgency.Overdue), rows.Count(r => r.Urgency == TaskUrgency.DueSoon), today, options);
    }

    /// <summary>
    /// This and last month's hours and the open leave, moves and proposals of every open case, read in four queries for
    /// the whole scope; the answer looks a case up by id.
    /// </summary>
    private static async Task<Func<int, CaseActivity>> ActivityAsync(PortalDbContext db, int? townshipId, DateOnly today, CancellationToken cancellationToken)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = month.AddMonths(-1);
        // Summed in the database per case, kind and month: a few thousand groups instead of every session's row.
        var hours = await CorrectionAreas.Within(db.SupervisionRecords.AsNoTracking(), db, townshipId)
            .Where(r => (r.Kind == SupervisionRecordKind.Education || r.Kind == SupervisionRecordKind.CommunityService) && r.Date >= lastMonth)
            .GroupBy(r => new { r.SubjectId, r.Kind, ThisMonth = r.Date >= month })
            .Select(g => new { g.Key.SubjectId, g.Key.Kind, g.Key.ThisMonth, Hours = g.Sum(r => r.Hours) })
            .ToListAsync(cancellationToken);
        var sums = hours.GroupBy(h => h.SubjectId).ToDictionary(g => g.Key, g => (
            EducationThis: g.Where(h => h.Kind == SupervisionRecordKind.Education && h.ThisMonth).Sum(h => h.Hours),
            ServiceThis: g.Where(h => h.Kind == SupervisionRecordKind.CommunityService && h.ThisMonth).Sum(h => h.Hours),
            EducationLast: g.Where(h => h.Kind == SupervisionRecordKind.Education && !h.ThisMonth).Sum(h => h.Hours),
            ServiceLast: g.Where(h => h.Kind == SupervisionRecordKind.CommunityService && !h.ThisMonth).Sum(h => h.Hours)));

        var leave = (await CorrectionAreas.Within(db.LeaveRequests.AsNoTracking(), db, townshipId)
            .Where(l => l.Status == LeaveStatus.AwaitingOffice || l.Status == LeaveStatus.AwaitingCounty
                || (l.Status == LeaveStatus.Approved && l.ReturnedOn == null))
            .ToListAsync(cancellationToken)).ToLookup(l => l.SubjectId);
        var moves = (await CorrectionAreas.Within(db.ResidenceChanges.AsNoTracking(), db, townshipId)
            .Where(m => m.Status == ResidenceChangeStatus.AwaitingCounty
                || (m.Status == ResidenceChangeStatus.Approved && (m.FilesTransferredOn == null || m.ReportedAtNewPlaceOn == null)))
            .ToListAsync(cancellationToken)).ToLookup(m => m.SubjectId);
        var proposals = (await CorrectionAreas.Within(db.CorrectionProposals.AsNoTracking(), db, townshipId)
            .Where(p => p.DecidedOn == null)
            .ToListAsync(cancellationToken)).ToLookup(p => p.SubjectId);

        // Only cases with warnings can have answered them; the last warning and the last proposal of each, two small reads.
        var lastWarning = await CorrectionAreas.Within(db.CorrectionWarnings.AsNoTracking(), db, townshipId)
            .GroupBy(w => w.SubjectId).Select(g => new { g.Key, Last = g.Max(w => w.IssuedOn) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, cancellationToken);
        var lastProposal = await CorrectionAreas.Within(db.CorrectionProposals.AsNoTracking(), db, townshipId)
            .GroupBy(p => p.SubjectId).Select(g => new { g.Key, Last = g.Max(p => p.ProposedOn) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, cancellationToken);

        return id =>
        {
            var h = sums.GetValueOrDefault(id);
            var answered = lastWarning.TryGetValue(id, out var warned) && lastProposal.TryGetValue(id, out var proposed) && proposed >= warned;
            return new CaseActivity(h.EducationThis, h.ServiceThis, h.EducationLast, h.ServiceLast,
                leave[id].ToList(), moves[id].ToList(), proposals[id].ToList(), answered);
        };
    }
}
