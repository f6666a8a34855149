using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC29WithoutBasicMedicalInsurance : MemberRule
{
    public override string Code => "DC29";
    public override string Title => "在册人口未参加基本医疗保险";
    public override string Explanation => "基本医疗有保障要求在册人口全部参加城乡居民基本医疗保险。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Member, bool>> Trips(DataCheckSource source)
    {
        var register = source.RegisterMembers;
        return m => !m.HasBasicMedicalInsurance && register.Any(r => r.Id == m.Id);
    }
}
