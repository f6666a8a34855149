using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Dashboard;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Snapshots;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Feeds;
using PovertyPortal.Domain.Reconciliation;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Domain.Reports;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Microloans;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Data;

/// <summary>
/// The portal's database. Every area-bound entity has a query filter on the scope this context was made for,
/// so a handler cannot read outside the user's area even by a crafted id; saving outside it throws.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options, IAreaScopeSource scopeSource)
    : IdentityDbContext<PortalUser, IdentityRole, string>(options)
{
    private readonly AreaScope scope = scopeSource.Scope;

    public AreaScope Scope => scope;

    /// <summary>The scope of the community-correction rows (decision 0029); none for the poverty-alleviation roles.</summary>
    public AreaScope CorrectionScope { get; } = scopeSource.CorrectionScope;

    /// <summary>The user name written into audit fields and logs.</summary>
    public string? ActingUserName { get; } = scopeSource.UserName;

    // The filters read these members; EF Core turns them into parameters of each query.
    private bool ScopeUnrestricted => scope.Unrestricted;
    private int? ScopeCountyId => scope.CountyId;
    private int? ScopeTownshipId => scope.TownshipId;
    private int? ScopeVillageId => scope.VillageId;
    private int? ScopeSamplePairId => scope.SamplePairId;
    private bool CorrectionUnrestricted => CorrectionScope.Unrestricted;
    private int? CorrectionCountyId => CorrectionScope.CountyId;
    private int? CorrectionTownshipId => CorrectionScope.TownshipId;

    public DbSet<County> Counties => Set<County>();
    public DbSet<Township> Townships => Set<Township>();
    public DbSet<Village> Villages => Set<Village>();
    public DbSet<VillageGroup> VillageGroups => Set<VillageGroup>();
    public DbSet<Hamlet> Hamlets => Set<Hamlet>();
    public DbSet<VillageProfile> VillageProfiles => Set<VillageProfile>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<HouseholdStatusChange> HouseholdStatusChanges => Set<HouseholdStatusChange>();
    public DbSet<WorkTeam> WorkTeams => Set<WorkTeam>();
    public DbSet<WorkTeamMember> WorkTeamMembers => Set<WorkTeamMember>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<FieldChange> FieldChanges => Set<FieldChange>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<AttendanceDay> AttendanceDays => Set<AttendanceDay>();
    public DbSet<WorkLog> WorkLogs => Set<WorkLog>();
    public DbSet<WorkLogHousehold> WorkLogHouseholds => Set<WorkLogHousehold>();
    public DbSet<Pairing> Pairings => Set<Pairing>();
    public DbSet<AssistancePlan> AssistancePlans => Set<AssistancePlan>();
    public DbSet<VillageProject> VillageProjects => Set<VillageProject>();
    public DbSet<IndustryRecord> IndustryRecords => Set<IndustryRecord>();
    public DbSet<CollectiveIncomeEntry> CollectiveIncomeEntries => Set<CollectiveIncomeEntry>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<ReportProseVersion> ReportProseVersions => Set<ReportProseVersion>();
    public DbSet<PovertyLine> PovertyLines => Set<PovertyLine>();
    public DbSet<IncomeRecord> IncomeRecords => Set<IncomeRecord>();
    public DbSet<BenefitProgram> BenefitPrograms => Set<BenefitProgram>();
    public DbSet<BenefitRecord> BenefitRecords => Set<BenefitRecord>();
    public DbSet<Microloan> Microloans => Set<Microloan>();
    public DbSet<AssuranceCheck> AssuranceChecks => Set<AssuranceCheck>();
    public DbSet<AssuranceItem> AssuranceItems => Set<AssuranceItem>();
    public DbSet<BenefitTally> BenefitTallies => Set<BenefitTally>();
    public DbSet<IncomeTally> IncomeTallies => Set<IncomeTally>();
    public DbSet<AssuranceTally> AssuranceTallies => Set<AssuranceTally>();
    public DbSet<Problem> Problems => Set<Problem>();
    public DbSet<ProblemStep> ProblemSteps => Set<ProblemStep>();
    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();
    public DbSet<ProblemEvidence> ProblemEvidence => Set<ProblemEvidence>();
    public DbSet<InspectionRound> InspectionRounds => Set<InspectionRound>();
    public DbSet<InspectionPair> InspectionPairs => Set<InspectionPair>();
    public DbSet<InspectionGroupMember> InspectionGroupMembers => Set<InspectionGroupMember>();
    public DbSet<ChecklistTemplateItem> ChecklistTemplateItems => Set<ChecklistTemplateItem>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<SampledHousehold> SampledHouseholds => Set<SampledHousehold>();
    public DbSet<InspectionAnswer> InspectionAnswers => Set<InspectionAnswer>();
    public DbSet<InspectionFinding> InspectionFindings => Set<InspectionFinding>();
    public DbSet<DataCheckFinding> DataCheckFindings => Set<DataCheckFinding>();
    public DbSet<DataCheckRun> DataCheckRuns => Set<DataCheckRun>();
    public DbSet<DataCheckRuleSetting> DataCheckRuleSettings => Set<DataCheckRuleSetting>();
    public DbSet<YearEndSnapshot> YearEndSnapshots => Set<YearEndSnapshot>();
    public DbSet<YearLock> YearLocks => Set<YearLock>();
    public DbSet<SnapshotHousehold> SnapshotHouseholds => Set<SnapshotHousehold>();
    public DbSet<SnapshotMember> SnapshotMembers => Set<SnapshotMember>();
    public DbSet<SnapshotBenefit> SnapshotBenefits => Set<SnapshotBenefit>();
    public DbSet<SnapshotChangeExplanation> SnapshotChangeExplanations => Set<SnapshotChangeExplanation>();
    public DbSet<ReconciliationSource> ReconciliationSources => Set<ReconciliationSource>();
    public DbSet<ProcedureCase> ProcedureCases => Set<ProcedureCase>();
    public DbSet<PublicNotice> PublicNotices => Set<PublicNotice>();
    public DbSet<NoticeObjection> NoticeObjections => Set<NoticeObjection>();
    public DbSet<ProcedureRules> ProcedureRules => Set<ProcedureRules>();
    public DbSet<FeedBatch> FeedBatches => Set<FeedBatch>();
    public DbSet<FeedRow> FeedRows => Set<FeedRow>();
    public DbSet<HomeCheckTask> HomeCheckTasks => Set<HomeCheckTask>();
    public DbSet<CorrectionSubject> CorrectionSubjects => Set<CorrectionSubject>();
    public DbSet<CorrectionGroupMember> CorrectionGroupMembers => Set<CorrectionGroupMember>();
    public DbSet<SupervisionRecord> SupervisionRecords => Set<SupervisionRecord>();
    public DbSet<Warning> CorrectionWarnings => Set<Warning>();
    public DbSet<CorrectionProposal> CorrectionProposals => Set<CorrectionProposal>();
    public DbSet<LeaveRequest> LeaveRequests => Set<LeaveRequest>();
    public DbSet<ResidenceChange> ResidenceChanges => Set<ResidenceChange>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Hosting.DataProtectionKeyRow> DataProtectionKeys => Set<Hosting.DataProtectionKeyRow>();
    public DbSet<Hosting.ScheduledRun> ScheduledRuns => Set<Hosting.ScheduledRun>();

    /// <summary>
    /// Every save that the caller did not put in a transaction runs in one of its own, committed after the
    /// interceptors' work that follows the writes (living-member counts, dashboard tallies): a save and what it
    /// derives are committed together or not at all. Inside the execution strategy, so that a provider that retries
    /// on a dropped connection (decision 0019) retries the whole save; changes are accepted only after the commit.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges()) return base.SaveChanges(acceptAllChangesOnSuccess);
        var written = Database.CreateExecutionStrategy().Execute(() =>
        {
            using var transaction = Database.BeginTransaction();
            var count = base.SaveChanges(acceptAllChangesOnSuccess: false);
            transaction.Commit();
            return count;
        });
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return written;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var written = await Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await Database.BeginTransactionAsync(token);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, token);
            await transaction.CommitAsync(token);
            return count;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return written;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the database stays readable and reordering an enum changes nothing.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        if (Database.IsSqlite())
        {
            // SQLite cannot compare DateTimeOffset values; all times are UTC, so a binary long keeps their order.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        if (Database.IsSqlite()) StoreAsReal(builder);
        // Every record a form edits carries a version: a save from a form opened before another save is refused.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
        EncryptedColumns.Apply(builder, PersonalDataRewriter.CipherOf(this));

        builder.Entity<County>().HasQueryFilter(c => ScopeUnrestricted || c.Id == ScopeCountyId);
        builder.Entity<Township>().HasQueryFilter(t => ScopeUnrestricted
            || (t.CountyId == ScopeCountyId && (ScopeTownshipId == null || t.Id == ScopeTownshipId)));
        // 年度锁定 (decision 0032): a township's users and its village teams see their township's locks, so they know why a
        // save is refused; the county sees the county's. The save check reads the table unfiltered.
        builder.Entity<YearLock>().HasQueryFilter(l => ScopeUnrestricted
            || (l.CountyId == ScopeCountyId && (ScopeTownshipId == null || l.TownshipId == ScopeTownshipId) && ScopeSamplePairId == null));
        builder.Entity<Village>().HasQueryFilter(v => ScopeUnrestricted
            || (v.CountyId == ScopeCountyId
                && (ScopeTownshipId == null || v.TownshipId == ScopeTownshipId)
                && (ScopeVillageId == null || v.Id == ScopeVillageId)));
        builder.Entity<VillageGroup>().HasQueryFilter(g => g.Village != null);
        builder.Entity<Hamlet>().HasQueryFilter(h => h.Village != null);
        builder.Entity<VillageProfile>().HasQueryFilter(p => p.Village != null);
        // In an inspecting group's scope (AreaScope.Sample) only the households of its pair's sample are there.
        builder.Entity<Household>().HasQueryFilter(h => ScopeUnrestricted
            || (h.CountyId == ScopeCountyId
                && (ScopeTownshipId == null || h.TownshipId == ScopeTownshipId)
                && (ScopeVillageId == null || h.VillageId == ScopeVillageId)
                && (ScopeSamplePairId == null || SampledHouseholds.Any(s =>
                    s.HouseholdId == h.Id && s.InspectionPairId == ScopeSamplePairId && !s.IsWithdrawn))));
        builder.Entity<Member>().HasQueryFilter(m => ScopeUnrestricted
            || (m.CountyId == ScopeCountyId
                && (ScopeTownshipId == null || m.TownshipId == ScopeTownshipId)
                && (ScopeVillageId == null || m.VillageId == ScopeVillageId)
                && (ScopeSamplePairId == null || SampledHouseholds.Any(s =>
                    s.HouseholdId == m.HouseholdId && s.InspectionPairId == ScopeSamplePairId && !s.IsWithdrawn))));
        ScopeFilter<WorkTeam>(builder);
        // A problem of a whole township has field history without a village.
        TownshipScopeFilter<FieldChange>(builder);
        ScopeFilter<HouseholdStatusChange>(builder);
        ScopeFilter<ReportProseVersion>(builder);
        ScopeFilter<IncomeRecord>(builder);
        ScopeFilter<BenefitRecord>(builder);
        ScopeFilter<Microloan>(builder);
        ScopeFilter<AssuranceCheck>(builder);
        ScopeFilter<AssuranceItem>(builder);
        ScopeFilter<BenefitTally>(builder);
        ScopeFilter<IncomeTally>(builder);
        ScopeFilter<AssuranceTally>(builder);
        builder.Entity<WorkTeamMember>().HasQueryFilter(m => m.WorkTeam != null);
        ScopeFilter<AttendanceDay>(builder);
        ScopeFilter<WorkLog>(builder);
        ScopeFilter<WorkLogHousehold>(builder);
        ScopeFilter<Pairing>(builder);
        ScopeFilter<AssistancePlan>(builder);
        ScopeFilter<VillageProject>(builder);
        ScopeFilter<IndustryRecord>(builder);
        ScopeFilter<CollectiveIncomeEntry>(builder);
        // An attachment of a township-level problem has no village (ITownshipBound). An inspecting group sees the
        // photos of its own answers and findings only.
        builder.Entity<Attachment>().HasQueryFilter(a => ScopeUnrestricted
            || (a.CountyId == ScopeCountyId
                && (ScopeTownshipId == null || a.TownshipId == ScopeTownshipId)
                && (ScopeVillageId == null || a.VillageId == ScopeVillageId)
                && (ScopeSamplePairId == null
                    || (a.OwnerType == AttachmentOwner.InspectionAnswer && InspectionAnswers.Any(x => x.Id == a.OwnerId))
                    || (a.OwnerType == AttachmentOwner.InspectionFinding && InspectionFindings.Any(x => x.Id == a.OwnerId)))));

        // The rectification ledger (issue 17): a township official sees the problems of their township, a work-team
        // user those of their village (not the township-level ones), a county supervisor the county. The history,
        // extensions and evidence of a problem are seen with it: their filter is the problem's.
        TownshipScopeFilter<Problem>(builder);
        builder.Entity<ProblemStep>().HasQueryFilter(s => Problems.Any(p => p.Id == s.ProblemId));
        builder.Entity<DeadlineExtension>().HasQueryFilter(e => Problems.Any(p => p.Id == e.ProblemId));
        builder.Entity<ProblemEvidence>().HasQueryFilter(e => Problems.Any(p => p.Id == e.ProblemId));

        // Cross-inspection: the plan is county business and visible in the county; the sample and the answers follow
        // the inspected area. An inspecting group's reach into another township is given by its pair, not by this filter.
        builder.Entity<InspectionRound>().HasQueryFilter(r => ScopeUnrestricted || r.CountyId == ScopeCountyId);
        builder.Entity<InspectionPair>().HasQueryFilter(p => ScopeUnrestricted || p.CountyId == ScopeCountyId);
        builder.Entity<InspectionGroupMember>().HasQueryFilter(m => InspectionPairs.Any(p => p.Id == m.InspectionPairId));
        builder.Entity<ChecklistTemplateItem>().HasQueryFilter(i => ScopeUnrestricted || i.CountyId == ScopeCountyId);
        builder.Entity<ChecklistItem>().HasQueryFilter(i => ScopeUnrestricted || i.CountyId == ScopeCountyId);
        builder.Entity<SampledHousehold>().HasQueryFilter(e => ScopeUnrestricted
            || (e.CountyId == ScopeCountyId
                && (ScopeTownshipId == null || e.TownshipId == ScopeTownshipId)
                && (ScopeVillageId == null || e.VillageId == ScopeVillageId)
                && (ScopeSamplePairId == null || e.InspectionPairId == ScopeSamplePairId)));
        PairScopeFilter<InspectionAnswer>(builder);
        PairScopeFilter<InspectionFinding>(builder);

        // Data checks (issue 18): findings follow their village; runs and the county's rule choices are county business.
        ScopeFilter<DataCheckFinding>(builder);
        builder.Entity<DataCheckRun>().HasQueryFilter(r => ScopeUnrestricted || (r.CountyId == ScopeCountyId && ScopeSamplePairId == null));
        builder.Entity<DataCheckRuleSetting>().HasQueryFilter(s => ScopeUnrestricted || (s.CountyId == ScopeCountyId && ScopeSamplePairId == null));
        // Year-end snapshots (decision 0028): the snapshot itself is the county's; its rows are read like the register's,
        // a township official their township's part, a village team their village's.
        builder.Entity<YearEndSnapshot>().HasQueryFilter(s => ScopeUnrestricted || (s.CountyId == ScopeCountyId && ScopeSamplePairId == null));
        ScopeFilter<SnapshotHousehold>(builder);
        ScopeFilter<SnapshotMember>(builder);
        ScopeFilter<SnapshotBenefit>(builder);
        ScopeFilter<SnapshotChangeExplanation>(builder);
        // 账账相符 (issue 18): a source's column mapping is the county's, shared by its townships.
        builder.Entity<ReconciliationSource>().HasQueryFilter(s => ScopeUnrestricted || s.CountyId == ScopeCountyId);
        // Identification and exit procedures (issue 20): a case, its notice and objections follow their village; the
        // county's rules are read by all of the county and written by a county-wide scope (ScopeGuard).
        ScopeFilter<ProcedureCase>(builder);
        ScopeFilter<PublicNotice>(builder);
        ScopeFilter<NoticeObjection>(builder);
        builder.Entity<ProcedureRules>().HasQueryFilter(r => ScopeUnrestricted || (r.CountyId == ScopeCountyId && ScopeSamplePairId == null));
        // 部门预警信息 (issue 20, decision 0033): a batch and its rows (the department's list, personal data of the whole
        // area) are read by the officials of the area it was uploaded for, never by a village team; the home-check tasks
        // follow their village like the register.
        builder.Entity<FeedBatch>().HasQueryFilter(b => ScopeUnrestricted
            || (b.CountyId == ScopeCountyId && (ScopeTownshipId == null || b.TownshipId == ScopeTownshipId)
                && ScopeVillageId == null && ScopeSamplePairId == null));
        builder.Entity<FeedRow>().HasQueryFilter(r => ScopeUnrestricted
            || (r.CountyId == ScopeCountyId && (ScopeTownshipId == null || r.TownshipId == ScopeTownshipId)
                && ScopeVillageId == null && ScopeSamplePairId == null));
        ScopeFilter<HomeCheckTask>(builder);

        // Community correction (issue 19, decision 0029): its own scope, so a poverty-alleviation user sees none of it and
        // a correction user none of the register. The working-day calendar is country-wide and unfiltered.
        CorrectionFilter<CorrectionSubject>(builder);
        CorrectionFilter<CorrectionGroupMember>(builder);
        CorrectionFilter<SupervisionRecord>(builder);
        CorrectionFilter<Warning>(builder);
        CorrectionFilter<CorrectionProposal>(builder);
        CorrectionFilter<LeaveRequest>(builder);
        CorrectionFilter<ResidenceChange>(builder);
    }

    private void CorrectionFilter<T>(ModelBuilder builder) where T : class, ICorrectionBound =>
        builder.Entity<T>().HasQueryFilter(e => CorrectionUnrestricted
            || (e.CountyId == CorrectionCountyId && (CorrectionTownshipId == null || e.TownshipId == CorrectionTownshipId)));

    /// <summary>
    /// SQLite keeps decimals as text: it orders them as text and compares, adds and sums them through EF's C# functions
    /// row by row (ef_compare, ef_add, ef_sum), ten times slower than its own arithmetic on a county's rows. The amounts
    /// the dashboard and the income filters compare, order and sum over whole counties are stored as REAL there instead.
    /// They have two decimals and stay far below 10^13, which a double carries exactly to the cent and back to decimal
    /// (15 significant digits). Sums that must be exact to the fen are added as whole fen (GetBenefitFigures).
    /// PostgreSQL and SQL Server keep numeric columns.
    /// </summary>
    private static void StoreAsReal(ModelBuilder builder)
    {
        builder.Entity<IncomeRecord>().Property(r => r.NetIncomePerCapita).HasConversion<double>();
        builder.Entity<BenefitRecord>().Property(r => r.Amount).HasConversion<double>();
        builder.Entity<Microloan>().Property(l => l.Principal).HasConversion<double>();
        builder.Entity<Microloan>().Property(l => l.Repaid).HasConversion<double>();
        // Half hours of education and service, summed per case and month over a county's open cases (the task list).
        builder.Entity<SupervisionRecord>().Property(r => r.Hours).HasConversion<double>();
    }

    /// <summary>
    /// The filter of rows that belong to a township and maybe one of its villages: a village-bound user sees only rows
    /// of their village, never the township-level ones (null village). An inspecting group's scope
    /// (<see cref="AreaScope.Sample"/>) sees none of these rows.
    /// </summary>
    private void TownshipScopeFilter<T>(ModelBuilder builder) where T : class, ITownshipBound =>
        builder.Entity<T>().HasQueryFilter(e => ScopeUnrestricted
            || (e.CountyId == ScopeCountyId
                && (ScopeTownshipId == null || e.TownshipId == ScopeTownshipId)
                && (ScopeVillageId == null || e.VillageId == ScopeVillageId)
                && ScopeSamplePairId == null));

    /// <summary>The filter of area rows; an inspecting group's scope sees none of them.</summary>
    private void ScopeFilter<T>(ModelBuilder builder) where T : class, IAreaBound =>
        builder.Entity<T>().HasQueryFilter(e => ScopeUnrestricted
            || (e.CountyId == ScopeCountyId
                && (ScopeTownshipId == null || e.TownshipId == ScopeTownshipId)
                && (ScopeVillageId == null || e.VillageId == ScopeVillageId)
                && ScopeSamplePairId == null));

    /// <summary>The sample, answers and findings of cross-inspection: the inspected area's, and in an inspecting group's scope its own pair's only.</summary>
    private void PairScopeFilter<T>(ModelBuilder builder) where T : class, ITownshipBound, IInspectionPairRow =>
        builder.Entity<T>().HasQueryFilter(e => ScopeUnrestricted
            || (e.CountyId == ScopeCountyId
                && (ScopeTownshipId == null || e.TownshipId == ScopeTownshipId)
                && (ScopeVillageId == null || e.VillageId == ScopeVillageId)
                && (ScopeSamplePairId == null || e.InspectionPairId == ScopeSamplePairId)));
}
