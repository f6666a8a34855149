using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC25RiskEliminatedBeforeIdentified : HouseholdRule
{
    public override string Code => "DC25";
    public override string Title => "风险消除日期早于纳入监测日期";
    public override string Explanation => "监测对象先纳入、后消除风险；消除日期在纳入之前说明其中一个日期录错。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source) =>
        h => h.MonitoringType != null && h.RiskEliminatedOn < h.MonitoringIdentifiedOn;
}
