using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Tests.Inspections;

public sealed class InspectionGroupsTests
{
    private static readonly List<TownshipRef> Townships = [new(1, "石桥镇"), new(2, "白果镇"), new(3, "江关乡")];

    private static readonly Dictionary<string, int?> TownshipOfUser = new()
    {
        ["u-county"] = null, ["u-shiqiao"] = 1, ["u-baiguo"] = 2, ["u-jiangguan"] = 3,
    };

    private static InspectionGroupMember Person(GroupRole role, string name, string? userId = null) =>
        new() { Role = role, Name = name, UserId = userId };

    private static InspectionPair Pair(int id, int from, int to, params InspectionGroupMember[] group) =>
        new() { Id = id, CountyId = 1, InspectingTownshipId = from, InspectedTownshipId = to, Group = [.. group] };

    [Fact]
    public void A_group_of_a_leader_a_deputy_users_and_named_outsiders_is_valid()
    {
        var pair = Pair(1, 1, 2,
            Person(GroupRole.Leader, "何沂", "u-county"), Person(GroupRole.DeputyLeader, "石桥镇党委书记", "u-shiqiao"),
            Person(GroupRole.Member, "县农业农村局帮扶责任人"), Person(GroupRole.Member, "驻村工作队员"));
        Assert.Empty(InspectionGroups.Validate([pair], Townships, TownshipOfUser));
        Assert.True(pair.Group[2].IsOutsider);
    }

    [Fact]
    public void A_group_needs_exactly_one_leader()
    {
        Assert.Equal(["石桥镇检查白果镇组没有组长"],
            InspectionGroups.Validate([Pair(1, 1, 2, Person(GroupRole.Member, "甲"))], Townships, TownshipOfUser));
        Assert.Equal(["石桥镇检查白果镇组有2名组长，只能有一名"],
            InspectionGroups.Validate([Pair(1, 1, 2, Person(GroupRole.Leader, "甲"), Person(GroupRole.Leader, "乙"))], Townships, TownshipOfUser));
    }

    [Fact]
    public void Every_person_is_named()
    {
        Assert.Equal(["石桥镇检查白果镇组有成员未填写姓名"],
            InspectionGroups.Validate([Pair(1, 1, 2, Person(GroupRole.Leader, "甲"), Person(GroupRole.Member, " "))], Townships, TownshipOfUser));
    }

    [Fact]
    public void A_user_is_in_one_group_of_a_round_once()
    {
        Assert.Equal(["何沂在石桥镇检查白果镇组中出现了2次"],
            InspectionGroups.Validate([Pair(1, 1, 2, Person(GroupRole.Leader, "何沂", "u-county"), Person(GroupRole.Member, "何沂", "u-county"))],
                Townships, TownshipOfUser));
        Assert.Equal(["何沂同时在石桥镇检查白果镇组、白果镇检查江关乡组，一人本轮只能参加一个检查组"],
            InspectionGroups.Validate(
                [Pair(1, 1, 2, Person(GroupRole.Leader, "何沂", "u-county")), Pair(2, 2, 3, Person(GroupRole.Leader, "何沂", "u-county"))],
                Townships, TownshipOfUser));
    }

    [Fact]
    public void Nobody_of_the_inspected_township_inspects_it()
    {
        Assert.Equal(["白果镇干部是白果镇的干部，不能参加检查本乡镇的石桥镇检查白果镇组"],
            InspectionGroups.Validate([Pair(1, 1, 2, Person(GroupRole.Leader, "何沂", "u-county"), Person(GroupRole.Member, "白果镇干部", "u-baiguo"))],
                Townships, TownshipOfUser));
    }
}
