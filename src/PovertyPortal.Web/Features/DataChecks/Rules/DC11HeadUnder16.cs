using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC11HeadUnder16 : MemberRule
{
    public override string Code => "DC11";
    public override string Title => "户主不满16周岁";
    public override string Explanation => "户主应为完全民事行为能力人；不满16周岁的户主多为关系或出生日期录错。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Member, bool>> Trips(DataCheckSource source)
    {
        var bornAfter = DataCheckSource.BornBy(source.Today, 16);
        var register = source.RegisterMembers;
        return m => m.Relationship == Relationship.Head && m.BirthDate > bornAfter && register.Any(r => r.Id == m.Id);
    }
}
