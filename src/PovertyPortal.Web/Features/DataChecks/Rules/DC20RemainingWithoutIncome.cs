using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC20RemainingWithoutIncome : HouseholdRule
{
    public override string Code => "DC20";
    public override string Title => "未脱贫户缺当年收入记录";
    public override string Explanation => "未脱贫户和返贫户每年都要核算家庭收入，缺少收入记录就无法判断是否达到脱贫标准。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var year = source.Year;
        var incomes = source.Within(source.Db.IncomeRecords);
        return h => (h.Status == HouseholdStatus.Identified || h.Status == HouseholdStatus.Returned) && h.IdentificationYear <= year
            && !incomes.Any(r => r.HouseholdId == h.Id && r.Year == year);
    }
}
