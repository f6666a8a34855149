using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC39MonitoredWithoutDate : HouseholdRule
{
    public override string Code => "DC39";
    public override string Title => "监测对象缺纳入监测日期";
    public override string Explanation => "没有纳入日期，无法判断帮扶措施是否在一个月内落实，也无法按年统计。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Low;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source) =>
        h => h.MonitoringType != null && h.Status != HouseholdStatus.Removed && h.MonitoringIdentifiedOn == null;
}
