using PovertyPortal.Domain.WorkTeams;
using static PovertyPortal.Domain.WorkTeams.LeaderOverlap;

namespace PovertyPortal.Tests.WorkTeams;

public sealed class LeaderOverlapTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly LeaderPeriod Old = new(1, "何卫东", "镇工商所", new DatePeriod(D(2014, 1, 1), D(2018, 3, 31)), null);

    [Fact]
    public void A_leader_who_starts_after_the_other_ends_does_not_clash() =>
        Assert.Null(FindClash(new LeaderPeriod(0, "何卫星", "镇食药所", new DatePeriod(D(2018, 4, 1), null), null), [Old]));

    [Fact]
    public void Overlapping_leaders_clash_without_a_handover()
    {
        var clash = FindClash(new LeaderPeriod(0, "何卫星", "镇食药所", new DatePeriod(D(2018, 3, 23), null), null), [Old]);
        Assert.Same(Old, clash);
    }

    [Fact]
    public void An_overlap_inside_the_later_teams_handover_window_is_allowed_and_one_beyond_it_is_not()
    {
        var window = new DatePeriod(D(2018, 3, 23), D(2018, 3, 31));
        Assert.Null(FindClash(new LeaderPeriod(0, "何卫星", "镇食药所", new DatePeriod(D(2018, 3, 23), null), window), [Old]));
        var shortWindow = new DatePeriod(D(2018, 3, 23), D(2018, 3, 25));
        Assert.NotNull(FindClash(new LeaderPeriod(0, "何卫星", "镇食药所", new DatePeriod(D(2018, 3, 23), null), shortWindow), [Old]));
    }

    [Fact]
    public void The_handover_window_of_the_earlier_team_does_not_excuse_an_overlap()
    {
        var earlierWithWindow = Old with { HandoverWindow = new DatePeriod(D(2014, 1, 1), D(2018, 12, 31)) };
        Assert.NotNull(FindClash(new LeaderPeriod(0, "何卫星", "镇食药所", new DatePeriod(D(2018, 3, 23), null), null), [earlierWithWindow]));
    }

    [Fact]
    public void Two_open_ended_leaders_always_clash_even_with_a_handover()
    {
        var open = Old with { Period = new DatePeriod(D(2014, 1, 1), null) };
        var window = new DatePeriod(D(2018, 3, 23), D(2018, 3, 31));
        Assert.NotNull(FindClash(new LeaderPeriod(0, "何卫星", "镇食药所", new DatePeriod(D(2018, 3, 23), null), window), [open]));
    }

    [Fact]
    public void A_member_is_not_compared_with_themselves() =>
        Assert.Null(FindClash(Old, [Old]));
}
