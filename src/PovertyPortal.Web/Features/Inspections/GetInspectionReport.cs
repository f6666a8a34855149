using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Documents.InspectionPlan;
using PovertyPortal.Documents.InspectionReport;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// The data of the 检查情况报告 of one pair (one inspected township), read in the scope the user follows the pair in
/// (<see cref="InspectionOversight"/>): the group, the sample and how it was reached, the answers per area and the
/// findings with the ledger's number of those sent there. Counted by grouped queries; only the findings are read as rows.
/// </summary>
public sealed class GetInspectionReport(InspectionOversight oversight, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The report's data; null when the pair is not one of the round's pairs the user follows.</summary>
    public async Task<InspectionReportData?> HandleAsync(int roundId, int pairId, CancellationToken cancellationToken = default)
    {
        if (await oversight.PairsAsync(roundId, cancellationToken) is not var (round, pairs)) return null;
        if (pairs.FirstOrDefault(p => p.PairId == pairId) is not { } pair) return null;
        await using var db = pair.ThroughSample
            ? oversight.SampleContext(round, pair, currentUser.UserName)
            : await oversight.OwnContextAsync(cancellationToken);

        var countyName = await db.Counties.Where(c => c.Id == round.CountyId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        // Roles are stored as text: ordered here, leader first, not by their names.
        var group = (await db.InspectionGroupMembers.Where(m => m.InspectionPairId == pairId)
                .Select(m => new { m.Id, m.Role, m.Name, m.Unit }).ToListAsync(cancellationToken))
            .OrderBy(m => m.Role).ThenBy(m => m.Id)
            .Select(m => new InspectionPlanMember(m.Role, m.Name, m.Unit)).ToList();

        var sample = await db.SampledHouseholds.Where(s => s.InspectionPairId == pairId && !s.IsWithdrawn)
            .GroupBy(s => new { s.VillageId, s.Category, s.VisitMode, Done = s.CompletedAt != null })
            .Select(g => new { g.Key.VillageId, g.Key.Category, g.Key.VisitMode, g.Key.Done, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int DoneBy(VisitMode mode) => sample.Where(s => s.Done && s.VisitMode == mode).Sum(s => s.Count);
        var sampleFigures = new InspectionReportSample(
            sample.Select(s => s.VillageId).Distinct().Count(),
            sample.Where(s => s.Category == SampleCategory.Registered).Sum(s => s.Count),
            sample.Where(s => s.Category == SampleCategory.Monitored).Sum(s => s.Count),
            sample.Where(s => s.Done).Sum(s => s.Count),
            DoneBy(VisitMode.InPerson), DoneBy(VisitMode.Phone), DoneBy(VisitMode.VillageCadre));

        var items = await db.ChecklistItems.Where(i => i.InspectionRoundId == roundId).GroupBy(i => i.Area)
            .Select(g => new { Area = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var answers = await (
                from a in db.InspectionAnswers
                join i in db.ChecklistItems on a.ChecklistItemId equals i.Id
                where a.InspectionPairId == pairId
                group a by new { i.Area, a.Compliance } into g
                select new { g.Key.Area, g.Key.Compliance, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Answers(ChecklistArea area, Compliance? compliance) =>
            answers.Where(a => a.Area == area && (compliance is null || a.Compliance == compliance)).Sum(a => a.Count);
        var areas = items.OrderBy(i => i.Area)
            .Select(i => new InspectionReportArea(i.Area, i.Count, Answers(i.Area, null),
                Answers(i.Area, Compliance.Met), Answers(i.Area, Compliance.NotMet), Answers(i.Area, Compliance.NotApplicable)))
            .ToList();

        var findings = await db.InspectionFindings.Where(f => f.InspectionPairId == pairId)
            .Select(f => new { f.Id, f.Area, f.ItemText, f.VillageId, f.HouseholdId, f.Description, f.Disposition, f.ProblemId })
            .ToListAsync(cancellationToken);
        var villageIds = findings.Where(f => f.VillageId is not null).Select(f => f.VillageId!.Value).Distinct().ToList();
        var villages = await db.Villages.Where(v => villageIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => (v.Name, v.AdminCode), cancellationToken);
        var householdIds = findings.Where(f => f.HouseholdId is not null).Select(f => f.HouseholdId!.Value).Distinct().ToList();
        var households = await db.Households.Where(h => householdIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.HouseholdNumber, cancellationToken);
        var rows = findings
            .OrderBy(f => f.Area)
            .ThenBy(f => f.VillageId is int v ? villages.GetValueOrDefault(v).AdminCode : "", StringComparer.Ordinal)
            .ThenBy(f => f.HouseholdId is int h ? households.GetValueOrDefault(h) : "", StringComparer.Ordinal)
            .ThenBy(f => f.Id)
            .Select(f => new InspectionReportFinding(f.Area, f.ItemText,
                f.VillageId is int v ? villages.GetValueOrDefault(v).Name : null,
                f.HouseholdId is int h ? households.GetValueOrDefault(h) : null,
                f.Description, f.Disposition, f.ProblemId))
            .ToList();

        return new InspectionReportData
        {
            CountyName = countyName, RoundTitle = round.Title, Year = round.Year, StartDate = round.StartDate, EndDate = round.EndDate,
            InspectingTownship = pair.InspectingTownship, InspectedTownship = pair.InspectedTownship,
            Group = group, Sample = sampleFigures, Areas = areas, Findings = rows, ReportedOn = PortalYears.Today(clock),
        };
    }
}
