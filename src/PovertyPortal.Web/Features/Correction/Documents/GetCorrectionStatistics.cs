using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Documents.Correction;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.Correction.Documents;

/// <summary>
/// 社区矫正月度统计表 of one month for the user's county (a row per township and a total) or one township. Figures only,
/// counted from the case rows and the month's warnings, proposals, leave and hours; the correction scope filters every
/// query, and a township outside it is refused, not silently emptied.
/// </summary>
public sealed class GetCorrectionStatistics(CorrectionDocumentAccess access)
{
    public const int FirstYear = 2000;

    public sealed record Query(int Year, int Month, int? TownshipId);

    /// <summary>The townships a user may pick: the county's for the justice bureau, their own for a 司法所.</summary>
    public sealed record TownshipChoice(int Id, string Name);

    public async Task<IReadOnlyList<TownshipChoice>> TownshipsAsync(CancellationToken cancellationToken = default)
    {
        if (!access.IsCorrectionUser) return [];
        await using var db = await access.OpenAsync(cancellationToken);
        return await TownshipsAsync(db, cancellationToken);
    }

    private static async Task<List<TownshipChoice>> TownshipsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var scope = db.CorrectionScope;
        if (scope.CountyId is not int county) return [];
        // The area tree answers to the poverty-alleviation scope, which correction users lack (decision 0029): the
        // correction scope decides here instead, and only ids and names are read.
        return await db.Townships.IgnoreQueryFilters().Where(t => t.CountyId == county && (scope.TownshipId == null || t.Id == scope.TownshipId))
            .Where(t => !t.IsRetired || t.Id == scope.TownshipId)
            .OrderBy(t => t.AdminCode).Select(t => new TownshipChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
    }

    public async Task<DocumentLookup<CorrectionStatisticsData>> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        static DocumentLookup<CorrectionStatisticsData> Refuse(int status, string message) => DocumentLookup.Refused<CorrectionStatisticsData>(new(status, message));
        if (!access.IsCorrectionUser) return DocumentLookup.Refused<CorrectionStatisticsData>(DocumentRefusal.NotCorrectionRole);
        var today = access.Today;
        if (query.Month is < 1 or > 12) return Refuse(StatusCodes.Status400BadRequest, $"月份应为1至12，收到的是{query.Month}。");
        if (query.Year < FirstYear || query.Year > today.Year) return Refuse(StatusCodes.Status400BadRequest, $"年份应在{FirstYear}年至{today.Year}年之间。");
        var start = new DateOnly(query.Year, query.Month, 1);
        if (start > today) return Refuse(StatusCodes.Status400BadRequest, $"{query.Year}年{query.Month}月尚未到来，不能统计。");
        var end = start.AddMonths(1).AddDays(-1);

        await using var db = await access.OpenAsync(cancellationToken);
        var scope = db.CorrectionScope;
        if (scope.CountyId is not int countyId) return DocumentLookup.Refused<CorrectionStatisticsData>(DocumentRefusal.NotCorrectionRole);
        var townships = await TownshipsAsync(db, cancellationToken);
        if (query.TownshipId is int asked)
        {
            if (townships.All(t => t.Id != asked))
            {
                return Refuse(scope.TownshipId is null ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden,
                    "该乡镇不在您的管辖范围内，或者不存在。");
            }
            townships = townships.Where(t => t.Id == asked).ToList();
        }
        var townshipIds = townships.Select(t => t.Id).ToList();
        var countyName = await db.Counties.IgnoreQueryFilters().Where(c => c.Id == countyId).Select(c => c.Name).SingleAsync(cancellationToken);

