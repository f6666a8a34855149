using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.DataChecks;

namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>
/// The rule list of the page: every rule with the county's choice for it and its open findings in the chosen area, and
/// the county's latest runs. The context's scope keeps both inside the user's area.
/// </summary>
public sealed class GetDataCheckOverview(IDbContextFactory<PortalDbContext> dbFactory, DataCheckRules rules)
{
    public const int RunsShown = 8;

    public sealed record RuleRow(DataCheckRule Rule, DataCheckRuleSetting? Setting, int Open)
    {
        public bool IsDisabled => Setting?.IsDisabled == true;
    }

    public sealed record RunRow(long Id, DataCheckTrigger Trigger, string? RequestedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
        int Year, string Area, int RulesRun, int Open, int New, int Resolved, string? Error);

    public sealed record Overview(IReadOnlyList<RuleRow> Rules, IReadOnlyList<RunRow> Runs)
    {
        public int Open => Rules.Sum(r => r.Open);
    }

    public async Task<Overview> HandleAsync(RunDataChecks.Area area, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.DataCheckRuleSettings.AsNoTracking().Where(s => s.CountyId == area.CountyId)
            .ToDictionaryAsync(s => s.RuleCode, cancellationToken);
        var open = await ListDataCheckFindings.InArea(db.DataCheckFindings, area).Where(f => f.ResolvedAt == null)
            .GroupBy(f => f.RuleCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var runs = await db.DataCheckRuns.AsNoTracking().Where(r => r.CountyId == area.CountyId)
            .OrderByDescending(r => r.StartedAt).Take(RunsShown)
            .Select(r => new
            {
                r.Id, r.Trigger, r.RequestedBy, r.StartedAt, r.FinishedAt, r.Year, r.RulesRun, r.OpenFindings, r.NewFindings, r.ResolvedFindings, r.Error,
                Township = db.Townships.Where(t => t.Id == r.TownshipId).Select(t => t.Name).FirstOrDefault(),
                Village = db.Villages.Where(v => v.Id == r.VillageId).Select(v => v.Name).FirstOrDefault(),
                County = db.Counties.Where(c => c.Id == r.CountyId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new Overview(
            rules.All.Select(r => new RuleRow(r, settings.GetValueOrDefault(r.Code), open.GetValueOrDefault(r.Code))).ToList(),
            runs.Select(r => new RunRow(r.Id, r.Trigger, r.RequestedBy, r.StartedAt, r.FinishedAt, r.Year,
                r.Village ?? r.Township ?? r.County ?? "全县", r.RulesRun, r.OpenFindings, r.NewFindings, r.ResolvedFindings, r.Error)).ToList());
    }
}
