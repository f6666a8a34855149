using System.Security.Cryptography;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Inspections;

/// <summary>Households per inspected village and category the draw aims for; a village with fewer gives all it has.</summary>
public readonly record struct SampleQuota(int Registered, int Monitored)
{
    /// <summary>20 registered and 5 monitored households per village: a plan's usual "不少于" figures.</summary>
    public static SampleQuota Default => new(20, 5);

    public int For(SampleCategory category) => category == SampleCategory.Registered ? Registered : Monitored;
}

/// <summary>A household the draw may pick: read from the register by the caller (see <see cref="SampleCategories.Of"/>).</summary>
public sealed record DrawCandidate(int HouseholdId, int VillageId, SampleCategory Category);

/// <summary>One household of a draw and why it was picked.</summary>
public sealed record DrawnHousehold(int HouseholdId, int VillageId, SampleCategory Category, SampleOrigin Origin, string Why);

/// <summary>The draw in one village for one category: how many there were, how many earlier rounds inspected, how many were taken.</summary>
public sealed record VillageDraw(int VillageId, SampleCategory Category, int Candidates, int InspectedBefore, int Quota, int Taken);

/// <summary>The households drawn (village by village, registered first, each in the order of the draw) and the figures per village.</summary>
public sealed record DrawResult(long Seed, IReadOnlyList<DrawnHousehold> Households, IReadOnlyList<VillageDraw> Villages);

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014; the version Vigna publishes as splitmix64.c): a 64-bit generator whose every
/// step is written out here, so that a stored seed gives the same numbers on any machine and any .NET version —
/// <see cref="System.Random"/> promises neither its algorithm nor its sequence across versions.
/// </summary>
public static class SplitMix64
{
    /// <summary>The golden-ratio increment of the state.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The output function: a bijective mix of the 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Advances the state and returns the next value of the sequence.</summary>
    public static ulong Next(ref ulong state)
    {
        state = unchecked(state + Gamma);
        return Mix(state);
    }

    /// <summary>
    /// The value the generator seeded with <paramref name="seed"/> returns at position <paramref name="index"/> (0 is
    /// the first), computed directly: SplitMix64's state after n steps is seed + n·Gamma.
    /// </summary>
    public static ulong At(ulong seed, ulong index) => Mix(unchecked(seed + (index + 1) * Gamma));
}

