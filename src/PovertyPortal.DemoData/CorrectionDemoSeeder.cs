using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.DemoData;

/// <summary>
/// The demo county's community-correction casework (issue 19): about sixty subjects across its townships in every
/// stage, each made by the domain's own steps (<see cref="CorrectionCaseBuilder"/>), dated relative to the day the demo
/// is first loaded so that deadlines are due soon, overdue or ahead whatever the day. Among them the cases a newcomer
/// should meet: a minor, women, a 保外就医 subject, one at two warnings, one at three with a revocation proposal awaiting
/// the court, one who has not reported in time, trips at each step of approval and a move awaiting the new county.
/// Idempotent: nothing happens once the county has a case. Deterministic: one seed per county.
/// </summary>
public static class CorrectionDemoSeeder
{
    /// <summary>The demo's staff: the county officer who keeps most cases, and the 司法所 staff who lead the groups of their township.</summary>
    public sealed record Staff(string? CaseOfficerUserId, IReadOnlyDictionary<int, string> OfficeStaffByTownship);

    /// <summary>Loads the cases unless the county has some; returns how many it loaded.</summary>
    public static async Task<int> SeedAsync(PortalDbContext db, County county, IReadOnlyList<Township> townships, IReadOnlyList<SurnameWeight> surnames,
        Staff staff, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.CorrectionSubjects.AnyAsync(s => s.CountyId == county.Id, cancellationToken)) return 0;
        var calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken));
        var cases = Plan(county, townships, surnames, staff, calendar, PortalYears.Today(clock));

        // New rows only: nothing to detect between the adds, and thousands of records make each detection count.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.Database.InTransactionAsync(async token =>
            {
                db.ChangeTracker.Clear();
                db.CorrectionSubjects.AddRange(cases.Select(c => c.Subject));
                await db.SaveChangesAsync(token);
                foreach (var c in cases)
                {
                    c.Attach();
                    db.SupervisionRecords.AddRange(c.Records);
                    db.CorrectionWarnings.AddRange(c.Warnings);
                    db.CorrectionProposals.AddRange(c.Proposals);
                    db.LeaveRequests.AddRange(c.Leave);
                    db.ResidenceChanges.AddRange(c.Moves);
                }
                await db.SaveChangesAsync(token);
            }, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        return cases.Count;
    }

    /// <summary>The cases, unsaved: the first township (the `township` and `sifasuo` accounts' 石桥镇) holds the ones a demo shows first.</summary>
    public static IReadOnlyList<CorrectionCase> Plan(County county, IReadOnlyList<Township> townships, IReadOnlyList<SurnameWeight> surnames, Staff staff,
        WorkingCalendar calendar, DateOnly today)
    {
        var random = DemoRandom.ForCorrection(county.AdminCode);
        var builder = new CorrectionCaseBuilder(random, today, calendar, county.AdminCode[..6], county.Name, surnames);
        var places = townships.OrderBy(t => t.AdminCode)
            .Select(t => new CorrectionTownship(county.Id, t.Id, t.Name, t.Villages.OrderBy(v => v.AdminCode).Select(v => v.Name).ToList(),
                staff.OfficeStaffByTownship.GetValueOrDefault(t.Id)))
            .ToList();
        var (first, second, third) = (places[0], places[Math.Min(1, places.Count - 1)], places[Math.Min(2, places.Count - 1)]);
        var officer = staff.CaseOfficerUserId;
        var cases = new List<CorrectionCase>();
        CorrectionCase Add(CorrectionCaseSpec spec)
        {
            var c = builder.Build(spec);
            cases.Add(c);
            return c;
        }
        DateOnly Ago(int days) => today.AddDays(-days);

        // 调查评估: one just entrusted, one extended (its first five working days are past), one found unsuitable.
        Add(new() { Township = first, Stage = CaseStage.Assessing, EffectiveOn = Ago(2), CaseOfficerUserId = officer });
        Add(new() { Township = second, Stage = CaseStage.Assessing, EffectiveOn = Ago(8), AssessmentExtended = true, CaseOfficerUserId = officer });
        Add(new() { Township = third, Stage = CaseStage.NotSuitable, EffectiveOn = Ago(40), CaseOfficerUserId = officer });

        // 待报到: one who has not reported within the ten days (art. 13: the alert and the 查找 task), one still in time.
        Add(new() { Township = first, Stage = CaseStage.Receiving, EffectiveOn = Ago(14), Assessed = true, TermMonths = 24, CaseOfficerUserId = officer });
        Add(new() { Township = second, Stage = CaseStage.Receiving, EffectiveOn = Ago(3), Type = CorrectionType.Parole, TermMonths = 18, CaseOfficerUserId = officer });

        // 待宣告: one due in a few days, one whose seven days ran out yesterday.
        Add(new() { Township = first, Stage = CaseStage.AwaitingAnnouncement, EffectiveOn = Ago(6), ReportAfterDays = 2, Gender = Gender.Female, AgeAtEffective = 42, CaseOfficerUserId = officer });
        Add(new() { Township = third, Stage = CaseStage.AwaitingAnnouncement, EffectiveOn = Ago(9), ReportAfterDays = 1, Type = CorrectionType.Control, CaseOfficerUserId = officer });

        // The cases a newcomer should meet, in 石桥镇 unless said.
        // A minor (art. 50): sixteen when the judgment took effect; a member of the group knows youth work.
        var minor = Add(new() { Township = first, Stage = CaseStage.UnderCorrection, EffectiveOn = Ago(150), AgeAtEffective = 16, TermMonths = 24, Assessed = true, CaseOfficerUserId = officer });
        // 保外就医: monthly health reports and a review every three months; a woman, so her group has a woman too.
        Add(new()
        {
            Township = first, Stage = CaseStage.UnderCorrection, Type = CorrectionType.TemporaryOutOfPrison, MedicalParole = true, Gender = Gender.Female,
            AgeAtEffective = 58, EffectiveOn = Ago(300), TermMonths = 24, CaseOfficerUserId = officer,
        });
        // Two warnings on probation: watched closely (严管), not yet due a revocation proposal (three are needed, art. 41).
        Add(new() { Township = first, Stage = CaseStage.UnderCorrection, EffectiveOn = Ago(400), TermMonths = 36, Warnings = 2, ShortMonthPercent = 40, CaseOfficerUserId = officer });
        // Three warnings on parole: the revocation proposal went to the court, which has a month to decide.
        Add(new() { Township = second, Stage = CaseStage.UnderCorrection, Type = CorrectionType.Parole, EffectiveOn = Ago(500), TermMonths = 30, Warnings = 3, ProposalPending = true, ShortMonthPercent = 50, CaseOfficerUserId = officer });
        // Its term ends in nine days: the summary and the appraisal are due (art. 45).
        Add(new() { Township = first, Stage = CaseStage.UnderCorrection, EffectiveOn = today.AddMonths(-12).AddDays(10), TermMonths = 12, Level = SupervisionLevel.Lenient, CaseOfficerUserId = officer });
        // 暂予监外执行 for a nursing mother, not medical parole.
        Add(new() { Township = third, Stage = CaseStage.UnderCorrection, Type = CorrectionType.TemporaryOutOfPrison, Gender = Gender.Female, AgeAtEffective = 29, EffectiveOn = Ago(120), TermMonths = 12, CaseOfficerUserId = officer });

        // Trips (art. 25), on cases announced more than three months ago.
        var travellers = new List<CorrectionCase>();
        // Most of the county under correction, spread over the townships; some kept by no officer yet.
        (CorrectionType Type, int Months)[] kinds =
        [
            (CorrectionType.Probation, 12), (CorrectionType.Probation, 24), (CorrectionType.Probation, 18), (CorrectionType.Parole, 20),
            (CorrectionType.Probation, 36), (CorrectionType.Control, 12), (CorrectionType.Probation, 30), (CorrectionType.Parole, 15),
        ];
        for (var i = 0; i < 33; i++)
        {
            var (type, months) = kinds[i % kinds.Length];
            var elapsed = random.Next(20, Math.Min(months * 30 - 20, 700));
            var c = Add(new()
            {
                Township = places[i % 5 < 2 ? 0 : i % 5 < 4 ? Math.Min(1, places.Count - 1) : places.Count - 1],
                Stage = CaseStage.UnderCorrection, Type = type, TermMonths = months, EffectiveOn = Ago(elapsed),
                Gender = i % 6 == 2 ? Gender.Female : Gender.Male, AgeAtEffective = random.Next(20, 66), Assessed = i % 3 == 0,
                Level = elapsed > 365 ? SupervisionLevel.Lenient : SupervisionLevel.Normal, ShortMonthPercent = i % 7 == 3 ? 35 : 5,
                PastTrips = elapsed > 200 ? random.Next(0, 3) : 0, ReportAfterDays = random.Next(1, 10), AnnounceAfterDays = random.Next(1, 7),
                CaseOfficerUserId = i % 6 == 5 ? null : officer,
            });
            // Trips only for those past their first three months and not near their end.
            if (elapsed > 130 && c.Subject.CorrectionEnd > today.AddDays(40)) travellers.Add(c);
        }

        // 已解矫 with their certificates, and three ended early (art. 48).
        for (var i = 0; i < 11; i++)
        {
            var (type, months) = kinds[(i + 3) % kinds.Length];
            Add(new()
            {
                Township = places[i % places.Count], Stage = CaseStage.Released, Type = type, TermMonths = months,
                EffectiveOn = today.AddMonths(-months).AddDays(-random.Next(15, 500)), Gender = i % 4 == 1 ? Gender.Female : Gender.Male,
                AgeAtEffective = random.Next(20, 66), PastTrips = random.Next(0, 3), CaseOfficerUserId = officer,
            });
        }
        Add(new() { Township = second, Stage = CaseStage.Terminated, EffectiveOn = Ago(420), TermMonths = 36, AgeAtEffective = 71, TerminatedOn = Ago(60), TerminationReason = TerminationReason.Death, CaseOfficerUserId = officer });
        Add(new() { Township = first, Stage = CaseStage.Terminated, EffectiveOn = Ago(380), TermMonths = 24, Warnings = 3, TerminatedOn = Ago(45), TerminationReason = TerminationReason.Revoked, CaseOfficerUserId = officer });
        Add(new() { Township = third, Stage = CaseStage.Terminated, Type = CorrectionType.Control, EffectiveOn = Ago(250), TermMonths = 12, TerminatedOn = Ago(20), TerminationReason = TerminationReason.NewPrisonSentence, CaseOfficerUserId = officer });

        AddTrips(builder, minor, travellers, first, today);
        return cases;
    }

    /// <summary>Trips at every step: approved by the 司法所 and away now, a long one approved by the county, two waiting, one back late; and a move.</summary>
    private static void AddTrips(CorrectionCaseBuilder builder, CorrectionCase minor, List<CorrectionCase> travellers, CorrectionTownship first, DateOnly today)
    {
        var inFirst = travellers.Where(c => c.Subject.TownshipId == first.TownshipId).ToList();
        var elsewhere = travellers.Where(c => c.Subject.TownshipId != first.TownshipId).ToList();
        CorrectionCase Pick(List<CorrectionCase> from, int index) => from.Count > 0 ? from[index % from.Count] : travellers[index % travellers.Count];

        void Trip(CorrectionCase c, int fromDay, int days, LeaveStatus status, int? returnedDay = null) =>
            c.Leave.Add(builder.Trip(c.Subject, today.AddDays(fromDay), days, status, returnedDay is { } r ? today.AddDays(r) : null));

        Trip(Pick(inFirst, 0), -2, 5, LeaveStatus.Approved);                  // ≤ 7 days: the 司法所 approved it; away now
        Trip(Pick(elsewhere, 0), 3, 12, LeaveStatus.Approved);                // 12 days: signed by the 司法所, approved by the county
        Trip(Pick(inFirst, 1), 5, 4, LeaveStatus.AwaitingOffice);             // waiting for the 司法所
        Trip(Pick(elsewhere, 1), 8, 10, LeaveStatus.AwaitingCounty);          // signed by the 司法所, waiting for the county
        Trip(Pick(inFirst, 2), -26, 6, LeaveStatus.Returned, returnedDay: -18); // back two days late
        // The minor travels with his guardian, once, for a week.
        if (minor.Subject.AnnouncedOn is { } announced && announced.AddMonths(LeaveRules.NoLeaveMonthsAfterStart) < today.AddDays(-20))
        {
            Trip(minor, -20, 3, LeaveStatus.Returned);
        }

        var moving = Pick(elsewhere, 2);
        var mover = moving.Subject;
        moving.Moves.Add(new ResidenceChange
        {
            CountyId = mover.CountyId, TownshipId = mover.TownshipId, AppliedOn = today.AddDays(-6), MoveOn = today.AddDays(30),
            NewAddress = "湖北省武汉市江夏区纸坊街道文化路18号", NewCountyBureau = "武汉市江夏区司法局",
            Reason = "随子女到武汉居住，已在当地购房", OfficeOpinion = "情况属实，同意变更，报县司法局审批", Status = ResidenceChangeStatus.AwaitingCounty,
        });
    }
}
