using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC16ExitBeforeIdentification : HouseholdRule
{
    public override string Code => "DC16";
    public override string Title => "脱贫年度早于识别年度";
    public override string Explanation => "脱贫年度不能早于建档立卡识别年度，其中一项录错。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source) =>
        h => h.Status != HouseholdStatus.Removed && h.ExitYear < h.IdentificationYear;
}
