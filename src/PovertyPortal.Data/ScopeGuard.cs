using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Data;

/// <summary>
/// The write-side twin of the query filters: a row may be added, changed or deleted only when it lies inside the
/// scope of the context, before the change (original values) as well as after it. Child rows without area ids
/// (groups, hamlets, profiles, team members) are checked through their village or team.
/// </summary>
internal static class ScopeGuard
{
    private sealed record Area(int CountyId, int? TownshipId, int? VillageId);

    public static void Check(PortalDbContext db, EntityEntry entry)
    {
        if (db.Scope.SamplePairId is int pair && !IsSampleWork(entry, pair))
        {
            throw new OutOfScopeException("检查组只能记录本组抽样范围内的检查情况");
        }
        if (entry.Entity is ICorrectionBound)
        {
            CheckCorrection(db, entry);
            return;
        }
        if (db.Scope.Unrestricted || !IsAreaRow(entry.Entity)) return;

        var states = entry.State == EntityState.Added ? new[] { false } : [true, false];
        foreach (var original in states)
        {
            var area = AreaOf(db, entry, original);
            if (area is null || !db.Scope.Contains(area.CountyId, area.TownshipId, area.VillageId))
            {
                throw new OutOfScopeException("无权修改管辖范围以外的数据");
            }
        }
    }

    /// <summary>A correction row is written in the correction scope only, before and after the change (decision 0029).</summary>
    private static void CheckCorrection(PortalDbContext db, EntityEntry entry)
    {
        if (db.CorrectionScope.Unrestricted) return;
        var states = entry.State == EntityState.Added ? new[] { false } : [true, false];
        foreach (var original in states)
        {
            var county = (int)(original ? entry.Property("CountyId").OriginalValue : entry.Property("CountyId").CurrentValue)!;
            var township = (int)(original ? entry.Property("TownshipId").OriginalValue : entry.Property("TownshipId").CurrentValue)!;
            if (!db.CorrectionScope.Contains(county, township, null)) throw new OutOfScopeException("无权修改管辖范围以外的社区矫正数据");
        }
    }

    /// <summary>For rows written without the change tracker (<see cref="NewHouseholdRows"/>).</summary>
    public static void CheckAdded(PortalDbContext db, IAreaBound row)
    {
        if (!db.Scope.Unrestricted && !db.Scope.Contains(row.CountyId, row.TownshipId, row.VillageId))
        {
            throw new OutOfScopeException("无权修改管辖范围以外的数据");
        }
    }

    /// <summary>
    /// What an inspecting group's scope may write: its pair's sample rows, answers and findings, the photos of those,
    /// and the ledger's new problem (with its first step and field history) when a finding is sent there.
    /// </summary>
    private static bool IsSampleWork(EntityEntry entry, int pair) => entry.Entity switch
    {
        SampledHousehold s => s.InspectionPairId == pair && (int)entry.Property(nameof(SampledHousehold.InspectionPairId)).OriginalValue! == pair,
        IInspectionPairRow r => r.InspectionPairId == pair && (int)entry.Property(nameof(IInspectionPairRow.InspectionPairId)).OriginalValue! == pair,
        Attachment a => a.OwnerType is AttachmentOwner.InspectionAnswer or AttachmentOwner.InspectionFinding,
        Problem or ProblemStep => entry.State == EntityState.Added,
        FieldChange => entry.State == EntityState.Added,
        _ => false,
    };

    private static bool IsAreaRow(object entity) =>
        entity is IAreaBound or ITownshipBound or County or Township or Village or VillageGroup or Hamlet or VillageProfile or WorkTeamMember
            or ProblemStep or DeadlineExtension or ProblemEvidence
            or InspectionRound or InspectionPair or InspectionGroupMember or ChecklistTemplateItem or ChecklistItem
            or Domain.Snapshots.YearEndSnapshot or Domain.Procedures.ProcedureRules or Domain.Feeds.FeedBatch or Domain.Feeds.FeedRow or YearLock;

