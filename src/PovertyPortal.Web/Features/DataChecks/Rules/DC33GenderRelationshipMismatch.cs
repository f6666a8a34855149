using System.Linq.Expressions;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC33GenderRelationshipMismatch : MemberRule
{
    public override string Code => "DC33";
    public override string Title => "性别与户主关系不符";
    public override string Explanation => "如“之子”“之父”“之孙子”“之女婿”为女性，或“之女”“之母”“之孙女”“之儿媳”为男性：性别或关系录错。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Low;

    protected override Expression<Func<Member, bool>> Trips(DataCheckSource source) =>
        m => !m.IsDeceased
            && (((m.Relationship == Relationship.Son || m.Relationship == Relationship.Father || m.Relationship == Relationship.Grandson
                    || m.Relationship == Relationship.SonInLaw) && m.Gender == Gender.Female)
                || ((m.Relationship == Relationship.Daughter || m.Relationship == Relationship.Mother || m.Relationship == Relationship.Granddaughter
                    || m.Relationship == Relationship.DaughterInLaw) && m.Gender == Gender.Male));
}
