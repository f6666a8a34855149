using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

/// <summary>By birth years, which both databases take from a date alike; a year's rounding does not matter at 15 years.</summary>
public sealed class DC34GenerationAgeMismatch : MemberRule
{
    public const int Gap = 15;

    public override string Code => "DC34";
    public override string Title => "辈分与年龄不符";
    public override string Explanation => "父母比户主大不到15岁，或子女比户主小不到15岁：出生日期或与户主关系录错。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Low;

    protected override Expression<Func<Member, bool>> Trips(DataCheckSource source)
    {
        var heads = source.Members.Where(h => h.Relationship == Relationship.Head && !h.IsDeceased);
        return m => !m.IsDeceased && heads.Any(h => h.HouseholdId == m.HouseholdId
            && (((m.Relationship == Relationship.Father || m.Relationship == Relationship.Mother) && h.BirthDate.Year - m.BirthDate.Year < Gap)
                || ((m.Relationship == Relationship.Son || m.Relationship == Relationship.Daughter) && m.BirthDate.Year - h.BirthDate.Year < Gap)));
    }
}
