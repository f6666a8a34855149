using System.Linq.Expressions;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC36ExitedWithUnsafeHousing : HouseholdRule
{
    public override string Code => "DC36";
    public override string Title => "已脱贫户住房鉴定为C级或D级危房";
    public override string Explanation => "住房安全有保障是脱贫标准：当年鉴定为C、D级危房且未易地搬迁的户不应标为已脱贫。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var year = source.Year;
        var checks = source.Within(source.Db.AssuranceChecks);
        return h => h.Status == HouseholdStatus.Exited && h.ExitYear <= year && !h.IsRelocated
            && checks.Any(c => c.HouseholdId == h.Id && c.Year == year && (c.HousingGrade == HousingGrade.C || c.HousingGrade == HousingGrade.D));
    }
}
