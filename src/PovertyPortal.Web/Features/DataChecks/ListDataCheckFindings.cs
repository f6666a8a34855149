using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>
/// The findings of the chosen area, a page at a time: open ones by default, or resolved ones, or all, filtered by rule,
/// severity and a word of the subject. Findings of rules the county switched off are not listed; findings of rules that tell health are left out for roles that may not see health
/// data (system administrators); the scope filter keeps the rest inside the user's area.
/// </summary>
public sealed class ListDataCheckFindings(IDbContextFactory<PortalDbContext> dbFactory, DataCheckRules rules, CurrentUser currentUser)
{
    public enum State
    {
        Open,
        Resolved,
        All,
    }

    public sealed record Query(RunDataChecks.Area Area, string? RuleCode = null, DataCheckSeverity? Severity = null, State Show = State.Open,
        string? Search = null, int Page = 0, int PageSize = 25);

    public sealed record Row(long Id, string RuleCode, string RuleTitle, DataCheckSeverity Severity, string Subject, string Detail,
        string Township, string Village, int? HouseholdId, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? ResolvedAt, int? ProblemId);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, bool HealthHidden);

    public static IQueryable<DataCheckFinding> InArea(IQueryable<DataCheckFinding> findings, RunDataChecks.Area area)
    {
        findings = findings.Where(f => f.CountyId == area.CountyId);
        if (area.TownshipId is int township) findings = findings.Where(f => f.TownshipId == township);
        if (area.VillageId is int village) findings = findings.Where(f => f.VillageId == village);
        return findings;
    }

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var findings = InArea(db.DataCheckFindings.AsNoTracking(), query.Area);
        // A rule the county switched off keeps its findings, unlisted: the county said they do not apply.
        var off = await db.DataCheckRuleSettings.Where(r => r.CountyId == query.Area.CountyId && r.IsDisabled).Select(r => r.RuleCode).ToListAsync(cancellationToken);
        if (off.Count > 0) findings = findings.Where(f => !off.Contains(f.RuleCode));
        var healthHidden = !PortalRoles.CanSeeHealthData(currentUser.Role);
        if (healthHidden)
        {
            var health = rules.All.Where(r => r.ShowsHealth).Select(r => r.Code).ToList();
            findings = findings.Where(f => !health.Contains(f.RuleCode));
        }
        findings = query.Show switch
        {
            State.Open => findings.Where(f => f.ResolvedAt == null),
            State.Resolved => findings.Where(f => f.ResolvedAt != null),
            _ => findings,
        };
        if (!string.IsNullOrWhiteSpace(query.RuleCode)) findings = findings.Where(f => f.RuleCode == query.RuleCode);
        if (query.Severity is { } severity)
        {
            var codes = rules.All.Where(r => r.Severity == severity).Select(r => r.Code).ToList();
            findings = findings.Where(f => codes.Contains(f.RuleCode));
        }
        if (query.Search?.Trim() is { Length: > 0 } search) findings = findings.Where(f => f.Subject.Contains(search));

        var total = await findings.CountAsync(cancellationToken);
        var rows = await findings.OrderBy(f => f.RuleCode).ThenBy(f => f.VillageId).ThenBy(f => f.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(f => new
            {
                f.Id, f.RuleCode, f.Subject, f.Detail, f.HouseholdId, f.FirstSeenAt, f.LastSeenAt, f.ResolvedAt, f.ProblemId,
                Township = db.Townships.Where(t => t.Id == f.TownshipId).Select(t => t.Name).FirstOrDefault(),
                Village = db.Villages.Where(v => v.Id == f.VillageId).Select(v => v.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new Result(rows.Select(f =>
        {
            var rule = rules.Find(f.RuleCode);
            return new Row(f.Id, f.RuleCode, rule?.Title ?? "（规则已删除）", rule?.Severity ?? DataCheckSeverity.Low, f.Subject, f.Detail,
                f.Township ?? "", f.Village ?? "", f.HouseholdId, f.FirstSeenAt, f.LastSeenAt, f.ResolvedAt, f.ProblemId);
        }).ToList(), total, healthHidden);
    }
}
