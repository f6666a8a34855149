using System.Runtime.InteropServices;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.DemoData;

/// <summary>
/// Settles a village's register before anyone is named: how the category totals split into household sizes, which
/// households exited in which year, remain, returned or were removed (so that each cohort holds exactly its people),
/// their causes, who was relocated and who is monitored. Draws from the village's own random sequence, in a fixed order.
/// </summary>
internal static class DemoHouseholdPlanner
{
    /// <summary>Household sizes a category allows: 特困供养 are people living alone or an old couple.</summary>
    public static (int Min, int Max) SizeBounds(PovertyCategory? category) => category switch
    {
        PovertyCategory.Tekun => (1, 2),
        PovertyCategory.Dibao => (1, 6),
        PovertyCategory.General => (1, 7),
        _ => (1, 6),
    };

    public static List<HouseholdDraft> PlanRegisteredHouseholds(RegistryPlan registry, Random random)
    {
        var drafts = new List<HouseholdDraft>();
        foreach (var category in registry.Categories)
        {
            var (min, max) = SizeBounds(category.Category);
            foreach (var size in Partition(category.People, category.Households, min, max, random))
            {
                drafts.Add(new HouseholdDraft { Category = category.Category, Size = size });
            }
        }

        var cohorts = Cohorts(registry);
        AssignCohorts(drafts, cohorts, random);
        BalanceCohorts(drafts, cohorts, random);
        foreach (var category in registry.Categories)
        {
            AssignCauses(drafts.Where(d => d.Category == category.Category).ToList(), category, random);
        }
        if (registry.Relocation is { Households: > 0 } relocation)
        {
            PickRelocated(drafts, relocation, random);
        }
        foreach (var monitoring in registry.Monitoring.Where(m => m.Type == MonitoringType.UnstableExited))
        {
            MarkUnstableExited(drafts, monitoring, random);
        }
        return drafts;
    }

    private static List<Cohort> Cohorts(RegistryPlan registry)
    {
        var cohorts = new List<Cohort>();
        cohorts.AddRange(registry.Exits.Select(e => new Cohort(HouseholdStatus.Exited, e.Households, e.People) { ExitYear = e.Year }));
        cohorts.Add(new Cohort(HouseholdStatus.Identified, registry.Remaining.Households, registry.Remaining.People));
        cohorts.AddRange(registry.Returned.Select(r => new Cohort(HouseholdStatus.Returned, r.Households, r.People) { ExitYear = r.ExitYear, ReturnYear = r.ReturnYear }));
        cohorts.AddRange(registry.Removed.Select(r => new Cohort(HouseholdStatus.Removed, r.Households, r.People) { RemovedYear = r.Year, Reason = r.Reason }));
        cohorts.RemoveAll(c => c.Households == 0);
        return cohorts;
    }

    /// <summary>Splits <paramref name="people"/> into <paramref name="households"/> sizes within the bounds.</summary>
    private static List<int> Partition(int people, int households, int min, int max, Random random)
    {
        var sizes = Enumerable.Repeat(min, households).ToList();
        var left = people - (min * households);
        while (left > 0)
        {
            var index = random.Next(households);
            if (sizes[index] < max)
            {
                sizes[index]++;
                left--;
            }
        }
        return sizes;
    }

    /// <summary>Small households go to the cohorts with the smallest average size, so balancing has little to do.</summary>
    private static void AssignCohorts(List<HouseholdDraft> drafts, List<Cohort> cohorts, Random random)
    {
        var slots = cohorts.SelectMany(c => Enumerable.Repeat(c, c.Households)).OrderBy(c => (double)c.People / c.Households).ToList();
        random.Shuffle(CollectionsMarshal.AsSpan(drafts));
        var bySize = drafts.OrderBy(d => d.Size).ToList();
        for (var i = 0; i < bySize.Count; i++)
        {
            bySize[i].Cohort = slots[i];
        }
    }

