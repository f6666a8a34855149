using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

/// <summary>A household whose only head died is DC10's; this one has several living heads, or never had one.</summary>
public sealed class DC12HeadCountNotOne : HouseholdRule
{
    public override string Code => "DC12";
    public override string Title => "户主人数不为一人";
    public override string Explanation => "每户有且只有一名户主：户内有多名在世户主，或从未登记户主。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var register = source.RegisterHouseholds;
        var members = source.Members;
        return h => h.LivingMembers > 0 && register.Any(r => r.Id == h.Id)
            && (members.Count(m => m.HouseholdId == h.Id && m.Relationship == Relationship.Head && !m.IsDeceased) > 1
                || !members.Any(m => m.HouseholdId == h.Id && m.Relationship == Relationship.Head));
    }
}
