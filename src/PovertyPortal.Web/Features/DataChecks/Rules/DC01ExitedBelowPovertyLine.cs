using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC01ExitedBelowPovertyLine : DataCheckRule
{
    public override string Code => "DC01";
    public override string Title => "已脱贫户人均纯收入低于当年贫困线";
    public override string Explanation => "收入稳定超过当年脱贫标准是脱贫的首要条件：已脱贫户当年人均纯收入低于贫困线，应核实收入或纳入防返贫监测。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;
    public override DataCheckTarget Target => DataCheckTarget.Household;

    public override async Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken)
    {
        if (source.Line is not { } line) return [];
        var (year, amount) = (source.Year, line.Amount);
        var below = await source.Within(source.Db.IncomeRecords)
            .Where(r => r.Year == year && r.NetIncomePerCapita < amount)
            .Where(r => source.Households.Any(h => h.Id == r.HouseholdId && h.Status == HouseholdStatus.Exited && h.ExitYear <= year))
            .Select(r => new { r.HouseholdId, r.NetIncomePerCapita })
            .ToDictionaryAsync(r => r.HouseholdId, r => $"{year}年人均纯收入 {Yuan(r.NetIncomePerCapita)}，低于当年贫困线 {Yuan(amount)}", cancellationToken);
        return await HitsOfIds.OfHouseholdsAsync(source, below, cancellationToken);
    }
}
