using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC17ExitedWithoutExitYear : HouseholdRule
{
    public override string Code => "DC17";
    public override string Title => "已脱贫户缺脱贫年度";
    public override string Explanation => "状态为已脱贫的户必须有脱贫年度，否则各年脱贫人数统计不到该户。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source) =>
        h => h.Status == HouseholdStatus.Exited && h.ExitYear == null;
}
