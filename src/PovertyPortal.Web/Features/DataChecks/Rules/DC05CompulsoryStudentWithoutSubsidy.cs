using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC05CompulsoryStudentWithoutSubsidy : MemberRule
{
    public override string Code => "DC05";
    public override string Title => "义务教育阶段学生未享受教育补助";
    public override string Explanation => "建档立卡户中在读小学、初中的学生，当年没有生活补助或校车补助的发放记录（按本人或全户记录）。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Member, bool>> Trips(DataCheckSource source)
    {
        var year = source.Year;
        var poor = source.PoorHouseholds;
        var benefits = source.Within(source.Db.BenefitRecords)
            .Where(b => b.Year == year && (b.Program!.Code == "StudentLivingAllowance" || b.Program.Code == "SchoolBusSubsidy"));
        return m => !m.IsDeceased && (m.SchoolingStatus == SchoolingStatus.Primary || m.SchoolingStatus == SchoolingStatus.JuniorHigh)
            && poor.Any(h => h.Id == m.HouseholdId)
            && !benefits.Any(b => b.HouseholdId == m.HouseholdId && (b.MemberId == null || b.MemberId == m.Id));
    }
}