    /// <summary>
    /// Makes every cohort hold exactly its planned people. Moving one person between two households of the same
    /// category keeps the category totals; swapping two households between cohorts keeps the household counts.
    /// Each step takes a change that brings the cohorts closer to plan, or, when none does, one that at least
    /// keeps the distance, so that a cohort of households that cannot grow (特困 living alone) can trade them away.
    /// </summary>
    private static void BalanceCohorts(List<HouseholdDraft> drafts, List<Cohort> cohorts, Random random)
    {
        var excess = cohorts.ToDictionary(c => c, c => PeopleIn(drafts, c) - c.People);
        for (var step = 0; step < 5_000; step++)
        {
            if (excess.Values.All(e => e == 0)) return;
            var improving = new List<(HouseholdDraft From, HouseholdDraft To, bool Swap)>();
            var neutral = new List<(HouseholdDraft From, HouseholdDraft To, bool Swap)>();
            foreach (var a in drafts)
            {
                foreach (var b in drafts)
                {
                    if (a.Cohort == b.Cohort) continue;
                    var (fromExcess, toExcess) = (excess[a.Cohort!], excess[b.Cohort!]);
                    if (a.Category == b.Category && a.Size > SizeBounds(a.Category).Min && b.Size < SizeBounds(b.Category).Max)
                    {
                        var gain = Gain(fromExcess, toExcess, 1);
                        if (gain > 0) improving.Add((a, b, false));
                        else if (gain == 0) neutral.Add((a, b, false));
                    }
                    if (a.Size > b.Size)
                    {
                        var gain = Gain(fromExcess, toExcess, a.Size - b.Size);
                        if (gain > 0) improving.Add((a, b, true));
                        else if (gain == 0) neutral.Add((a, b, true));
                    }
                }
            }
            var choices = improving.Count > 0 ? improving : neutral;
            if (choices.Count == 0) break;

            var (from, to, swap) = choices[random.Next(choices.Count)];
            var (fromCohort, toCohort) = (from.Cohort!, to.Cohort!);
            var moved = swap ? from.Size - to.Size : 1;
            if (swap)
            {
                (from.Cohort, to.Cohort) = (toCohort, fromCohort);
            }
            else
            {
                from.Size--;
                to.Size++;
            }
            excess[fromCohort] -= moved;
            excess[toCohort] += moved;
        }
        throw new InvalidOperationException("The exits, remaining, returned and removed figures cannot be met with these category sizes.");
    }

    /// <summary>How much closer to plan the cohorts get when <paramref name="moved"/> people go from one to the other.</summary>
    private static int Gain(int fromExcess, int toExcess, int moved) =>
        Math.Abs(fromExcess) + Math.Abs(toExcess) - Math.Abs(fromExcess - moved) - Math.Abs(toExcess + moved);

    private static int PeopleIn(List<HouseholdDraft> drafts, Cohort cohort) => drafts.Where(d => d.Cohort == cohort).Sum(d => d.Size);

    /// <summary>因学 needs a child in school, so it goes to households of three or more first.</summary>
    private static void AssignCauses(List<HouseholdDraft> drafts, CategoryPlan category, Random random)
    {
        random.Shuffle(CollectionsMarshal.AsSpan(drafts));
        var ordered = drafts.OrderBy(d => d.Size >= 3 ? 0 : d.Size == 2 ? 1 : 2).ToList();
        var schooling = category.Causes.GetValueOrDefault(PovertyCause.Schooling);
        for (var i = 0; i < schooling; i++)
        {
            if (ordered[i].Size < 2)
            {
                throw new InvalidOperationException($"{category.Category}: {schooling} 因学 households need at least two members each.");
            }
            ordered[i].PrimaryCause = PovertyCause.Schooling;
        }

        var others = Enum.GetValues<PovertyCause>()
            .Where(c => c != PovertyCause.Schooling)
            .SelectMany(c => Enumerable.Repeat(c, category.Causes.GetValueOrDefault(c)))
            .ToArray();
        random.Shuffle(others);
        for (var i = 0; i < others.Length; i++)
        {
            ordered[schooling + i].PrimaryCause = others[i];
        }
    }

