using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC21RelocatedWithoutSite : HouseholdRule
{
    public override string Code => "DC21";
    public override string Title => "易地搬迁户未填安置点";
    public override string Explanation => "标为易地扶贫搬迁的户须填写安置点，后续扶持和住房核查按安置点开展。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source) =>
        h => h.Status != HouseholdStatus.Removed && h.IsRelocated && (h.RelocationSite == null || h.RelocationSite == "");
}
