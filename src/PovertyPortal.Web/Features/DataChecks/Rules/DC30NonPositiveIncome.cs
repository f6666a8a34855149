using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.DataChecks;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC30NonPositiveIncome : DataCheckRule
{
    public override string Code => "DC30";
    public override string Title => "人均纯收入为零或负数";
    public override string Explanation => "在册户当年人均纯收入为零或负数：生产经营费用多计或收入漏录，须重新核算。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;
    public override DataCheckTarget Target => DataCheckTarget.Household;

    public override async Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken)
    {
        var year = source.Year;
        var register = source.RegisterHouseholds;
        var rows = await source.Within(source.Db.IncomeRecords)
            .Where(r => r.Year == year && r.NetIncomePerCapita <= 0 && register.Any(h => h.Id == r.HouseholdId))
            .Select(r => new { r.HouseholdId, r.NetIncomePerCapita })
            .ToDictionaryAsync(r => r.HouseholdId, r => $"{year}年人均纯收入 {Yuan(r.NetIncomePerCapita)}", cancellationToken);
        return await HitsOfIds.OfHouseholdsAsync(source, rows, cancellationToken);
    }
}
