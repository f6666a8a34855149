using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC09DeceasedReceivingBenefits : MemberRule
{
    public override string Code => "DC09";
    public override string Title => "已故人员仍享受政策";
    public override string Explanation => "成员死亡之后仍有发给本人的政策发放记录（按发放日期，未填日期的按年度）：应停发并追回。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Member, bool>> Trips(DataCheckSource source)
    {
        var benefits = source.Within(source.Db.BenefitRecords);
        return m => m.IsDeceased && m.DeceasedOn != null
            && benefits.Any(b => b.MemberId == m.Id && (b.PaidOn > m.DeceasedOn || (b.PaidOn == null && b.Year > m.DeceasedOn.Value.Year)));
    }
}
