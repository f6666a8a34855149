using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC03SchoolAgeDroppedOut : MemberRule
{
    public override string Code => "DC03";
    public override string Title => "义务教育阶段适龄儿童辍学";
    public override string Explanation => "6至15周岁（按当年8月31日计）的在册人口在校情况为辍学：义务教育有保障未达标，须劝返复学。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Member, bool>> Trips(DataCheckSource source)
    {
        var schoolAge = source.SchoolAgeMembers;
        return m => m.SchoolingStatus == SchoolingStatus.DroppedOut && schoolAge.Any(s => s.Id == m.Id);
    }
}
