using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using static PovertyPortal.Tests.Correction.Cases;

namespace PovertyPortal.Tests.Correction;

public sealed class CorrectionGroupRulesTests
{
    [Fact]
    public void A_leader_from_the_judicial_office_and_two_others_make_a_group_for_an_adult_man() =>
        Assert.Empty(CorrectionGroupRules.Check(Gender.Male, subjectIsMinor: false, Group()));

    [Fact]
    public void Fewer_than_three_members_are_refused()
    {
        var refusals = CorrectionGroupRules.Check(Gender.Male, false, [Leader(), Member("周社工", GroupMemberRole.SocialWorker)]);
        Assert.Contains(refusals, r => r.Contains("不少于3人") && r.Contains("现有2人"));
        Assert.NotEmpty(CorrectionGroupRules.Check(Gender.Male, false, []));
    }

    [Fact]
    public void A_group_without_a_leader_or_with_two_is_refused()
    {
        Assert.Contains(CorrectionGroupRules.Check(Gender.Male, false, [Member("甲"), Member("乙"), Member("丙")]), r => r.Contains("组长"));
        Assert.Contains(CorrectionGroupRules.Check(Gender.Male, false, [Leader(), Leader(), Member("丙")]), r => r.Contains("组长"));
    }

    [Fact]
    public void The_leader_must_work_at_the_judicial_office()
    {
        var villageLeader = Member("村支书", GroupMemberRole.Leader);
        var refusals = CorrectionGroupRules.Check(Gender.Male, false, [villageLeader, Member("周社工"), Member("吴志愿者")]);
        Assert.Contains(refusals, r => r.Contains("司法所工作人员"));
    }

    [Fact]
    public void A_woman_subject_needs_a_woman_in_the_group_and_the_leader_may_be_her()
    {
        Assert.Contains(CorrectionGroupRules.Check(Gender.Female, false, Group()), r => r.Contains("女性成员"));
        Assert.Empty(CorrectionGroupRules.Check(Gender.Female, false, [Leader(), Member("周社工"), Member("刘大姐", gender: Gender.Female)]));
        Assert.Empty(CorrectionGroupRules.Check(Gender.Female, false, [Leader(Gender.Female), Member("周社工"), Member("吴志愿者")]));
    }

    [Fact]
    public void A_minors_group_needs_someone_who_knows_youth_work()
    {
        Assert.Contains(CorrectionGroupRules.Check(Gender.Male, true, Group()), r => r.Contains("青少年"));
        Assert.Empty(CorrectionGroupRules.Check(Gender.Male, true, [Leader(), Member("周社工"), Member("团委钱老师", youth: true)]));
    }

    [Fact]
    public void Every_broken_rule_is_named_at_once()
    {
        var refusals = CorrectionGroupRules.Check(Gender.Female, true, [Member("甲")]);
        Assert.Equal(4, refusals.Count); // too few, no leader, no woman, nobody for youth work
    }

    [Fact]
    public void A_member_without_a_name_is_refused() =>
        Assert.Contains(CorrectionGroupRules.Check(Gender.Male, false, [Leader(), Member("周社工"), Member(" ")]), r => r.Contains("姓名"));
}