/// <summary>
/// The draw of a round's sample. Each household gets a key: the value SplitMix64 gives at the position of the
/// household's id, the generator seeded with the round's seed passed once through <see cref="SplitMix64.Mix"/> (without
/// that pass, seeds close together such as 1, 2, 3 … give draws that lean towards some households). In each village and category the households no earlier round inspected are
/// ordered by key and the first up to the quota are taken; when they are too few, the rest comes from the households
/// inspected before, ordered the same way; a village with no more households than the quota gives all of them.
/// Keying by id rather than shuffling a list makes the draw independent of the order the database returns the
/// candidates in, and adding a household to the register moves no other household's place.
/// </summary>
public static class SampleDraw
{
    /// <summary>A new seed for a round, from the operating system's cryptographic generator.</summary>
    public static long NewSeed() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));

    /// <summary>A household's place in the draw of <paramref name="seed"/>: smaller comes first.</summary>
    public static ulong Key(long seed, int householdId) => SplitMix64.At(SplitMix64.Mix(unchecked((ulong)seed)), unchecked((uint)householdId));

    /// <summary>
    /// Draws the sample of the villages <paramref name="villageIds"/> (in that order) from <paramref name="candidates"/>;
    /// candidates of other villages are ignored, a candidate listed twice counts once. <paramref name="inspectedBefore"/>
    /// holds the households earlier rounds inspected.
    /// </summary>
    public static DrawResult Draw(
        long seed, SampleQuota quota, IEnumerable<int> villageIds, IEnumerable<DrawCandidate> candidates, IReadOnlySet<int> inspectedBefore)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quota.Registered);
        ArgumentOutOfRangeException.ThrowIfNegative(quota.Monitored);
        var villages = villageIds.Distinct().ToList();
        var byVillage = villages.ToDictionary(v => v, _ => (Registered: new List<DrawCandidate>(), Monitored: new List<DrawCandidate>()));
        var seen = new Dictionary<int, DrawCandidate>();
        foreach (var c in candidates)
        {
            if (!byVillage.TryGetValue(c.VillageId, out var lists)) continue;
            if (seen.TryGetValue(c.HouseholdId, out var earlier))
            {
                if (earlier != c) throw new ArgumentException($"Household {c.HouseholdId} is listed with two villages or categories", nameof(candidates));
                continue;
            }
            seen.Add(c.HouseholdId, c);
            (c.Category == SampleCategory.Registered ? lists.Registered : lists.Monitored).Add(c);
        }

        var households = new List<DrawnHousehold>();
        var summary = new List<VillageDraw>();
        foreach (var village in villages)
        {
            var lists = byVillage[village];
            foreach (var (category, pool) in new[] { (SampleCategory.Registered, lists.Registered), (SampleCategory.Monitored, lists.Monitored) })
            {
                var wanted = quota.For(category);
                var inspected = pool.Count(c => inspectedBefore.Contains(c.HouseholdId));
                var ordered = pool
                    .Select(c => (Candidate: c, Before: inspectedBefore.Contains(c.HouseholdId), Key: Key(seed, c.HouseholdId)))
                    .OrderBy(x => x.Before).ThenBy(x => x.Key).ThenBy(x => x.Candidate.HouseholdId)
                    .Take(wanted).ToList();
                var label = category.Label();
                foreach (var (candidate, before, _) in ordered)
                {
                    var (origin, why) = pool.Count <= wanted
                        ? (SampleOrigin.AllTaken, $"本村{label}{pool.Count}户，不足{wanted}户，全部抽取")
                        : before
                            ? (SampleOrigin.DrawnFromInspectedBefore, $"本村{label}{pool.Count}户中未检过的仅{pool.Count - inspected}户，其余从往轮已检户中随机抽取")
                            : pool.Count - inspected <= wanted
                                ? (SampleOrigin.Drawn, $"本村{label}未检过的{pool.Count - inspected}户全部抽取")
                                : (SampleOrigin.Drawn, $"从本村{label}{pool.Count}户（往轮已检{inspected}户除外）中随机抽取{wanted}户");
                    households.Add(new DrawnHousehold(candidate.HouseholdId, village, category, origin, why));
                }
                summary.Add(new VillageDraw(village, category, pool.Count, inspected, wanted, ordered.Count));
            }
        }
        return new DrawResult(seed, households, summary);
    }

    /// <summary>
    /// The rows of a round's sample from its draw: each household goes to the pair that inspects its village's township.
    /// Villages whose township no pair inspects are left out.
    /// </summary>
    public static List<SampledHousehold> ToRows(DrawResult draw, InspectionRound round, IReadOnlyDictionary<int, int> townshipOfVillage)
    {
        var pairOf = round.Pairs.ToDictionary(p => p.InspectedTownshipId);
        var rows = new List<SampledHousehold>();
        foreach (var h in draw.Households)
        {
            if (!townshipOfVillage.TryGetValue(h.VillageId, out var township) || !pairOf.TryGetValue(township, out var pair)) continue;
            rows.Add(new SampledHousehold
            {
                InspectionRoundId = round.Id, InspectionPairId = pair.Id,
                CountyId = round.CountyId, TownshipId = township, VillageId = h.VillageId,
                HouseholdId = h.HouseholdId, Category = h.Category, Origin = h.Origin, Reason = h.Why,
            });
        }
        return rows;
    }
}

/// <summary>Which pool of the draw a household of the register belongs to.</summary>
public static class SampleCategories
{
    /// <summary>
    /// Registered poor households (未脱贫, 已脱贫 and 返贫, including 脱贫不稳定户 who are monitored as well) are drawn as
    /// registered; monitored households not registered poor (边缘易致贫户, 突发严重困难户, or removed but monitored) whose
    /// risk is not eliminated are drawn as monitored; every other household is not drawn.
    /// </summary>
    public static SampleCategory? Of(HouseholdStatus status, MonitoringType? monitoring, DateOnly? riskEliminatedOn) =>
        status is HouseholdStatus.Identified or HouseholdStatus.Exited or HouseholdStatus.Returned ? SampleCategory.Registered
        : monitoring is not null && riskEliminatedOn is null ? SampleCategory.Monitored
        : null;
}
