using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC35VocationalStudentWithoutYulu : MemberRule
{
    public override string Code => "DC35";
    public override string Title => "中职、高职学生未享受雨露计划";
    public override string Explanation => "建档立卡户中在读中职或大专的学生，当年没有雨露计划补助记录：核实是否已申报。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Low;

    protected override Expression<Func<Member, bool>> Trips(DataCheckSource source)
    {
        var year = source.Year;
        var poor = source.PoorHouseholds;
        var yulu = source.Within(source.Db.BenefitRecords).Where(b => b.Year == year && b.Program!.Code == "YuluPlan");
        return m => !m.IsDeceased && (m.SchoolingStatus == SchoolingStatus.Vocational || m.SchoolingStatus == SchoolingStatus.College)
            && poor.Any(h => h.Id == m.HouseholdId)
            && !yulu.Any(b => b.HouseholdId == m.HouseholdId && (b.MemberId == null || b.MemberId == m.Id));
    }
}
