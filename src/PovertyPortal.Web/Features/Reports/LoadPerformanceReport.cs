using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Documents.PerformanceReport;

namespace PovertyPortal.Web.Features.Reports;

/// <summary>
/// Fills the performance report of one village and year from the database, section by section, and lists the
/// contradictions in its figures. Null when the village is outside the user's scope.
/// </summary>
public sealed class LoadPerformanceReport(IDbContextFactory<PortalDbContext> dbFactory, IEnumerable<IPerformanceReportSection> sections, TimeProvider clock)
{
    public sealed record Result(ReportVillage Village, PerformanceReportData Data, IReadOnlyList<string> Problems)
    {
        /// <summary>"截至2025年末快照" when the register chapter was read from a year-end snapshot; null for the live register.</summary>
        public string? AsOf { get; init; }

        /// <summary>False when neither a profile nor a register exists for the year: there is nothing to report.</summary>
        public bool HasData => Data.Profile is not null || Data.Registry is not null;
    }

    /// <summary>
    /// The report of the village and year; with <paramref name="asOfSnapshot"/>, its register chapter as the county's
    /// snapshot of that year's end holds it (the live register when there is none: <see cref="Result.AsOf"/> says which).
    /// </summary>
    public async Task<Result?> HandleAsync(int villageId, int year, bool asOfSnapshot = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await Project(db.Villages.Where(v => !v.IsRetired && v.Id == villageId)).FirstOrDefaultAsync(cancellationToken);
        if (village is null) return null;
        var snapshot = asOfSnapshot ? await SnapshotOfAsync(db, village.CountyId, year, cancellationToken) : null;
        var result = await LoadAsync(db, village with { SnapshotId = snapshot?.Id }, year, cancellationToken);
        return result with { AsOf = snapshot?.Label };
    }

    /// <summary>The label of the county's snapshot of the year's end for the village, or null when there is none.</summary>
    public async Task<string?> SnapshotLabelAsync(int villageId, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var countyId = await db.Villages.Where(v => v.Id == villageId).Select(v => (int?)v.CountyId).FirstOrDefaultAsync(cancellationToken);
        return countyId is int county ? (await SnapshotOfAsync(db, county, year, cancellationToken))?.Label : null;
    }

    private static Task<Domain.Snapshots.YearEndSnapshot?> SnapshotOfAsync(PortalDbContext db, int countyId, int year, CancellationToken cancellationToken) =>
        db.YearEndSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.CountyId == countyId && s.Year == year, cancellationToken);

    /// <summary>The villages the user can report on, by code.</summary>
    public async Task<IReadOnlyList<ReportVillage>> ListVillagesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Villages.Where(v => !v.IsRetired).OrderBy(v => v.AdminCode)).ToListAsync(cancellationToken);
    }

    /// <summary>A village by its 12-digit code or its exact name; several villages of that name → all of them.</summary>
    public async Task<IReadOnlyList<ReportVillage>> FindVillagesAsync(string codeOrName, CancellationToken cancellationToken = default)
    {
        var key = codeOrName.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Villages.Where(v => !v.IsRetired && (v.AdminCode == key || v.Name == key)).OrderBy(v => v.AdminCode)).ToListAsync(cancellationToken);
    }

    private static IQueryable<ReportVillage> Project(IQueryable<Domain.Areas.Village> villages) =>
        villages.AsNoTracking()
            .Select(v => new ReportVillage(v.Id, v.CountyId, v.TownshipId, v.AdminCode, v.Name, v.Township!.Name, v.Township.County!.Name));

    internal async Task<Result> LoadAsync(PortalDbContext db, ReportVillage village, int year, CancellationToken cancellationToken)
    {
        var today = PortalYears.Today(clock);
        var yearEnd = new DateOnly(year, 12, 31);
        var data = new PerformanceReportData
        {
            VillageName = village.Name,
            TownshipName = village.TownshipName,
            CountyName = village.CountyName,
            Year = year,
            SignedOn = today < yearEnd ? today : yearEnd,
        };
        foreach (var section in sections)
        {
            data = await section.FillAsync(db, village, data, cancellationToken);
        }
        return new Result(village, data, PerformanceReportChecks.Find(data));
    }
}