        // Those announced by the month's end and not gone before it began, and anyone whose case ended in the month.
        var subjects = await db.CorrectionSubjects.AsNoTracking()
            .Where(s => townshipIds.Contains(s.TownshipId))
            .Where(s => (s.AnnouncedOn != null && s.AnnouncedOn <= end
                         && (s.ReleasedOn == null || s.ReleasedOn >= start) && (s.TerminatedOn == null || s.TerminatedOn >= start))
                        || (s.TerminatedOn >= start && s.TerminatedOn <= end))
            .Select(s => new Subject(s.Id, s.TownshipId, s.Type, s.Gender, s.BirthDate, s.EffectiveOn, s.AnnouncedOn, s.ReleasedOn, s.TerminatedOn, s.CorrectionEnd))
            .ToListAsync(cancellationToken);
        var warnings = await db.CorrectionWarnings.Where(w => townshipIds.Contains(w.TownshipId) && w.IssuedOn >= start && w.IssuedOn <= end)
            .Select(w => w.TownshipId).ToListAsync(cancellationToken);
        var proposals = await db.CorrectionProposals.Where(p => townshipIds.Contains(p.TownshipId) && p.ProposedOn >= start && p.ProposedOn <= end)
            .Select(p => p.TownshipId).ToListAsync(cancellationToken);
        // Approved on the day of the last approval it needed: the county's for long trips, the 司法所's for the rest.
        var leave = await db.LeaveRequests
            .Where(l => townshipIds.Contains(l.TownshipId) && (l.Status == LeaveStatus.Approved || l.Status == LeaveStatus.Returned))
            .Where(l => (l.CountyDecidedOn ?? l.OfficeDecidedOn) >= start && (l.CountyDecidedOn ?? l.OfficeDecidedOn) <= end)
            .Select(l => l.TownshipId).ToListAsync(cancellationToken);
        var hours = (await db.SupervisionRecords
            .Where(r => townshipIds.Contains(r.TownshipId) && r.Date >= start && r.Date <= end
                        && (r.Kind == SupervisionRecordKind.Education || r.Kind == SupervisionRecordKind.CommunityService))
            .Select(r => new { r.SubjectId, r.Kind, r.Hours }).ToListAsync(cancellationToken))
            .GroupBy(r => (r.SubjectId, r.Kind)).ToDictionary(g => g.Key, g => g.Sum(r => r.Hours));

        var rows = townships.Select(t =>
        {
            var mine = subjects.Where(s => s.TownshipId == t.Id).ToList();
            var inCorrection = mine.Where(s => s.InCorrectionAt(end)).ToList();
            var owing = inCorrection.Where(s => s.CorrectionEnd is { } e && MonthlyActivity.IsOwed(start, s.AnnouncedOn, e)).ToList();
            decimal Done(Subject s, SupervisionRecordKind kind) => hours.GetValueOrDefault((s.Id, kind));
            return new CorrectionStatisticsRow(t.Name)
            {
                Control = inCorrection.Count(s => s.Type == CorrectionType.Control),
                Probation = inCorrection.Count(s => s.Type == CorrectionType.Probation),
                Parole = inCorrection.Count(s => s.Type == CorrectionType.Parole),
                TemporaryOutOfPrison = inCorrection.Count(s => s.Type == CorrectionType.TemporaryOutOfPrison),
                Minors = inCorrection.Count(s => s.IsMinor),
                Women = inCorrection.Count(s => s.Gender == Gender.Female),
                New = mine.Count(s => s.AnnouncedOn >= start && s.AnnouncedOn <= end),
                Released = mine.Count(s => s.ReleasedOn >= start && s.ReleasedOn <= end),
                Terminated = mine.Count(s => s.TerminatedOn >= start && s.TerminatedOn <= end),
                Warnings = warnings.Count(id => id == t.Id),
                Proposals = proposals.Count(id => id == t.Id),
                LeaveApproved = leave.Count(id => id == t.Id),
                EducationShort = owing.Count(s => Done(s, SupervisionRecordKind.Education) < MonthlyActivity.MinimumEducationHours),
                ServiceShort = owing.Count(s => Done(s, SupervisionRecordKind.CommunityService) < MonthlyActivity.MinimumServiceHours),
            };
        }).ToList();

        var single = query.TownshipId is not null || scope.TownshipId is not null;
        var offices = single && townships.Count == 1 ? new CorrectionOffices(countyName, townships[0].Name) : null;
        return DocumentLookup.Found(new CorrectionStatisticsData
        {
            AreaName = offices is null ? countyName : countyName + offices.TownshipName,
            Year = query.Year, Month = query.Month, Rows = rows,
            AsOf = end >= today ? today : null,
            IssuedBy = scope.TownshipId is not null && offices is not null ? offices.JudicialOffice : countyName + "司法局",
            IssuedOn = today,
        });
    }

    private sealed record Subject(int Id, int TownshipId, CorrectionType Type, Gender Gender, DateOnly BirthDate, DateOnly? EffectiveOn,
        DateOnly? AnnouncedOn, DateOnly? ReleasedOn, DateOnly? TerminatedOn, DateOnly? CorrectionEnd)
    {
        public bool InCorrectionAt(DateOnly day) =>
            AnnouncedOn <= day && !(ReleasedOn <= day) && !(TerminatedOn <= day);

        /// <summary>The module's rule (CorrectionSubject.IsMinorOn): under eighteen when the judgment took effect.</summary>
        public bool IsMinor => new CorrectionSubject { Name = "", BirthDate = BirthDate }.IsMinorOn(EffectiveOn ?? AnnouncedOn ?? BirthDate);
    }
}
