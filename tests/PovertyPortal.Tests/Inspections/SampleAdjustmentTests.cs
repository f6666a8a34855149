using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Tests.Inspections;

public sealed class SampleAdjustmentTests
{
    private static readonly InspectionPair Pair = new() { Id = 51, InspectionRoundId = 5, CountyId = 1, InspectingTownshipId = 20, InspectedTownshipId = 10 };
    private static readonly IReadOnlySet<int> VillagesOfTownship10 = new HashSet<int> { 100, 101 };

    private static List<SampledHousehold> Sample() =>
    [
        new() { Id = 1, InspectionRoundId = 5, InspectionPairId = 51, CountyId = 1, TownshipId = 10, VillageId = 100, HouseholdId = 1000, Origin = SampleOrigin.Drawn },
        new() { Id = 2, InspectionRoundId = 5, InspectionPairId = 51, CountyId = 1, TownshipId = 10, VillageId = 100, HouseholdId = 1001, Origin = SampleOrigin.Drawn },
        new() { Id = 3, InspectionRoundId = 5, InspectionPairId = 51, CountyId = 1, TownshipId = 10, VillageId = 101, HouseholdId = 1100, Origin = SampleOrigin.Drawn },
    ];

    [Fact]
    public void A_household_is_added_with_a_reason_from_the_inspected_township_once()
    {
        var sample = Sample();
        var candidate = new DrawCandidate(1002, 100, SampleCategory.Monitored);
        Assert.Equal("增补抽样户须填写理由", SampleAdjustments.Add(sample, Pair, VillagesOfTownship10, candidate, " ").Refusal);
        Assert.Equal("只能增补被检查乡镇的农户",
            SampleAdjustments.Add(sample, Pair, VillagesOfTownship10, candidate with { VillageId = 300 }, "群众反映").Refusal);
        Assert.Equal("该户已在抽样名单中",
            SampleAdjustments.Add(sample, Pair, VillagesOfTownship10, candidate with { HouseholdId = 1000 }, "群众反映").Refusal);
        Assert.Equal(3, sample.Count);

        Assert.True(SampleAdjustments.Add(sample, Pair, VillagesOfTownship10, candidate, " 群众反映住房问题 ").Succeeded);
        var added = sample[^1];
        Assert.Equal((5, 51, 1, 10, 100, 1002, SampleCategory.Monitored, SampleOrigin.Added, "群众反映住房问题"),
            (added.InspectionRoundId, added.InspectionPairId, added.CountyId, added.TownshipId, added.VillageId, added.HouseholdId, added.Category, added.Origin, added.Reason));
        Assert.True(added.IsHandPicked);
    }

    [Fact]
    public void A_swap_keeps_the_household_swapped_out_withdrawn_with_the_reason()
    {
        var sample = Sample();
        Assert.True(SampleAdjustments.Swap(sample, Pair, 1001, new DrawCandidate(1003, 100, SampleCategory.Registered), "户主外出务工，全家不在").Succeeded);
        var swappedOut = sample.Single(s => s.HouseholdId == 1001);
        Assert.Equal((true, "户主外出务工，全家不在"), (swappedOut.IsWithdrawn, swappedOut.WithdrawnReason));
        var swappedIn = sample.Single(s => s.HouseholdId == 1003);
        Assert.Equal((SampleOrigin.SwappedIn, (int?)1001, false), (swappedIn.Origin, swappedIn.ReplacesHouseholdId, swappedIn.IsWithdrawn));
        Assert.Equal(new SampleProgress(0, 3), SampleProgress.Of(sample));
    }

    [Fact]
    public void A_swap_needs_a_reason_the_same_village_a_household_of_the_sample_not_yet_visited_and_one_not_in_it()
    {
        var sample = Sample();
        var candidate = new DrawCandidate(1003, 100, SampleCategory.Registered);
        Assert.Equal("替换抽样户须填写理由", SampleAdjustments.Swap(sample, Pair, 1001, candidate, null).Refusal);
        Assert.Equal("被替换的农户不在本组抽样名单中", SampleAdjustments.Swap(sample, Pair, 4242, candidate, "不在家").Refusal);
        Assert.Equal("只能用同一村的农户替换", SampleAdjustments.Swap(sample, Pair, 1100, candidate, "不在家").Refusal);
        Assert.Equal("替换的农户已在抽样名单中", SampleAdjustments.Swap(sample, Pair, 1001, candidate with { HouseholdId = 1000 }, "不在家").Refusal);
        sample[1].VisitMode = VisitMode.Phone;
        Assert.Equal("该户已开始检查，不能替换", SampleAdjustments.Swap(sample, Pair, 1001, candidate, "不在家").Refusal);
        Assert.Equal(3, sample.Count);
        Assert.DoesNotContain(sample, s => s.IsWithdrawn);
    }

    [Fact]
    public void Progress_counts_the_households_done_of_those_still_sampled()
    {
        var sample = Sample();
        sample[0].CompletedAt = new DateTimeOffset(2026, 6, 11, 3, 0, 0, TimeSpan.Zero);
        sample[2].IsWithdrawn = true;
        sample[2].CompletedAt = sample[0].CompletedAt;
        var progress = SampleProgress.Of(sample);
        Assert.Equal((1, 2, "1/2"), (progress.Done, progress.Sampled, progress.ToString()));
    }
}
