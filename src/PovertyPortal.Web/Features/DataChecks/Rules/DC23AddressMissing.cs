using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC23AddressMissing : HouseholdRule
{
    public override string Code => "DC23";
    public override string Title => "家庭住址为空";
    public override string Explanation => "在册户须有家庭住址，入户走访和交叉检查抽样后要能找到。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Low;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var register = source.RegisterHouseholds;
        return h => (h.Address == null || h.Address == "") && register.Any(r => r.Id == h.Id);
    }
}
