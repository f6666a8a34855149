using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC13TekunWithAbleAdults : HouseholdRule
{
    public override string Code => "DC13";
    public override string Title => "特困供养户有两名以上有劳动能力的成年人";
    public override string Explanation => "特困供养对象须无劳动能力、无生活来源、无法定赡养扶养义务人；户内有两名以上16至59岁的普通或技能劳动力，属性可能有误。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;

    protected override Expression<Func<Household, bool>> Trips(DataCheckSource source)
    {
        var members = source.Members;
        var (oldest, youngest) = (DataCheckSource.BornBy(source.Today, 60).AddDays(1), DataCheckSource.BornBy(source.Today, 16));
        return h => h.Category == PovertyCategory.Tekun && h.Status != HouseholdStatus.Removed
            && members.Count(m => m.HouseholdId == h.Id && !m.IsDeceased && m.BirthDate >= oldest && m.BirthDate <= youngest
                && (m.LabourAbility == LabourAbility.Ordinary || m.LabourAbility == LabourAbility.Skilled)) >= 2;
    }
}
