using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC14DibaoWithoutDibaoCategory : HouseholdRule
{
    public override string Code => "DC14";
    public override string Title => "享受低保但贫困户属性不是低保户";
    public override string Explanation => "当年发放了低保金，贫困户属性却是一般贫困户或特困供养户：属性或发放记录有误。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var year = source.Year;
        var benefits = source.Within(source.Db.BenefitRecords);
        return h => h.Category != null && h.Category != PovertyCategory.Dibao && h.Status != HouseholdStatus.Removed
            && benefits.Any(b => b.HouseholdId == h.Id && b.Year == year && b.Program!.Code == "Dibao");
    }
}
