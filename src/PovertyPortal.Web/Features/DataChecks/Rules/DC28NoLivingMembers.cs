using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC28NoLivingMembers : HouseholdRule
{
    public override string Code => "DC28";
    public override string Title => "在册户无在世成员";
    public override string Explanation => "全部成员已故或没有成员的户仍在册：应核实后清退或补录成员。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var register = source.RegisterHouseholds;
        return h => h.LivingMembers == 0 && register.Any(r => r.Id == h.Id);
    }
}
