using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC10DeceasedHead : HouseholdRule
{
    public override string Code => "DC10";
    public override string Title => "户主已故未变更户主";
    public override string Explanation => "户主已标为已故，户内仍有在世成员却没有新的户主：应变更户主。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var register = source.RegisterHouseholds;
        var members = source.Members;
        return h => h.LivingMembers > 0 && register.Any(r => r.Id == h.Id)
            && members.Any(m => m.HouseholdId == h.Id && m.Relationship == Relationship.Head && m.IsDeceased)
            && !members.Any(m => m.HouseholdId == h.Id && m.Relationship == Relationship.Head && !m.IsDeceased);
    }
}
