using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC19MonitoredWithoutMeasure : HouseholdRule
{
    public override string Code => "DC19";
    public override string Title => "监测对象纳入一个月后仍无帮扶措施";
    public override string Explanation => "防返贫监测对象应在纳入后一个月内落实帮扶措施：纳入已满一个月、风险未消除，结对帮扶计划中却没有纳入当年及以后的措施。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var monthAgo = source.Today.AddMonths(-1);
        var pairings = source.Within(source.Db.Pairings);
        return h => h.MonitoringType != null && h.Status != HouseholdStatus.Removed && h.RiskEliminatedOn == null
            && h.MonitoringIdentifiedOn != null && h.MonitoringIdentifiedOn <= monthAgo
            && !pairings.Any(p => p.HouseholdId == h.Id && p.Plans.Any(a => a.Year >= h.MonitoringIdentifiedOn.Value.Year));
    }
}
