using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC26RegisteredWithoutCause : HouseholdRule
{
    public override string Code => "DC26";
    public override string Title => "贫困户缺主要致贫原因";
    public override string Explanation => "建档立卡户须有主要致贫原因，因户施策和致贫原因统计依据它。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var poor = source.PoorHouseholds;
        return h => h.PrimaryCause == null && poor.Any(p => p.Id == h.Id);
    }
}
