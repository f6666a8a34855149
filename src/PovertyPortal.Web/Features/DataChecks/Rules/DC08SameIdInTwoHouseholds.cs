using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

/// <summary>
/// ID numbers are encrypted deterministically (decision 0016): equal numbers are equal in SQL. The IDs that occur twice
/// are grouped first on the (CountyId, ResidentId) index alone, without reading the rows; only their members are then
/// read and compared household by household.
/// </summary>
public sealed class DC08SameIdInTwoHouseholds : MemberRule
{
    public override string Code => "DC08";
    public override string Title => "同一身份证号出现在两个户中";
    public override string Explanation => "一人只能在一户：同一身份证号的在世成员登记在两个以上的户，属重复录入或未办理分户、迁出。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;

    protected override Expression<Func<Member, bool>> Trips(DataCheckSource source)
    {
        var members = source.Members;
        // Without the scope filter (its columns are not in the index), with the area's equalities in its place; the
        // outer query is filtered as always.
        var repeated = source.Within(source.Db.Members.IgnoreQueryFilters()).GroupBy(m => m.ResidentId).Where(g => g.Count() > 1).Select(g => g.Key);
        return m => !m.IsDeceased && repeated.Contains(m.ResidentId)
            && members.Any(o => o.ResidentId == m.ResidentId && o.HouseholdId != m.HouseholdId && !o.IsDeceased);
    }
}
