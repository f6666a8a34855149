using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Rectification;

namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>How a finding becomes a problem of the ledger, by hand (SendFindingsToLedger) or by a rule the county chose (RunDataChecks).</summary>
public static class DataCheckLedger
{
    public static string ResponsibleUnit(string? township) => township is null ? "乡镇人民政府" : $"{township}人民政府";

    public static string SourceReference(DataCheckRule rule) => $"大数据比对 {rule.Code}";

    /// <summary>
    /// The problem's text names the rule, the record and its figures; for a rule that tells health, not the health: the
    /// ledger is read by more roles than health data is (PortalRoles.CanSeeHealthData).
    /// </summary>
    public static string Description(DataCheckRule rule, DataCheckFinding finding) => rule.ShowsHealth
        ? $"大数据比对（{rule.Code}）：{finding.Subject}的健康或残疾信息与政策落实情况需核实，详见大数据比对结果。"
        : $"大数据比对（{rule.Code} {rule.Title}）：{finding.Subject}，{finding.Detail}。";

    public static Problem Raise(DataCheckRule rule, DataCheckFinding finding, ProblemAssignment assignment, DateOnly today)
    {
        var problem = Problem.Raise(ProblemSource.DataComparison, finding.CountyId, finding.TownshipId, finding.VillageId, finding.HouseholdId,
            Description(rule, finding), assignment, today);
        problem.SourceReference = SourceReference(rule);
        problem.ItemText = rule.ShowsHealth ? "健康或残疾信息核实" : rule.Title;
        return problem;
    }
}
