using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Income;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>
/// Runs the county's enabled rules over a county, a township or a village and brings the findings up to date: a record
/// found for the first time becomes a finding (and, for a rule the county chose, a problem of the ledger), one found
/// again is marked seen, and an open finding no longer found is resolved. The rules read through a context scoped to
/// the run's area, so neither their queries nor the resolving can reach past it. Each rule's findings are written in
/// a transaction of their own, after its query: the register is not locked while the rules read it.
/// </summary>
public sealed class RunDataChecks(
    IDbContextFactory<PortalDbContext> dbFactory, DbContextOptions<PortalDbContext> options, DataCheckRules rules, CurrentUser currentUser,
    AuditLog auditLog, TimeProvider clock, ILogger<RunDataChecks> logger)
{
    /// <summary>The area of a run: a county, or one of its townships, or one of its villages.</summary>
    public sealed record Area(int CountyId, int? TownshipId = null, int? VillageId = null);

    /// <summary>What a run did; per rule, how many records it found and how long its query and its writing took.</summary>
    public sealed record Outcome(long RunId, int RulesRun, int OpenFindings, int NewFindings, int ResolvedFindings, TimeSpan Took,
        IReadOnlyList<RuleTiming> Rules);

    public sealed record RuleTiming(string Code, int Found, TimeSpan Query, TimeSpan Write);

    /// <summary>A run asked for by the signed-in user, over an area inside their own.</summary>
    public async Task<CommandResult<Outcome?>> HandleAsync(Area area, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanRunDataChecks(currentUser.Role)) return new(CommandResult.Fail("没有运行大数据比对的权限"), null);
        var scope = await ScopeOfAsync(area, cancellationToken);
        if (scope is null || !currentUser.Scope.Contains(scope)) return new(CommandResult.Fail("所选地区不存在或不在您的管辖范围内"), null);
        var outcome = await RunAsync(scope, DataCheckTrigger.OnDemand, currentUser.UserName, cancellationToken);
        return new(CommandResult.Success, outcome);
    }

    /// <summary>A run of the system (the nightly job, the command line, the benchmark) over one county, township or village.</summary>
    public async Task<Outcome> RunAsync(AreaScope scope, DataCheckTrigger trigger, string? requestedBy, CancellationToken cancellationToken = default)
    {
        if (scope.CountyId is not int countyId || scope.SamplePairId is not null) throw new ArgumentException("A run covers one county or part of it.", nameof(scope));
        var watch = Stopwatch.StartNew();
        await using var db = new PortalDbContext(options, new RunScopeSource(scope, requestedBy ?? "system"));
        var today = PortalYears.Today(clock);
        var (year, line) = await YearAndLineAsync(db, countyId, today, cancellationToken);
        var run = new DataCheckRun
        {
            CountyId = countyId, TownshipId = scope.TownshipId, VillageId = scope.VillageId, Year = year, Trigger = trigger,
            RequestedBy = requestedBy, StartedAt = clock.GetUtcNow(),
        };
        db.DataCheckRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        var settings = await db.DataCheckRuleSettings.AsNoTracking().Where(s => s.CountyId == countyId).ToDictionaryAsync(s => s.RuleCode, cancellationToken);
        var townships = await db.Townships.AsNoTracking().Where(t => t.CountyId == countyId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var source = new DataCheckSource(db, year, today, line);
        var timings = new List<RuleTiming>();
        try
        {
            foreach (var rule in rules.All)
            {
                var setting = settings.GetValueOrDefault(rule.Code);
                if (setting?.IsDisabled == true) continue;
                var started = watch.Elapsed;
                var hits = await rule.FindAsync(source, cancellationToken);
                var queried = watch.Elapsed;
                var (open, added, resolved) = await RecordAsync(db, run, rule, hits, setting, townships, today, cancellationToken);
                timings.Add(new RuleTiming(rule.Code, hits.Count, queried - started, watch.Elapsed - queried));
                run.RulesRun++;
                run.OpenFindings += open;
                run.NewFindings += added;
                run.ResolvedFindings += resolved;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The rules already recorded stay recorded; the run says where it stopped and the next one takes it up.
            logger.LogError(e, "Data-check run {RunId} stopped after {Rules} rules", run.Id, run.RulesRun);
            run.Error = $"第 {run.RulesRun + 1} 条规则运行出错，比对未完成：{e.GetType().Name}";
        }
        run.FinishedAt = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        db.DataCheckRuns.Update(run);
        await db.SaveChangesAsync(CancellationToken.None);
        await auditLog.WriteAsync(requestedBy ?? "system", AuditActions.DataCheckRun, "DataCheckRun", run.Id.ToString(CultureInfo.InvariantCulture),
            $"{run.RulesRun} 条规则；未解决 {run.OpenFindings}，新发现 {run.NewFindings}，已解决 {run.ResolvedFindings}" + (run.Error is null ? "" : "；未完成"),
            CancellationToken.None);
        return new Outcome(run.Id, run.RulesRun, run.OpenFindings, run.NewFindings, run.ResolvedFindings, watch.Elapsed, timings);
    }

    /// <summary>
    /// The rule's findings in the run's area brought up to date in one transaction; returns the open ones after it, the
    /// new ones and the resolved ones.
    /// </summary>
    private async Task<(int Open, int Added, int Resolved)> RecordAsync(PortalDbContext db, DataCheckRun run, DataCheckRule rule,
        IReadOnlyList<DataCheckHit> hits, DataCheckRuleSetting? setting, IReadOnlyDictionary<int, string> townships, DateOnly today,
        CancellationToken cancellationToken)
    {
        var code = rule.Code;
        var now = clock.GetUtcNow();
        var found = new Dictionary<string, DataCheckHit>();
        foreach (var hit in hits) found.TryAdd(hit.SubjectKey, hit);
        // The scope filter alone ("unrestricted or …") cannot use an index; the area repeated as equalities can.
        var openOfRule = ListHouseholds.WithScopeColumns(db.DataCheckFindings, db.Scope).Where(f => f.RuleCode == code && f.ResolvedAt == null);
        // Most rules find nothing in a village and had nothing open there: no transaction to open.
        if (found.Count == 0 && !await openOfRule.AnyAsync(cancellationToken)) return (0, 0, 0);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var open = await openOfRule.AsNoTracking().Select(f => new { f.Id, f.SubjectKey, f.Detail }).ToListAsync(token);
            var gone = open.Where(f => !found.ContainsKey(f.SubjectKey)).Select(f => f.Id).ToList();
            foreach (var page in gone.Chunk(1000))
            {
                await db.DataCheckFindings.Where(f => page.Contains(f.Id)).ExecuteUpdateAsync(u => u.SetProperty(f => f.ResolvedAt, now), token);
            }
            await openOfRule.ExecuteUpdateAsync(u => u.SetProperty(f => f.LastSeenAt, now).SetProperty(f => f.LastRunId, run.Id), token);
            foreach (var changed in open.Where(f => found.TryGetValue(f.SubjectKey, out var hit) && hit.Detail != f.Detail))
            {
                var detail = found[changed.SubjectKey].Detail;
                await db.DataCheckFindings.Where(f => f.Id == changed.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.Detail, detail), token);
            }

            var known = open.Select(f => f.SubjectKey).ToHashSet();
            var added = found.Values.Where(h => !known.Contains(h.SubjectKey)).Select(h => new DataCheckFinding
            {
                CountyId = run.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId, RuleCode = code, SubjectKey = h.SubjectKey,
                HouseholdId = h.HouseholdId, MemberId = h.MemberId, Subject = Cut(h.Subject, 200), Detail = Cut(h.Detail, 500),
                FirstSeenAt = now, LastSeenAt = now, LastRunId = run.Id,
            }).ToList();
            if (setting is { SendsToLedger: true } && added.Count > 0) await RaiseProblemsAsync(db, rule, added, setting, townships, today, token);
            if (NewHouseholdRows.IsSupported(db)) await NewHouseholdRows.WriteAsync(db, added, now, token);
            else
            {
                db.DataCheckFindings.AddRange(added);
                await db.SaveChangesAsync(token);
            }
            await transaction.CommitAsync(token);
            return (open.Count - gone.Count + added.Count, added.Count, gone.Count);
        }, cancellationToken);
    }

    /// <summary>For a rule the county chose: each new finding becomes a problem of the ledger, its township's government responsible.</summary>
    private static async Task RaiseProblemsAsync(PortalDbContext db, DataCheckRule rule, List<DataCheckFinding> added, DataCheckRuleSetting setting,
        IReadOnlyDictionary<int, string> townships, DateOnly today, CancellationToken cancellationToken)
    {
        var pairs = added.Select(f => (Finding: f, Problem: DataCheckLedger.Raise(rule, f,
            new ProblemAssignment(DataCheckLedger.ResponsibleUnit(townships.GetValueOrDefault(f.TownshipId)),
                setting.LedgerResponsiblePerson, null, today.AddDays(setting.LedgerDeadlineDays)),
            today))).ToList();
        db.Problems.AddRange(pairs.Select(p => p.Problem));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (finding, problem) in pairs) finding.ProblemId = problem.Id;
        db.ChangeTracker.Clear();
    }

    /// <summary>The latest year with a poverty line up to this year, and the county's line of it (its province's, or the nationwide one).</summary>
    private static async Task<(int Year, Domain.Income.PovertyLine? Line)> YearAndLineAsync(PortalDbContext db, int countyId, DateOnly today,
        CancellationToken cancellationToken)
    {
        var year = await db.PovertyLines.Where(l => l.Year <= today.Year).MaxAsync(l => (int?)l.Year, cancellationToken) ?? today.Year;
        var province = await PovertyLines.ProvinceOfCountyAsync(db, countyId, cancellationToken);
        return (year, await PovertyLines.ForAsync(db, province, year, cancellationToken));
    }

    /// <summary>The area as a scope, looked up through the user's own scope: an area outside it is not found.</summary>
    private async Task<AreaScope?> ScopeOfAsync(Area area, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (area.VillageId is int villageId)
        {
            var village = await db.Villages.Where(v => v.Id == villageId && v.CountyId == area.CountyId)
                .Select(v => new { v.TownshipId }).FirstOrDefaultAsync(cancellationToken);
            return village is null ? null : AreaScope.Village(area.CountyId, village.TownshipId, villageId);
        }
        if (area.TownshipId is int townshipId)
        {
            return await db.Townships.AnyAsync(t => t.Id == townshipId && t.CountyId == area.CountyId, cancellationToken)
                ? AreaScope.Township(area.CountyId, townshipId) : null;
        }
        return await db.Counties.AnyAsync(c => c.Id == area.CountyId, cancellationToken) ? AreaScope.County(area.CountyId) : null;
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    private sealed class RunScopeSource(AreaScope scope, string userName) : IAreaScopeSource
    {
        public AreaScope Scope => scope;
        public string? UserName => userName;
    }
}
