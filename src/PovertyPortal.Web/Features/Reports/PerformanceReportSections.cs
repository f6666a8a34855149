using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Documents.PerformanceReport;

namespace PovertyPortal.Web.Features.Reports;

/// <summary>
/// The village a report is being loaded for; with <see cref="SnapshotId"/> set, the register chapter is read from that
/// year-end snapshot (decision 0028) instead of the live register.
/// </summary>
public sealed record ReportVillage(int Id, int CountyId, int TownshipId, string AdminCode, string Name, string TownshipName, string CountyName)
{
    public int? SnapshotId { get; init; }
}

/// <summary>
/// One part of the performance report, filled from the database. <see cref="LoadPerformanceReport"/> runs every
/// registered section in turn; a feature that owns more data (policy benefits, attendance, work logs, projects)
/// adds its part by registering one more section, and the report shows that chapter as soon as it has rows.
/// A section reads through the caller's scoped context, so it sees only what the user may see.
/// </summary>
public interface IPerformanceReportSection
{
    Task<PerformanceReportData> FillAsync(PortalDbContext db, ReportVillage village, PerformanceReportData data, CancellationToken cancellationToken);
}

/// <summary>一、村基本情况: the village's profile of the report year, or of the latest year before it.</summary>
public sealed class VillageProfileSection : IPerformanceReportSection
{
    public async Task<PerformanceReportData> FillAsync(PortalDbContext db, ReportVillage village, PerformanceReportData data, CancellationToken cancellationToken)
    {
        var p = await db.VillageProfiles.AsNoTracking()
            .Where(x => x.VillageId == village.Id && x.Year <= data.Year)
            .OrderByDescending(x => x.Year).FirstOrDefaultAsync(cancellationToken);
        if (p is null) return data;
        return data with
        {
            Profile = new VillageProfileFigures
            {
                Description = p.Description,
                AreaSquareKm = p.AreaSquareKm, ForestMu = p.ForestMu, ArableMu = p.ArableMu, PaddyMu = p.PaddyMu,
                GroupCount = p.GroupCount, HamletCount = p.HamletCount, HouseholdCount = p.HouseholdCount, Population = p.Population,
                PartyMembers = p.PartyMembers, BranchCommitteeMembers = p.BranchCommitteeMembers, PartyGroups = p.PartyGroups,
                PublicWelfarePosts = p.PublicWelfarePosts, LeftBehindChildren = p.LeftBehindChildren,
                LeftBehindElderly = p.LeftBehindElderly, LeftBehindWomen = p.LeftBehindWomen,
                LeadingIndustries = p.LeadingIndustries, CollectiveIncomeSources = p.CollectiveIncomeSources,
                CollectiveIncome = p.CollectiveIncome,
                CollectiveIncomeIndicator = Domain.Areas.VillageProfile.CollectiveIncomeIndicator,
            },
        };
    }
}

/// <summary>
/// 二、1 贫困户基本情况: the register as it stood at the end of the year. A household counts when it was identified
/// by then and is registered poor now (identified, exited or returned); exits are counted in their exit year. As of a
/// snapshot, "now" is the moment it was frozen. Returns (返贫) are read from the status history up to the year either way.
/// </summary>
public sealed class RegistrySection : IPerformanceReportSection
{
    private sealed record Row(int Id, PovertyCategory? Category, PovertyCause? PrimaryCause, int? ExitYear, bool IsRelocated, string? RelocationSite, int People);

