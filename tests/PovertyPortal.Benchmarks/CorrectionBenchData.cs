using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// A county's community-correction casework for the issue 19 benchmark: <see cref="Subjects"/> subjects whose judgments
/// took effect over the last five years, with terms of six months to five years, so that about a third are active
/// today; each with its whole history to date made by the demo's <see cref="CorrectionCaseBuilder"/> (reports at the
/// level's rhythm, monthly visits, education and service sessions, plan reviews, trips), one in eight warned, the
/// thrice-warned proposed for revocation (awaiting the court while active, granted and ended otherwise), a few in
/// assessment, awaiting report or announcement, and open trips and moves. Saved in chunks on a fresh database.
/// </summary>
public static class CorrectionBenchData
{
    public const int Subjects = 5_000;
    private const int Years = 5;
    private const int Chunk = 250;

    public sealed record Seeded(int CountyId, int TownshipId, string OfficerUserId, int Active, int Rows, TimeSpan Took);

    public static async Task<Seeded> SeedAsync(DbContextOptions<PortalDbContext> options)
    {
        var watch = Stopwatch.StartNew();
        int countyId;
        List<CorrectionTownship> townships;
        await using (var db = new PortalDbContext(options, new SystemScopeSource("bench")))
        {
            await db.Database.MigrateAsync();
            var county = await LedgerListMeasurement.AddCountyAsync(db, "矫正测试县");
            countyId = county.Id;
            townships = county.Townships.OrderBy(t => t.AdminCode)
                .Select((t, i) => new CorrectionTownship(county.Id, t.Id, t.Name, t.Villages.OrderBy(v => v.AdminCode).Select(v => v.Name).ToList(), $"司法所干部{i + 1}"))
                .ToList();
        }
        var today = PortalYears.Today(TimeProvider.System);
        var surnames = DemoCountyPlan.Load(Path.Combine(AppContext.BaseDirectory, "seeds", "demo-county.json")).County.Surnames;
        var random = new Random(19);
        var builder = new CorrectionCaseBuilder(random, today, new WorkingCalendar(OfficialHolidays.Of2026), "429900", "矫正测试县", surnames);
        // The officer's id need not be a user's: the handlers only compare it with the signed-in user's.
        const string officer = "bench-officer";

        var (active, rows) = (0, 0);
        for (var done = 0; done < Subjects; done += Chunk)
        {
            var cases = Enumerable.Range(done, Math.Min(Chunk, Subjects - done)).Select(i => builder.Build(Spec(i, random, townships, today, officer))).ToList();
            foreach (var c in cases) AddOpenBusiness(builder, c, random, today);
            await using var db = new PortalDbContext(options, new SystemScopeSource("bench"));
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.CorrectionSubjects.AddRange(cases.Select(c => c.Subject));
            await db.SaveChangesAsync();
            foreach (var c in cases)
            {
                c.Attach();
                db.SupervisionRecords.AddRange(c.Records);
                db.CorrectionWarnings.AddRange(c.Warnings);
                db.CorrectionProposals.AddRange(c.Proposals);
                db.LeaveRequests.AddRange(c.Leave);
                db.ResidenceChanges.AddRange(c.Moves);
            }
            await db.SaveChangesAsync();
            active += cases.Count(c => c.Subject.IsActive);
            rows += cases.Sum(c => c.RowCount);
        }
        return new Seeded(countyId, townships[0].TownshipId, officer, active, rows, watch.Elapsed);
    }

