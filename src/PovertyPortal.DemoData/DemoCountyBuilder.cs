using System.Globalization;
using System.Runtime.InteropServices;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.DemoData;

/// <summary>
/// Turns a <see cref="DemoCountyPlan"/> into entities. Deterministic: each village draws from its own
/// <see cref="Random"/> seeded from its AdminCode, so the same plan gives the same people, names and ID numbers
/// on every machine and in every process, whatever order the villages are built in.
/// </summary>
public static class DemoCountyBuilder
{
    private const int HouseholdSalt = 1;
    private const int WorkTeamSalt = 2;

    /// <summary>建档立卡 started in 2014; 2015 and 2016 were the dynamic adjustments that still added households.</summary>
    private const int FirstIdentificationYear = 2014;
    private const int LastIdentificationYear = 2016;

    private static readonly string[] Numerals = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    private static readonly string[] PhonePrefixes =
        ["30", "31", "32", "33", "35", "36", "37", "38", "39", "50", "51", "52", "55", "56", "57", "58", "59", "77", "80", "86", "87", "88", "89"];

    private static readonly string[] MigrantWorkPlaces =
        ["武汉市", "广东省深圳市", "广东省东莞市", "浙江省宁波市", "浙江省义乌市", "上海市", "江苏省苏州市"];

    private static readonly PovertyCause[] SecondaryCauses = [PovertyCause.LackOfCapital, PovertyCause.LackOfSkills, PovertyCause.PoorTransport];

    /// <summary>
    /// The county with its townships, villages, groups (第一村民小组 …), hamlets and profiles; every Id is 0.
    /// <see cref="Village.CountyId"/> has no navigation, so it is also 0: set it from the saved county before the
    /// villages are saved.
    /// </summary>
    public static County BuildAreas(DemoCountyPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var county = new County { AdminCode = plan.County.AdminCode, Name = plan.County.Name, Province = plan.County.Province };
        foreach (var townshipPlan in plan.Townships)
        {
            var township = new Township { AdminCode = townshipPlan.AdminCode, Name = townshipPlan.Name };
            foreach (var villagePlan in townshipPlan.Villages)
            {
                var village = new Village
                {
                    AdminCode = villagePlan.AdminCode,
                    Name = villagePlan.Name,
                    IsPovertyVillage = villagePlan.IsPovertyVillage,
                    PovertyExitYear = villagePlan.PovertyExitYear,
                };
                for (var number = 1; number <= villagePlan.GroupCount; number++)
                {
                    village.Groups.Add(new VillageGroup { Name = GroupName(number), SortOrder = number });
                }
                foreach (var hamlet in villagePlan.Hamlets)
                {
                    village.Hamlets.Add(new Hamlet { Name = hamlet });
                }
                foreach (var profile in villagePlan.Profiles)
                {
                    village.Profiles.Add(BuildProfile(profile));
                }
                township.Villages.Add(village);
            }
            county.Townships.Add(township);
        }
        return county;
    }

    /// <summary>
    /// The households of one village, registered and monitored, with their members and status history. Call it
    /// once the areas are saved: the village must carry its Id, TownshipId and CountyId, the groups their Ids.
    /// </summary>
    public static List<Household> BuildHouseholds(DemoCountyPlan plan, Village savedVillage, IReadOnlyList<VillageGroup> savedGroups)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(savedGroups);
        RequireSaved(savedVillage);
        if (savedGroups.Count == 0 || savedGroups.Any(g => g.Id == 0))
        {
            throw new ArgumentException("The village's groups must be saved (have Ids) before its households are built.", nameof(savedGroups));
        }

