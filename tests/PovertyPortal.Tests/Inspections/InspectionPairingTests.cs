using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Tests.Inspections;

public sealed class InspectionPairingTests
{
    private static List<TownshipRef> Townships(int count) =>
        Enumerable.Range(1, count).Select(i => new TownshipRef(i, $"第{i}镇")).ToList();

    private static void AssertIsRotation(IReadOnlyList<TownshipPair> pairs, int count)
    {
        Assert.Equal(count, pairs.Count);
        Assert.All(pairs, p => Assert.NotEqual(p.InspectingTownshipId, p.InspectedTownshipId));
        Assert.Equal(Enumerable.Range(1, count), pairs.Select(p => p.InspectingTownshipId).Order());
        Assert.Equal(Enumerable.Range(1, count), pairs.Select(p => p.InspectedTownshipId).Order());
    }

    private static bool HasMutual(IReadOnlyList<TownshipPair> pairs) => pairs.Any(p => pairs.Contains(p.Reversed));

    [Fact]
    public void A_county_of_25_townships_rotates_for_five_rounds_without_repeating_the_previous_round_or_a_mutual_pair()
    {
        var townships = Townships(25);
        IReadOnlyList<TownshipPair> previous = [];
        for (var round = 1; round <= 5; round++)
        {
            var proposal = InspectionPairing.Propose(townships, previous);
            AssertIsRotation(proposal.Pairs, 25);
            Assert.False(HasMutual(proposal.Pairs));
            Assert.Empty(proposal.Pairs.Intersect(previous));
            Assert.Empty(proposal.Notes);
            Assert.Empty(InspectionPairing.Validate(proposal.Pairs, townships, previous));
            previous = proposal.Pairs;
        }
    }

    [Fact]
    public void The_first_proposal_has_each_township_inspect_the_next_one_in_the_order_given()
    {
        var proposal = InspectionPairing.Propose(Townships(4), []);
        Assert.Equal([new(1, 2), new(2, 3), new(3, 4), new(4, 1)], proposal.Pairs);
    }

    [Fact]
    public void The_same_townships_and_previous_round_always_give_the_same_proposal()
    {
        var previous = InspectionPairing.Propose(Townships(9), []).Pairs;
        Assert.Equal(InspectionPairing.Propose(Townships(9), previous).Pairs, InspectionPairing.Propose(Townships(9), previous).Pairs);
    }

    /// <summary>Every possible previous round of 3 to 6 townships (every derangement), including hand-edited ones no shift avoids.</summary>
    public static TheoryData<int> Sizes() => [3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Whatever_the_previous_round_was_the_proposal_repeats_none_of_its_pairs_and_has_no_mutual_pair(int count)
    {
        var townships = Townships(count);
        var rounds = 0;
        foreach (var previous in Derangements(count))
        {
            var proposal = InspectionPairing.Propose(townships, previous);
            AssertIsRotation(proposal.Pairs, count);
            Assert.Empty(proposal.Pairs.Intersect(previous));
            Assert.False(HasMutual(proposal.Pairs));
            rounds++;
        }
        Assert.Equal(count switch { 3 => 2, 4 => 9, 5 => 44, _ => 265 }, rounds);
    }

    [Fact]
    public void Two_townships_can_only_inspect_each_other_and_the_proposal_says_so()
    {
        var townships = Townships(2);
        var first = InspectionPairing.Propose(townships, []);
        Assert.Equal([new(1, 2), new(2, 1)], first.Pairs);
        Assert.Equal(["仅有两个乡镇，只能互相检查", "第1镇与第2镇互相检查"], first.Notes);

        var second = InspectionPairing.Propose(townships, first.Pairs);
        Assert.Equal(first.Pairs, second.Pairs);
        Assert.Contains("第1镇检查第2镇与上一轮相同", second.Notes);
        Assert.Contains("第2镇检查第1镇与上一轮相同", second.Notes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Fewer_than_two_townships_cannot_cross_inspect(int count)
    {
        var proposal = InspectionPairing.Propose(Townships(count), []);
        Assert.Empty(proposal.Pairs);
        Assert.Equal(["至少需要两个乡镇才能交叉检查"], proposal.Notes);
    }

    [Fact]
    public void Townships_of_the_previous_round_that_no_longer_take_part_are_ignored()
    {
        var proposal = InspectionPairing.Propose(Townships(5), [new(1, 2), new(7, 3), new(2, 8)]);
        AssertIsRotation(proposal.Pairs, 5);
        Assert.DoesNotContain(new TownshipPair(1, 2), proposal.Pairs);
    }

    [Fact]
    public void A_township_inspecting_itself_is_an_error()
    {
        var issues = InspectionPairing.Validate([new(1, 1), new(2, 3), new(3, 2)], Townships(3), []);
        Assert.Contains(new PairingIssue(true, "第1镇不能检查本乡镇"), issues);
    }

    [Fact]
    public void A_township_inspecting_two_or_inspected_twice_is_an_error()
    {
        var issues = InspectionPairing.Validate([new(1, 2), new(1, 3), new(3, 2), new(2, 1)], Townships(3), []);
        Assert.Contains(new PairingIssue(true, "第1镇被安排检查第2镇、第3镇，每个乡镇一轮只检查一个乡镇"), issues);
        Assert.Contains(new PairingIssue(true, "第2镇被第1镇、第3镇重复检查，每个乡镇一轮只由一个乡镇检查"), issues);
    }

    [Fact]
    public void A_township_outside_the_round_is_an_error_and_an_empty_pairing_too()
    {
        var issues = InspectionPairing.Validate([new(1, 2), new(2, 9), new(9, 1)], Townships(2), []);
        Assert.Contains(new PairingIssue(true, "第2组的被检查乡镇不在本县参检乡镇之列"), issues);
        Assert.Contains(new PairingIssue(true, "第3组的检查乡镇不在本县参检乡镇之列"), issues);
        Assert.Equal([new PairingIssue(true, "请安排至少一组交叉检查"), new PairingIssue(false, "第1镇本轮未安排检查"), new PairingIssue(false, "第2镇本轮未安排检查")],
            InspectionPairing.Validate([], Townships(2), []));
    }

    [Fact]
    public void A_repeat_of_the_previous_round_a_mutual_pair_and_a_township_left_out_are_warnings()
    {
        var issues = InspectionPairing.Validate([new(1, 2), new(2, 1), new(3, 4)], Townships(4), [new(3, 4), new(4, 1)]);
        Assert.Equal(
            [new PairingIssue(false, "第3镇检查第4镇与上一轮相同"), new PairingIssue(false, "第1镇与第2镇互相检查"), new PairingIssue(false, "第3镇本轮未安排检查")],
            issues);
    }

    private static IEnumerable<List<TownshipPair>> Derangements(int count)
    {
        var target = new int[count + 1];
        var used = new bool[count + 1];
        return Place(1);

        IEnumerable<List<TownshipPair>> Place(int i)
        {
            if (i > count)
            {
                yield return Enumerable.Range(1, count).Select(t => new TownshipPair(t, target[t])).ToList();
                yield break;
            }
            for (var j = 1; j <= count; j++)
            {
                if (j == i || used[j]) continue;
                used[j] = true;
                target[i] = j;
                foreach (var d in Place(i + 1)) yield return d;
                used[j] = false;
            }
        }
    }
}
