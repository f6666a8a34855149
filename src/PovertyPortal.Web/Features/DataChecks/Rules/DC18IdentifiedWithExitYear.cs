using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC18IdentifiedWithExitYear : HouseholdRule
{
    public override string Code => "DC18";
    public override string Title => "未脱贫户填有脱贫年度";
    public override string Explanation => "状态为未脱贫的户不应有脱贫年度：或状态未更新，或年度误填。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Low;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source) =>
        h => h.Status == HouseholdStatus.Identified && h.ExitYear != null;
}