    public async Task<PerformanceReportData> FillAsync(PortalDbContext db, ReportVillage village, PerformanceReportData data, CancellationToken cancellationToken)
    {
        var year = data.Year;
        var rows = village.SnapshotId is int snapshotId
            ? await db.SnapshotHouseholds.AsNoTracking()
                .Where(h => h.SnapshotId == snapshotId && h.VillageId == village.Id
                    && (h.Status == HouseholdStatus.Identified || h.Status == HouseholdStatus.Exited || h.Status == HouseholdStatus.Returned)
                    && (h.IdentificationYear == null || h.IdentificationYear <= year))
                .Select(h => new Row(h.HouseholdId, h.Category, h.PrimaryCause, h.ExitYear, h.IsRelocated, h.RelocationSite,
                    db.SnapshotMembers.Count(m => m.SnapshotId == snapshotId && m.HouseholdId == h.HouseholdId)))
                .ToListAsync(cancellationToken)
            : await db.Households.AsNoTracking()
                .Where(h => h.VillageId == village.Id
                    && (h.Status == HouseholdStatus.Identified || h.Status == HouseholdStatus.Exited || h.Status == HouseholdStatus.Returned)
                    && (h.IdentificationYear == null || h.IdentificationYear <= year))
                .Select(h => new Row(h.Id, h.Category, h.PrimaryCause, h.ExitYear, h.IsRelocated, h.RelocationSite, h.Members.Count))
                .ToListAsync(cancellationToken);
        if (rows.Count == 0) return data;

        var returnedIds = (await db.HouseholdStatusChanges.AsNoTracking()
            .Where(c => c.VillageId == village.Id && c.Status == HouseholdStatus.Returned && c.Year <= year)
            .Select(c => c.HouseholdId).ToListAsync(cancellationToken)).ToHashSet();

        var exited = rows.Where(r => r.ExitYear is int y && y <= year).ToList();
        var stillPoor = rows.Where(r => r.ExitYear is not int y || y > year || returnedIds.Contains(r.Id)).ToList();
        var relocated = rows.Where(r => r.IsRelocated).ToList();

        (PovertyCategory Category, string Label)[] categories =
            [(PovertyCategory.Tekun, "特困供养（五保）"), (PovertyCategory.Dibao, "低保"), (PovertyCategory.General, "一般贫困户")];
        return data with
        {
            Registry = new RegistryFigures
            {
                Households = rows.Count,
                People = rows.Sum(r => r.People),
                Categories = categories
                    .Select(c => new HouseholdsPeople(c.Label, rows.Count(r => r.Category == c.Category), rows.Where(r => r.Category == c.Category).Sum(r => r.People)))
                    .Where(c => c.Households > 0).ToList(),
                Causes = rows.Where(r => r.PrimaryCause is not null).GroupBy(r => r.PrimaryCause!.Value).OrderBy(g => g.Key)
                    .Select(g => new HouseholdsPeople(g.Key.Label(), g.Count(), g.Sum(r => r.People))).ToList(),
                RelocatedHouseholds = relocated.Count,
                RelocatedPeople = relocated.Sum(r => r.People),
                RelocationSites = relocated.Select(r => r.RelocationSite).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().Count(),
                ExitsPerYear = exited.GroupBy(r => r.ExitYear!.Value).OrderBy(g => g.Key)
                    .Select(g => new YearFigures(g.Key, g.Count(), g.Sum(r => r.People))).ToList(),
                RemainingHouseholds = stillPoor.Count,
                RemainingPeople = stillPoor.Sum(r => r.People),
                ReturnedHouseholds = stillPoor.Count(r => returnedIds.Contains(r.Id)),
                ReturnedPeople = stillPoor.Where(r => returnedIds.Contains(r.Id)).Sum(r => r.People),
            },
        };
    }
}

/// <summary>二、2 驻村工作队情况: every team sent to the village up to the end of the year, with its members.</summary>
public sealed class TeamsSection : IPerformanceReportSection
{
    public async Task<PerformanceReportData> FillAsync(PortalDbContext db, ReportVillage village, PerformanceReportData data, CancellationToken cancellationToken)
    {
        var yearEnd = new DateOnly(data.Year, 12, 31);
        var teams = await db.WorkTeams.AsNoTracking().Include(t => t.Members)
            .Where(t => t.VillageId == village.Id && t.StartDate <= yearEnd)
            .OrderBy(t => t.StartDate).ToListAsync(cancellationToken);
        if (teams.Count == 0) return data;
        return data with
        {
            Teams = teams.Select(t => new TeamFigures
            {
                DispatchingUnit = t.DispatchingUnit,
                AppointedBy = t.AppointedBy,
                StartDate = t.StartDate,
                EndDate = t.EndDate,
                Members = t.Members.Where(m => m.StartDate <= yearEnd).OrderBy(m => m.Role).ThenBy(m => m.StartDate)
                    .Select(m => new TeamMemberFigures(m.Name, m.Role.Label(), m.Unit)).ToList(),
            }).ToList(),
        };
    }
}

/// <summary>The team's own prose: the newest saved version for the village and year.</summary>
public sealed class ProseSection : IPerformanceReportSection
{
    public async Task<PerformanceReportData> FillAsync(PortalDbContext db, ReportVillage village, PerformanceReportData data, CancellationToken cancellationToken)
    {
        var prose = await db.ReportProseVersions.AsNoTracking()
            .Where(p => p.VillageId == village.Id && p.Year == data.Year)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        if (prose is null) return data;
        return data with
        {
            Prose = new ReportProse { Introduction = prose.Introduction, Practices = prose.PracticeItems, Closing = prose.Closing },
        };
    }
}