    private static CorrectionCaseSpec Spec(int i, Random random, List<CorrectionTownship> townships, DateOnly today, string officer)
    {
        var township = townships[random.Next(townships.Count)];
        var type = random.Next(100) switch { < 70 => CorrectionType.Probation, < 85 => CorrectionType.Parole, < 93 => CorrectionType.TemporaryOutOfPrison, _ => CorrectionType.Control };
        int[] terms = [6, 6, 12, 12, 12, 18, 24, 24, 36, 48];
        var months = terms[random.Next(terms.Length)];
        var effective = today.AddDays(-random.Next(1, Years * 365));
        var end = effective.AddMonths(months).AddDays(-1);
        var warnings = random.Next(100) switch { < 8 => 1, < 11 => 2, < 12 => 3, _ => 0 };
        if (type == CorrectionType.Control || (type == CorrectionType.TemporaryOutOfPrison && warnings > 2)) warnings = Math.Min(warnings, 1);
        var thrice = warnings == DisciplineRules.WarningThreshold(DisciplineRules.ProposalFor(type) ?? ProposalKind.Revocation);
        var elapsed = today.DayNumber - effective.DayNumber;
        var stage = (i % 100) switch
        {
            // One in a hundred still in assessment, one found unsuitable.
            0 => CaseStage.Assessing,
            1 => CaseStage.NotSuitable,
            _ when elapsed <= 8 => CaseStage.Receiving,
            _ when elapsed <= 12 => CaseStage.AwaitingAnnouncement,
            _ when end < today && thrice => CaseStage.Terminated,
            _ when end < today => i % 25 == 3 ? CaseStage.Terminated : CaseStage.Released,
            _ => CaseStage.UnderCorrection,
        };
        if (stage is CaseStage.Assessing or CaseStage.NotSuitable) effective = today.AddDays(-random.Next(1, stage == CaseStage.Assessing ? 8 : 900));
        var lastDay = end < today ? end : today.AddDays(-1);
        var terminated = stage == CaseStage.Terminated ? effective.AddDays(20 + random.Next(Math.Max(1, lastDay.DayNumber - effective.DayNumber - 40))) : (DateOnly?)null;
        return new CorrectionCaseSpec
        {
            Township = township, Stage = stage, Type = type, MedicalParole = type == CorrectionType.TemporaryOutOfPrison && random.Next(2) == 0,
            Gender = random.Next(100) < 12 ? Gender.Female : Gender.Male, AgeAtEffective = random.Next(100) < 3 ? random.Next(14, 18) : random.Next(18, 70),
            EffectiveOn = effective, TermMonths = months, Assessed = random.Next(3) == 0, ReportAfterDays = random.Next(1, 8), AnnounceAfterDays = random.Next(1, 5),
            Level = random.Next(100) switch { < 10 => SupervisionLevel.Strict, < 70 => SupervisionLevel.Normal, _ => SupervisionLevel.Lenient },
            Warnings = stage is CaseStage.UnderCorrection or CaseStage.Released or CaseStage.Terminated && !(stage == CaseStage.Released && thrice) ? warnings : 0,
            ProposalPending = stage == CaseStage.UnderCorrection && thrice,
            TerminatedOn = terminated, TerminationReason = !thrice ? TerminationReason.Death : type == CorrectionType.TemporaryOutOfPrison ? TerminationReason.Reimprisoned : TerminationReason.Revoked,
            ShortMonthPercent = 8, PastTrips = random.Next(0, 4), CaseOfficerUserId = officer,
        };
    }

    /// <summary>What the task list must look into besides the case row: trips waiting or under way, and a move now and then.</summary>
    private static void AddOpenBusiness(CorrectionCaseBuilder builder, CorrectionCase c, Random random, DateOnly today)
    {
        var s = c.Subject;
        if (s.Stage != CaseStage.UnderCorrection || s.CorrectionStart is not { } start || start.AddMonths(LeaveRules.NoLeaveMonthsAfterStart) > today
            || s.CorrectionEnd < today.AddDays(40)) return;
        switch (random.Next(100))
        {
            case < 5: c.Leave.Add(builder.Trip(s, today.AddDays(random.Next(2, 10)), random.Next(2, 8), LeaveStatus.AwaitingOffice)); break;
            case < 7: c.Leave.Add(builder.Trip(s, today.AddDays(random.Next(5, 15)), random.Next(8, 20), LeaveStatus.AwaitingCounty)); break;
            case < 12: c.Leave.Add(builder.Trip(s, today.AddDays(-random.Next(0, 4)), random.Next(4, 8), LeaveStatus.Approved)); break;
            case < 13:
                c.Moves.Add(new ResidenceChange
                {
                    CountyId = s.CountyId, TownshipId = s.TownshipId, AppliedOn = today.AddDays(-random.Next(1, 20)), MoveOn = today.AddDays(random.Next(30, 60)),
                    NewAddress = "外县某镇某村", NewCountyBureau = "外县司法局", Reason = "随家人迁居", OfficeOpinion = "同意", Status = ResidenceChangeStatus.AwaitingCounty,
                });
                break;
        }
    }
}
