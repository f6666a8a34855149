using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

/// <summary>The phone is encrypted, but a missing one is stored as NULL, so the test stays in SQL.</summary>
public sealed class DC22PhoneMissing : HouseholdRule
{
    public override string Code => "DC22";
    public override string Title => "联系电话为空";
    public override string Explanation => "在册户须有联系电话，电话回访和督导电话访问都依赖它。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Low;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var register = source.RegisterHouseholds;
        return h => h.Phone == null && register.Any(r => r.Id == h.Id);
    }
}