        var (townshipPlan, villagePlan, villageIndex) = plan.Locate(savedVillage.AdminCode);
        var registry = villagePlan.Registry;
        var random = new Random(SeedFor(villagePlan.AdminCode, HouseholdSalt));
        var context = new VillageContext
        {
            Random = random,
            Village = savedVillage,
            Plan = villagePlan,
            Groups = [.. savedGroups.OrderBy(g => g.SortOrder)],
            AddressPrefix = plan.County.Name + townshipPlan.Name + villagePlan.Name,
            Names = new NameGenerator(random, villagePlan.Surnames ?? plan.County.Surnames, plan.County.Surnames),
            Ids = new ResidentIdAllocator(plan.County.AreaCode, villageIndex, plan.AllVillages().Count()),
        };

        var drafts = PlanRegisteredHouseholds(registry, random);
        drafts.AddRange(PlanMonitoredHouseholds(registry, random));
        random.Shuffle(CollectionsMarshal.AsSpan(drafts));
        foreach (var draft in drafts)
        {
            draft.GroupIndex = random.Next(context.Groups.Count);
            draft.Hamlet = villagePlan.Hamlets.Count == 0 ? "" : villagePlan.Hamlets[random.Next(villagePlan.Hamlets.Count)];
        }

        // Numbered group by group, as a village clerk would file them.
        var households = new List<Household>(drafts.Count);
        var sequence = 0;
        foreach (var draft in drafts.OrderBy(d => d.GroupIndex))
        {
            sequence++;
            var number = villagePlan.AdminCode + sequence.ToString("D4", CultureInfo.InvariantCulture);
            households.Add(BuildHousehold(draft, number, context));
        }
        return households;
    }

    /// <summary>The work teams (驻村工作队) of one saved village, members named synthetically.</summary>
    public static List<WorkTeam> BuildWorkTeams(DemoCountyPlan plan, Village savedVillage)
    {
        ArgumentNullException.ThrowIfNull(plan);
        RequireSaved(savedVillage);
        var (_, villagePlan, _) = plan.Locate(savedVillage.AdminCode);
        var random = new Random(SeedFor(villagePlan.AdminCode, WorkTeamSalt));
        var names = new NameGenerator(random, plan.County.Surnames, plan.County.Surnames);

        var teams = new List<WorkTeam>();
        foreach (var teamPlan in villagePlan.WorkTeams)
        {
            var team = new WorkTeam
            {
                CountyId = savedVillage.CountyId,
                TownshipId = savedVillage.TownshipId,
                VillageId = savedVillage.Id,
                DispatchingUnit = teamPlan.DispatchingUnit,
                AppointedBy = teamPlan.AppointedBy,
                StartDate = teamPlan.StartDate,
                EndDate = teamPlan.EndDate,
            };
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var role in teamPlan.Roles)
            {
                var gender = random.Next(100) < 75 ? Gender.Male : Gender.Female;
                team.Members.Add(new WorkTeamMember
                {
                    Name = names.Name(names.VillageSurname(), gender, taken),
                    Unit = teamPlan.DispatchingUnit,
                    Phone = Phone(random),
                    Role = role,
                    StartDate = teamPlan.StartDate,
                    EndDate = teamPlan.EndDate,
                });
            }
            teams.Add(team);
        }
        return teams;
    }

    /// <summary>Household sizes a category allows: 特困供养 are people living alone or an old couple.</summary>
    internal static (int Min, int Max) SizeBounds(PovertyCategory? category) => category switch
    {
        PovertyCategory.Tekun => (1, 2),
        PovertyCategory.Dibao => (1, 6),
        PovertyCategory.General => (1, 7),
        _ => (1, 6),
    };

    private static VillageProfile BuildProfile(VillageProfilePlan profile) => new()
    {
        Year = profile.Year,
        AreaSquareKm = profile.AreaSquareKm,
        ForestMu = profile.ForestMu,
        ArableMu = profile.ArableMu,
        PaddyMu = profile.PaddyMu,
        GroupCount = profile.GroupCount,
        HamletCount = profile.HamletCount,
        HouseholdCount = profile.HouseholdCount,
        Population = profile.Population,
        PartyMembers = profile.PartyMembers,
        BranchCommitteeMembers = profile.BranchCommitteeMembers,
        PartyGroups = profile.PartyGroups,
        PublicWelfarePosts = profile.PublicWelfarePosts,
        LeftBehindChildren = profile.LeftBehindChildren,
        LeftBehindElderly = profile.LeftBehindElderly,
        LeftBehindWomen = profile.LeftBehindWomen,
        LeadingIndustries = [.. profile.LeadingIndustries],
        CollectiveIncomeSources = [.. profile.CollectiveIncomeSources],
        CollectiveIncome = profile.CollectiveIncome,
        Description = profile.Description,
    };

    private static string GroupName(int number)
    {
        var tens = number / 10;
        var ones = number % 10;
        var numeral = tens == 0 ? Numerals[ones] : (tens == 1 ? "" : Numerals[tens]) + "十" + Numerals[ones];
        return "第" + numeral + "村民小组";
    }

    private static void RequireSaved(Village village)
    {
        ArgumentNullException.ThrowIfNull(village);
        if (village.Id == 0 || village.TownshipId == 0 || village.CountyId == 0)
        {
            throw new ArgumentException("Save the areas first: the village needs its Id, TownshipId and CountyId.", nameof(village));
        }
    }

    /// <summary>string.GetHashCode is randomized per process; the code's own digits give the same seed everywhere.</summary>
    private static int SeedFor(string adminCode, int salt)
    {
        var code = long.Parse(adminCode, NumberStyles.None, CultureInfo.InvariantCulture);
        return (int)(code % 2_000_000_000) ^ salt;
    }

    private static string Phone(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"1{PhonePrefixes[random.Next(PhonePrefixes.Length)]}{random.Next(100_000_000):D8}");

    // ---- the register: sizes, status cohorts, causes, relocation, monitoring ----

    private static List<HouseholdDraft> PlanRegisteredHouseholds(RegistryPlan registry, Random random)
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

    private static List<HouseholdDraft> PlanMonitoredHouseholds(RegistryPlan registry, Random random)
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

    // ---- one household and its people ----

    private static Household BuildHousehold(HouseholdDraft draft, string number, VillageContext context)
    {
        var random = context.Random;
        var village = context.Village;
        var group = context.Groups[draft.GroupIndex];
        var cohort = draft.Cohort;
        var identificationYear = cohort is null ? (int?)null : IdentificationYear(cohort.LatestIdentificationYear, random);

        var household = new Household
        {
            CountyId = village.CountyId,
            TownshipId = village.TownshipId,
            VillageId = village.Id,
            VillageGroupId = group.Id,
            HouseholdNumber = number,
            Address = context.AddressPrefix + group.Name + draft.Hamlet,
            Phone = Phone(random),
            Category = draft.Category,
            PrimaryCause = draft.PrimaryCause,
            SecondaryCause = cohort is not null && random.Next(100) < 30 ? SecondaryCause(draft.PrimaryCause, random) : null,
            IdentificationYear = identificationYear,
            Status = cohort?.Status ?? HouseholdStatus.NotRegistered,
            ExitYear = cohort?.Status == HouseholdStatus.Exited ? cohort.ExitYear : null,
            IsRelocated = draft.RelocationSite is not null,
            RelocationSite = draft.RelocationSite,
            Latitude = context.Plan.Latitude is { } latitude ? Math.Round(latitude + ((random.NextDouble() - 0.5) * 0.02), 6) : null,
            Longitude = context.Plan.Longitude is { } longitude ? Math.Round(longitude + ((random.NextDouble() - 0.5) * 0.02), 6) : null,
            MonitoringType = draft.MonitoringType,
            MonitoringIdentifiedOn = draft.MonitoringIdentifiedOn,
            RiskEliminatedOn = draft.RiskEliminatedOn,
            Version = Guid.NewGuid(),
        };
        if (cohort is not null && identificationYear is { } year)
        {
            household.StatusHistory.AddRange(History(cohort, year, context.Plan.Registry.AsOf, random));
        }

        var people = Compose(draft, context.Names.VillageSurname(), context);
        AssignHealth(people, draft.PrimaryCause, random);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            household.Members.Add(BuildMember(person, village, taken, context));
        }
        return household;
    }

    private static int IdentificationYear(int latest, Random random)
    {
        var roll = random.Next(100);
        var year = roll < 75 ? FirstIdentificationYear : roll < 90 ? FirstIdentificationYear + 1 : LastIdentificationYear;
        return Math.Clamp(year, FirstIdentificationYear, Math.Max(FirstIdentificationYear, latest));
    }

    private static PovertyCause SecondaryCause(PovertyCause? primary, Random random)
    {
        var choices = SecondaryCauses.Where(c => c != primary).ToArray();
        return choices[random.Next(choices.Length)];
    }

    private static List<HouseholdStatusChange> History(Cohort cohort, int identificationYear, DateOnly asOf, Random random)
    {
        // The 2014 campaign ran from April to October; later additions came with the spring adjustments.
        var identifiedOn = identificationYear == FirstIdentificationYear
            ? new DateOnly(identificationYear, 4, 1).AddDays(random.Next(200))
            : new DateOnly(identificationYear, 3, 1).AddDays(random.Next(120));
        var history = new List<HouseholdStatusChange>
        {
            new() { Status = HouseholdStatus.Identified, EffectiveOn = identifiedOn, Year = identificationYear },
        };
        if (cohort.ExitYear is { } exitYear)
        {
            // Exits are confirmed in the year-end assessment.
            history.Add(new() { Status = HouseholdStatus.Exited, EffectiveOn = Earliest(new DateOnly(exitYear, 11, 1).AddDays(random.Next(55)), asOf), Year = exitYear });
        }
        if (cohort.ReturnYear is { } returnYear)
        {
            history.Add(new() { Status = HouseholdStatus.Returned, EffectiveOn = Earliest(new DateOnly(returnYear, 3, 1).AddDays(random.Next(180)), asOf), Year = returnYear });
        }
        if (cohort.RemovedYear is { } removedYear)
        {
            history.Add(new()
            {
                Status = HouseholdStatus.Removed,
                EffectiveOn = Earliest(new DateOnly(removedYear, 4, 1).AddDays(random.Next(150)), asOf),
                Year = removedYear,
                Reason = cohort.Reason,
            });
        }
        return history;
    }

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Who lives in the household: ages and relationships that fit together, the students 因学 implies.</summary>
    private static List<PersonDraft> Compose(HouseholdDraft draft, string headSurname, VillageContext context)
    {
        var random = context.Random;
        var names = context.Names;
        var schooling = draft.PrimaryCause == PovertyCause.Schooling;
        var (headAge, maleShare) = draft.Category == PovertyCategory.Tekun ? (random.Next(62, 89), 75)
            : draft.Size == 1 ? (random.Next(50, 86), 65)
            : schooling ? (random.Next(40, 55), 85)
            : (random.Next(30, 73), 85);
        var headGender = random.Next(100) < maleShare ? Gender.Male : Gender.Female;
        var people = new List<PersonDraft> { new(Relationship.Head, headGender, headAge, headSurname) };
        var free = draft.Size - 1;

        // A 因学 household of two is a parent and the student.
        if (free > 0 && (!schooling || free >= 2) && random.Next(100) < 85)
        {
            var spouseAge = Math.Max(20, headAge + random.Next(-4, 5));
            people.Add(new PersonDraft(Relationship.Spouse, Opposite(headGender), spouseAge, names.OutsideSurname(headSurname)));
            free--;
        }
        var familySurname = headGender == Gender.Male || people.Count == 1 ? headSurname : people[1].Surname;

        var childAges = new List<int>();
        if (schooling && free > 0)
        {
            var gender = RandomGender(random);
            var age = random.Next(16, Math.Min(20, headAge - 20) + 1);
            people.Add(new PersonDraft(ChildOf(gender), gender, age, familySurname) { IsDesignatedStudent = true });
            childAges.Add(age);
            free--;
        }

        // Older couples often live with a married child and the grandchildren.
        if (free >= 2 && headAge >= 56 && random.Next(100) < 70)
        {
            var childAge = SiblingAge(headAge - 32, headAge - 24, childAges, random);
            childAges.Add(childAge);
            var son = random.Next(100) < 80;
            people.Add(new PersonDraft(son ? Relationship.Son : Relationship.Daughter, son ? Gender.Male : Gender.Female, childAge, familySurname));
            people.Add(new PersonDraft(
                son ? Relationship.DaughterInLaw : Relationship.SonInLaw,
                son ? Gender.Female : Gender.Male,
                Math.Max(20, childAge + random.Next(-3, 4)),
                names.OutsideSurname(familySurname)));
            free -= 2;
            var grandchildAges = new List<int>();
            while (free > 0 && grandchildAges.Count < 3)
            {
                var gender = RandomGender(random);
                var age = SiblingAge(0, Math.Min(17, childAge - 20), grandchildAges, random);
                grandchildAges.Add(age);
                people.Add(new PersonDraft(gender == Gender.Male ? Relationship.Grandson : Relationship.Granddaughter, gender, age, familySurname));
                free--;
            }
        }

        var oldestChild = Math.Min(headAge - 20, 35);
        var youngestChild = Math.Max(0, headAge - 42);
        while (free > 0 && childAges.Count < 4 && youngestChild <= oldestChild)
        {
            var gender = RandomGender(random);
            var age = SiblingAge(youngestChild, oldestChild, childAges, random);
            childAges.Add(age);
            people.Add(new PersonDraft(ChildOf(gender), gender, age, familySurname));
            free--;
        }
        if (free > 0 && headAge <= 62)
        {
            people.Add(new PersonDraft(Relationship.Father, Gender.Male, Math.Min(96, headAge + random.Next(22, 31)), headSurname));
            free--;
        }
        if (free > 0 && headAge <= 62)
        {
            people.Add(new PersonDraft(Relationship.Mother, Gender.Female, Math.Min(95, headAge + random.Next(20, 29)), names.OutsideSurname(headSurname)));
            free--;
        }
        for (; free > 0; free--)
        {
            people.Add(new PersonDraft(Relationship.Sibling, RandomGender(random), Math.Max(16, headAge + random.Next(-8, 9)), headSurname));
        }
        // The order of a 户口簿: head, spouse, children, their partners, grandchildren, parents; elder first.
        return [.. people.OrderBy(p => ListingRank(p.Relationship)).ThenByDescending(p => p.Age)];
    }

    /// <summary>An age in the range at least two years from every sibling's, when the range leaves room for one.</summary>
    private static int SiblingAge(int youngest, int oldest, List<int> siblings, Random random)
    {
        var age = random.Next(youngest, oldest + 1);
        for (var attempt = 0; attempt < 20 && siblings.Any(s => Math.Abs(s - age) < 2); attempt++)
        {
            age = random.Next(youngest, oldest + 1);
        }
        return age;
    }

    private static int ListingRank(Relationship relationship) => relationship switch
    {
        Relationship.Head => 0,
        Relationship.Spouse => 1,
        Relationship.Son or Relationship.Daughter => 2,
        Relationship.DaughterInLaw or Relationship.SonInLaw => 3,
        Relationship.Grandson or Relationship.Granddaughter => 4,
        Relationship.Father or Relationship.Mother => 5,
        Relationship.Sibling => 6,
        _ => 7,
    };

    /// <summary>因病 and 因残 show in a member's health; old people are often chronically ill.</summary>
    private static void AssignHealth(List<PersonDraft> people, PovertyCause? cause, Random random)
    {
        if (cause == PovertyCause.Illness)
        {
            var adults = people.Where(p => p.Relationship is Relationship.Head or Relationship.Spouse).ToList();
            adults[random.Next(adults.Count)].Health = random.Next(100) < 65 ? HealthStatus.ChronicIllness : HealthStatus.SeriousIllness;
        }
        else if (cause == PovertyCause.Disability)
        {
            var disabled = random.Next(100) < 50 ? people[0] : people[random.Next(people.Count)];
            var roll = random.Next(100);
            disabled.Health = HealthStatus.Disabled;
            disabled.DisabilityGrade = roll < 15 ? 1 : roll < 45 ? 2 : roll < 75 ? 3 : 4;
        }
        foreach (var person in people)
        {
            if (person.Health == HealthStatus.Healthy && person.Age >= 60 && random.Next(100) < 20)
            {
                person.Health = HealthStatus.ChronicIllness;
            }
        }
    }

    private static Member BuildMember(PersonDraft person, Village village, HashSet<string> taken, VillageContext context)
    {
        var random = context.Random;
        var birthDate = context.Plan.Registry.AsOf.AddYears(-person.Age).AddDays(-random.Next(365));
        var residentId = context.Ids.Next(birthDate, person.Gender, random).Value;
        var (schooling, education) = Schooling(person, birthDate.Year, random);
        var inSchool = schooling is not (SchoolingStatus.NotInSchool or SchoolingStatus.DroppedOut);
        var labour = Labour(person, inSchool, random);
        var migrant = labour is LabourAbility.Ordinary or LabourAbility.Skilled && person.Age <= 55 && random.Next(100) < 45;
        var insured = random.Next(100) < 97;

        return new Member
        {
            CountyId = village.CountyId,
            TownshipId = village.TownshipId,
            VillageId = village.Id,
            Name = context.Names.Name(person.Surname, person.Gender, taken),
            ResidentId = residentId,
            ResidentIdTail = residentId[^4..],
            Relationship = person.Relationship,
            Gender = person.Gender,
            BirthDate = birthDate,
            EducationLevel = education,
            SchoolingStatus = schooling,
            Health = person.Health,
            DisabilityGrade = person.DisabilityGrade,
            LabourAbility = labour,
            MigrantWorkPlace = migrant ? MigrantWorkPlaces[random.Next(MigrantWorkPlaces.Length)] : null,
            MigrantWorkMonths = migrant ? random.Next(6, 12) : null,
            HasBasicMedicalInsurance = insured,
            HasSeriousIllnessInsurance = insured,
            HasPensionInsurance = person.Age >= 16 && !inSchool && random.Next(100) < 90,
            Version = Guid.NewGuid(),
        };
    }

    private static (SchoolingStatus Status, string Education) Schooling(PersonDraft person, int birthYear, Random random)
    {
        if (person.IsDesignatedStudent)
        {
            return person.Age <= 17
                ? random.Next(100) < 60 ? (SchoolingStatus.SeniorHigh, "高中") : (SchoolingStatus.Vocational, "中职")
                : random.Next(100) < 75 ? (SchoolingStatus.College, "大专及以上") : (SchoolingStatus.Vocational, "中职");
        }
        return person.Age switch
        {
            < 3 => (SchoolingStatus.NotInSchool, "学龄前"),
            < 6 => (SchoolingStatus.Preschool, "学龄前"),
            < 12 => (SchoolingStatus.Primary, "小学"),
            < 15 => (SchoolingStatus.JuniorHigh, "初中"),
            < 18 => random.Next(100) < 70 ? (SchoolingStatus.SeniorHigh, "高中") : (SchoolingStatus.Vocational, "中职"),
            < 22 => random.Next(100) < 25 ? (SchoolingStatus.College, "大专及以上") : (SchoolingStatus.NotInSchool, random.Next(100) < 50 ? "高中" : "初中"),
            _ => (SchoolingStatus.NotInSchool, AdultEducation(birthYear, random)),
        };
    }

    private static string AdultEducation(int birthYear, Random random)
    {
        var roll = random.Next(100);
        return birthYear switch
        {
            < 1950 => roll < 60 ? "文盲或半文盲" : "小学",
            < 1965 => roll < 20 ? "文盲或半文盲" : roll < 70 ? "小学" : "初中",
            < 1980 => roll < 30 ? "小学" : roll < 85 ? "初中" : "高中",
            _ => roll < 50 ? "初中" : roll < 85 ? "高中" : "大专及以上",
        };
    }

    /// <summary>无劳动力 for children, students and the old; 丧失劳动力 for working-age people disabled by illness or injury.</summary>
    private static LabourAbility Labour(PersonDraft person, bool inSchool, Random random)
    {
        if (person.Age < 16 || inSchool) return LabourAbility.None;
        if (person.Health == HealthStatus.SeriousIllness || (person.Health == HealthStatus.Disabled && person.DisabilityGrade <= 2)) return LabourAbility.Lost;
        if (person.Age >= 65) return LabourAbility.None;
        if (person.Age >= 60 || person.Health is HealthStatus.ChronicIllness or HealthStatus.Disabled) return LabourAbility.WeakOrPartial;
        return random.Next(100) < 15 ? LabourAbility.Skilled : LabourAbility.Ordinary;
    }

    private static Gender RandomGender(Random random) => random.Next(2) == 0 ? Gender.Male : Gender.Female;

    private static Gender Opposite(Gender gender) => gender == Gender.Male ? Gender.Female : Gender.Male;

    private static Relationship ChildOf(Gender gender) => gender == Gender.Male ? Relationship.Son : Relationship.Daughter;

    // ---- working state ----

    private sealed class VillageContext
    {
        public required Random Random { get; init; }
        public required Village Village { get; init; }
        public required VillagePlan Plan { get; init; }
        public required List<VillageGroup> Groups { get; init; }
        public required string AddressPrefix { get; init; }
        public required NameGenerator Names { get; init; }
        public required ResidentIdAllocator Ids { get; init; }
    }

    /// <summary>One status line of the register: the households that exited in a year, remain, returned or were removed.</summary>
    private sealed class Cohort(HouseholdStatus status, int households, int people)
    {
        public HouseholdStatus Status { get; } = status;
        public int Households { get; } = households;
        public int People { get; } = people;
        public int? ExitYear { get; init; }
        public int? ReturnYear { get; init; }
        public int? RemovedYear { get; init; }
        public string? Reason { get; init; }

        /// <summary>A household is identified no later than it exits, and before it is removed.</summary>
        public int LatestIdentificationYear => Math.Min(LastIdentificationYear, Status switch
        {
            HouseholdStatus.Exited or HouseholdStatus.Returned => ExitYear ?? LastIdentificationYear,
            HouseholdStatus.Removed => (RemovedYear ?? LastIdentificationYear + 1) - 1,
            _ => LastIdentificationYear,
        });
    }

    private sealed class HouseholdDraft
    {
        /// <summary>Null for a monitored household that was never registered.</summary>
        public PovertyCategory? Category { get; init; }
        public int Size { get; set; }

        /// <summary>Null for a monitored household that was never registered.</summary>
        public Cohort? Cohort { get; set; }
        public PovertyCause? PrimaryCause { get; set; }
        public string? RelocationSite { get; set; }
        public MonitoringType? MonitoringType { get; set; }
        public DateOnly? MonitoringIdentifiedOn { get; set; }
        public DateOnly? RiskEliminatedOn { get; set; }
        public int GroupIndex { get; set; }
        public string Hamlet { get; set; } = "";
    }

    private sealed class PersonDraft(Relationship relationship, Gender gender, int age, string surname)
    {
        public Relationship Relationship { get; } = relationship;
        public Gender Gender { get; } = gender;
        public int Age { get; } = age;
        public string Surname { get; } = surname;
        public HealthStatus Health { get; set; }
        public int? DisabilityGrade { get; set; }
        public bool IsDesignatedStudent { get; init; }
    }

    /// <summary>
    /// Hands out ID numbers that cannot repeat in the county: each village owns its own block of sequence numbers
    /// (odd for men, even for women), so villages built separately, in any order, never collide.
    /// </summary>
    private sealed class ResidentIdAllocator
    {
        private readonly string areaCode;
        private readonly int firstSequence;
        private readonly int slotsPerGender;
        private readonly HashSet<string> used = new(StringComparer.Ordinal);

        public ResidentIdAllocator(string areaCode, int villageIndex, int villageCount)
        {
            // 999, not 1000: the highest even sequence handed out must stay a 3-digit number.
            var block = 999 / villageCount / 2 * 2;
            this.areaCode = areaCode;
            firstSequence = villageIndex * block;
            slotsPerGender = block / 2;
        }

        public ResidentId Next(DateOnly birthDate, Gender gender, Random random)
        {
            var start = random.Next(slotsPerGender);
            for (var i = 0; i < slotsPerGender; i++)
            {
                var slot = (start + i) % slotsPerGender;
                // +1 for men, +2 for women: never 000, and the block's last number is still inside the block.
                var sequence = firstSequence + (slot * 2) + (gender == Gender.Male ? 1 : 2);
                var id = ResidentId.Create(areaCode, birthDate, sequence, gender);
                if (used.Add(id.Value)) return id;
            }
            throw new InvalidOperationException($"No free ID sequence left for {birthDate:yyyy-MM-dd} in this village.");
        }
    }

    /// <summary>
    /// Synthetic Chinese names from common surnames and given-name characters. Never one of the real-looking names
    /// printed in the seed documents: the demo must not put those people into a poverty register.
    /// </summary>
    private sealed class NameGenerator(Random random, IReadOnlyList<SurnameWeight> villageSurnames, IReadOnlyList<SurnameWeight> countySurnames)
    {

        /// <summary>Names printed in 范文第1篇 and 范文第2篇.</summary>
        private static readonly HashSet<string> SeedTextNames = new(StringComparer.Ordinal)
        {
            "郭小村", "何卫星", "张略", "何家武", "刘银平", "刘小仪", "刘向阳", "刘林志", "刘启胜", "刘袖珍", "刘海明",
            "刘水波", "刘华", "刘善阳", "刘守伍", "何沂",
        };

        public string VillageSurname() => Pick(villageSurnames, null);

        /// <summary>Someone who married in: a surname of the county other than the family's.</summary>
        public string OutsideSurname(string familySurname) => Pick(countySurnames, familySurname);

        public string Name(string surname, Gender gender, HashSet<string> taken)
        {
            var characters = gender == Gender.Male ? SyntheticNames.MaleCharacters : SyntheticNames.FemaleCharacters;
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var given = random.Next(100) < 30
                    ? characters[random.Next(characters.Count)]
                    : characters[random.Next(characters.Count)] + characters[random.Next(characters.Count)];
                var name = surname + given;
                if (!SeedTextNames.Contains(name) && taken.Add(name)) return name;
            }
            throw new InvalidOperationException($"No free name with the surname {surname}.");
        }

        private string Pick(IReadOnlyList<SurnameWeight> surnames, string? except)
        {
            var total = surnames.Where(s => s.Name != except).Sum(s => s.Weight);
            var roll = random.Next(total);
            foreach (var surname in surnames.Where(s => s.Name != except))
            {
                if (roll < surname.Weight) return surname.Name;
                roll -= surname.Weight;
            }
            throw new InvalidOperationException("Surname weights must be positive.");
        }
    }
}