    /// <summary>Takes the smallest households, then trades them for larger ones until the people match exactly.</summary>
    private static void PickRelocated(List<HouseholdDraft> drafts, RelocationPlan relocation, Random random)
    {
        var candidates = drafts.Where(d => d.Cohort!.Status != HouseholdStatus.Removed).ToArray();
        random.Shuffle(candidates);
        var bySize = candidates.OrderBy(d => d.Size).ToList();
        if (bySize.Count < relocation.Households)
        {
            throw new InvalidOperationException($"Only {bySize.Count} households can be relocated, {relocation.Households} planned.");
        }
        var picked = bySize.Take(relocation.Households).ToList();
        var rest = bySize.Skip(relocation.Households).ToList();
        var missing = relocation.People - picked.Sum(d => d.Size);
        while (missing > 0)
        {
            var (pickedIndex, restIndex, gain) = (-1, -1, 0);
            for (var p = 0; p < picked.Count; p++)
            {
                for (var r = 0; r < rest.Count; r++)
                {
                    var candidateGain = rest[r].Size - picked[p].Size;
                    if (candidateGain > gain && candidateGain <= missing) (pickedIndex, restIndex, gain) = (p, r, candidateGain);
                }
            }
            if (pickedIndex < 0) break;
            (picked[pickedIndex], rest[restIndex]) = (rest[restIndex], picked[pickedIndex]);
            missing -= gain;
        }
        if (missing != 0)
        {
            throw new InvalidOperationException($"No {relocation.Households} households hold exactly {relocation.People} people to relocate.");
        }
        foreach (var draft in picked)
        {
            draft.RelocationSite = relocation.Sites[random.Next(relocation.Sites.Count)];
        }
    }

    /// <summary>Only households that had exited before the monitoring year can be 脱贫不稳定户.</summary>
    private static void MarkUnstableExited(List<HouseholdDraft> drafts, MonitoringPlan monitoring, Random random)
    {
        var candidates = drafts
            .Where(d => d.Cohort!.Status == HouseholdStatus.Exited && d.Cohort.ExitYear < monitoring.IdentifiedOn.Year && d.MonitoringType is null)
            .ToArray();
        if (candidates.Length < monitoring.Households)
        {
            throw new InvalidOperationException($"Only {candidates.Length} exited households can be monitored as UnstableExited, {monitoring.Households} planned.");
        }
        random.Shuffle(candidates);
        for (var i = 0; i < monitoring.Households; i++)
        {
            candidates[i].MonitoringType = MonitoringType.UnstableExited;
            candidates[i].MonitoringIdentifiedOn = monitoring.IdentifiedOn;
            candidates[i].RiskEliminatedOn = i < monitoring.RiskEliminated ? monitoring.RiskEliminatedOn : null;
        }
    }

    public static List<HouseholdDraft> PlanMonitoredHouseholds(RegistryPlan registry, Random random)
    {
        var drafts = new List<HouseholdDraft>();
        foreach (var monitoring in registry.Monitoring.Where(m => m.Type != MonitoringType.UnstableExited))
        {
            var (min, max) = SizeBounds(null);
            var sizes = Partition(monitoring.People ?? monitoring.Households, monitoring.Households, min, max, random);
            for (var i = 0; i < sizes.Count; i++)
            {
                drafts.Add(new HouseholdDraft
                {
                    Size = sizes[i],
                    PrimaryCause = monitoring.Cause,
                    MonitoringType = monitoring.Type,
                    MonitoringIdentifiedOn = monitoring.IdentifiedOn,
                    RiskEliminatedOn = i < monitoring.RiskEliminated ? monitoring.RiskEliminatedOn : null,
                });
            }
        }
        return drafts;
    }
}