    /// <summary>Where the row lies, as loaded (<paramref name="original"/>) or as about to be saved; null when unknown.</summary>
    private static Area? AreaOf(PortalDbContext db, EntityEntry entry, bool original)
    {
        int Value(string property) =>
            (int)(original ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue)!;
        int? Own(int id) => entry.State == EntityState.Added ? null : id;
        int? Nullable(string property) =>
            (int?)(original ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue);

        return entry.Entity switch
        {
            IAreaBound => new Area(Value("CountyId"), Value("TownshipId"), Value("VillageId")),
            ITownshipBound => new Area(Value("CountyId"), Value("TownshipId"), Nullable("VillageId")),
            // A problem's history, extensions and evidence lie where their problem lies (added with it, or loaded).
            ProblemStep or DeadlineExtension or ProblemEvidence => ProblemArea(db, Value("ProblemId")),
            // The plan of a cross-inspection round is county business: only a county-wide scope writes it.
            InspectionRound or InspectionPair or ChecklistTemplateItem or ChecklistItem => new Area(Value("CountyId"), null, null),
            // A county's year-end snapshot is frozen by a county-wide scope only.
            Domain.Snapshots.YearEndSnapshot => new Area(Value("CountyId"), null, null),
            // A county's procedure rules are set by a county-wide scope only.
            Domain.Procedures.ProcedureRules => new Area(Value("CountyId"), null, null),
            // A department's list is the county's or, uploaded by a township official, that township's: never a village's.
            Domain.Feeds.FeedBatch or Domain.Feeds.FeedRow => new Area(Value("CountyId"), Nullable("TownshipId"), null),
            // A township's year is locked and unlocked by a county-wide scope only (decision 0032).
            YearLock => new Area(Value("CountyId"), null, null),
            InspectionGroupMember => PairArea(db, Value("InspectionPairId")),
            Township t => new Area(Value("CountyId"), Own(t.Id), null),
            Village v => new Area(Value("CountyId"), Value("TownshipId"), Own(v.Id)),
            // A parent added in the same save has no id yet: its navigation tells where the child lies.
            VillageGroup { Village: { Id: 0 } parent } => new Area(parent.CountyId, parent.TownshipId, null),
            Hamlet { Village: { Id: 0 } parent } => new Area(parent.CountyId, parent.TownshipId, null),
            VillageProfile { Village: { Id: 0 } parent } => new Area(parent.CountyId, parent.TownshipId, null),
            VillageGroup or Hamlet or VillageProfile => VillageArea(db, Value("VillageId")),
            WorkTeamMember { WorkTeam: { Id: 0 } team } => new Area(team.CountyId, team.TownshipId, team.VillageId),
            WorkTeamMember => TeamArea(db, Value("WorkTeamId")),
            _ => null, // counties: system administrators only
        };
    }

    // Unfiltered on purpose: the question is where the row lies; the answer is then compared with the scope.
    private static Area? VillageArea(PortalDbContext db, int villageId) =>
        db.Villages.IgnoreQueryFilters().Where(v => v.Id == villageId)
            .Select(v => new Area(v.CountyId, v.TownshipId, v.Id)).FirstOrDefault();

    private static Area? ProblemArea(PortalDbContext db, int problemId)
    {
        // A problem added in the same save is in the change tracker, not yet in the database.
        var tracked = db.ChangeTracker.Entries<Problem>().FirstOrDefault(e => e.Property(p => p.Id).CurrentValue == problemId)?.Entity;
        return tracked is not null ? new Area(tracked.CountyId, tracked.TownshipId, tracked.VillageId)
            : db.Problems.IgnoreQueryFilters().Where(p => p.Id == problemId)
                .Select(p => new Area(p.CountyId, p.TownshipId, p.VillageId)).FirstOrDefault();
    }

    private static Area? PairArea(PortalDbContext db, int pairId)
    {
        var tracked = db.ChangeTracker.Entries<InspectionPair>().FirstOrDefault(e => e.Property(p => p.Id).CurrentValue == pairId)?.Entity;
        return tracked is not null ? new Area(tracked.CountyId, null, null)
            : db.InspectionPairs.IgnoreQueryFilters().Where(p => p.Id == pairId)
                .Select(p => new Area(p.CountyId, null, null)).FirstOrDefault();
    }

    private static Area? TeamArea(PortalDbContext db, int teamId) =>
        db.WorkTeams.IgnoreQueryFilters().Where(t => t.Id == teamId)
            .Select(t => new Area(t.CountyId, t.TownshipId, t.VillageId)).FirstOrDefault();
}
