using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC38RemovedReceivingBenefits : HouseholdRule
{
    public override string Code => "DC38";
    public override string Title => "已清退户仍享受扶贫政策";
    public override string Explanation => "清退之后的年度仍有政策发放记录：应停止发放，或核实清退是否正确。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var benefits = source.Within(source.Db.BenefitRecords);
        var steps = source.Within(source.Db.HouseholdStatusChanges);
        return h => h.Status == HouseholdStatus.Removed
            && benefits.Any(b => b.HouseholdId == h.Id
                && b.Year > steps.Where(s => s.HouseholdId == h.Id && s.Status == HouseholdStatus.Removed).Max(s => (int?)s.Year));
    }
}
