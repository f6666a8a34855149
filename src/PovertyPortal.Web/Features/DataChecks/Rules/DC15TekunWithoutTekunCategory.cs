using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC15TekunWithoutTekunCategory : HouseholdRule
{
    public override string Code => "DC15";
    public override string Title => "享受特困供养但属性不是特困供养户";
    public override string Explanation => "当年发放了特困供养金，贫困户属性却不是特困供养户：属性或发放记录有误。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var year = source.Year;
        var benefits = source.Within(source.Db.BenefitRecords);
        return h => h.Category != null && h.Category != PovertyCategory.Tekun && h.Status != HouseholdStatus.Removed
            && benefits.Any(b => b.HouseholdId == h.Id && b.Year == year && b.Program!.Code == "Tekun");
    }
}
