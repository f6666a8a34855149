using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC27RegisteredWithoutIdentificationYear : HouseholdRule
{
    public override string Code => "DC27";
    public override string Title => "贫困户缺识别年度";
    public override string Explanation => "没有识别年度的建档立卡户不进入任何一年的统计，看板和履职报告都会少算。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var poor = source.PoorHouseholds;
        return h => h.IdentificationYear == null && poor.Any(p => p.Id == h.Id);
    }
}
