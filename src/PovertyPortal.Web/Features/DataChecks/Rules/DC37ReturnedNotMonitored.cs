using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC37ReturnedNotMonitored : HouseholdRule
{
    public override string Code => "DC37";
    public override string Title => "返贫户未纳入防返贫监测";
    public override string Explanation => "返贫户应当纳入防止返贫监测对象，落实帮扶措施。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source) =>
        h => h.Status == HouseholdStatus.Returned && h.MonitoringType == null;
}
