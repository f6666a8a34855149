using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Documents.InspectionPlan;
using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Features.Reports;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// The 督导方案 as PDF or Word (InspectionPlanComposer), filled from the round: pairs, groups (names and units, never
/// phones), the sample's figures per pair (or the quota before the draw) and the round's checklist. The fonts are the
/// performance reports' (one resolution per process).
/// </summary>
public sealed class InspectionPlanFiles(GetInspectionRound getRound, PerformanceReportFiles reports, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed record File(string Name, byte[] Content);

    /// <summary>The plan's data; null when the round is not there.</summary>
    public async Task<InspectionPlanData?> DataAsync(int roundId, CancellationToken cancellationToken = default)
    {
        if (await getRound.HandleAsync(roundId, cancellationToken) is not { } r) return null;
        return new InspectionPlanData
        {
            CountyName = r.CountyName, Title = r.Round.Title, Year = r.Round.Year,
            StartDate = r.Round.StartDate, EndDate = r.Round.EndDate, Quota = r.Round.Quota,
            Pairs = r.Pairs.Select(p => new InspectionPlanPair(r.TownshipName(p.InspectingTownshipId), r.TownshipName(p.InspectedTownshipId),
                p.Group.Select(m => new InspectionPlanMember(m.Role, m.Name, m.Unit)).ToList(),
                r.Round.SampleSeed is null ? null : new InspectionPlanSample(p.Villages, p.Registered, p.Monitored))).ToList(),
            Checklist = r.Checklist,
            // The county's office for rural revitalisation issues cross-inspection plans; the round's title says the rest.
            IssuedBy = $"{r.CountyName}乡村振兴局",
            IssuedOn = PortalYears.Today(reports.Clock),
        };
    }

    /// <summary>The file, audited as a report download; null when the round is not there. Throws <see cref="ReportFontException"/> without a usable font.</summary>
    public async Task<File?> RenderAsync(int roundId, ReportFormat format, CancellationToken cancellationToken = default)
    {
        if (await DataAsync(roundId, cancellationToken) is not { } data) return null;
        var document = InspectionPlanComposer.Compose(data);
        var bytes = reports.Render(document, format);
        var name = InspectionPlanComposer.TitleOf(data) + (format == ReportFormat.Pdf ? ".pdf" : ".docx");
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.DownloadReport, AuditOutcome.Success,
            $"督导方案 {roundId} · {format}", "InspectionRound", roundId.ToString(System.Globalization.CultureInfo.InvariantCulture), name, cancellationToken);
        return new File(name, bytes);
    }
}
