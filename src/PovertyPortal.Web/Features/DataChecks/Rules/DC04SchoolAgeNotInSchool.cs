using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC04SchoolAgeNotInSchool : MemberRule
{
    public override string Code => "DC04";
    public override string Title => "义务教育阶段适龄儿童未在校";
    public override string Explanation => "6至15周岁（按当年8月31日计）的在册人口在校情况为非在校：核实是否失学，或更正在校情况。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Member, bool>> Trips(DataCheckSource source)
    {
        var schoolAge = source.SchoolAgeMembers;
        return m => m.SchoolingStatus == SchoolingStatus.NotInSchool && schoolAge.Any(s => s.Id == m.Id);
    }
}
