using System.Globalization;
using System.Runtime.InteropServices;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.DemoData;

/// <summary>
/// The demo county's households, village by village, as <see cref="DemoCountyPlan"/>'s figures describe them. Each
/// is written through the household and member rules (<see cref="HouseholdEntry"/>, <see cref="MemberEntry"/>,
/// <see cref="Household.AddStatusStep(HouseholdStatus, DateOnly, int, string?)"/>), so a demo row is the row the
/// form or the import would have written.
/// </summary>
public static class DemoHouseholds
{
    private static readonly PovertyCause[] SecondaryCauses = [PovertyCause.LackOfCapital, PovertyCause.LackOfSkills, PovertyCause.PoorTransport];

    /// <summary>
    /// The households of one village, registered and monitored, with their members and status history. Call it
    /// once the areas are saved: the village must carry its Id, TownshipId and CountyId, the groups their Ids.
    /// </summary>
    public static List<Household> Build(DemoCountyPlan plan, Village savedVillage, IReadOnlyList<VillageGroup> savedGroups)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(savedGroups);
        DemoAreas.RequireSaved(savedVillage);
        if (savedGroups.Count == 0 || savedGroups.Any(g => g.Id == 0))
        {
            throw new ArgumentException("The village's groups must be saved (have Ids) before its households are built.", nameof(savedGroups));
        }

        var (townshipPlan, villagePlan, villageIndex) = plan.Locate(savedVillage.AdminCode);
        var registry = villagePlan.Registry;
        var random = DemoRandom.ForHouseholds(villagePlan.AdminCode);
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

        var drafts = DemoHouseholdPlanner.PlanRegisteredHouseholds(registry, random);
        drafts.AddRange(DemoHouseholdPlanner.PlanMonitoredHouseholds(registry, random));
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

    private static Household BuildHousehold(HouseholdDraft draft, string number, VillageContext context)
    {
        var random = context.Random;
        var village = context.Village;
        var group = context.Groups[draft.GroupIndex];
        var cohort = draft.Cohort;
        var identificationYear = cohort is null ? (int?)null : IdentificationYear(cohort.LatestIdentificationYear, random);

        var entry = new HouseholdEntry
        {
            VillageGroupId = group.Id,
            HouseholdNumber = number,
            Address = context.AddressPrefix + group.Name + draft.Hamlet,
            Phone = DemoRandom.Phone(random),
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
            MonitoringIdentifiedOn = draft.MonitoringIdentifiedOn?.ToDateTime(TimeOnly.MinValue),
            RiskEliminatedOn = draft.RiskEliminatedOn?.ToDateTime(TimeOnly.MinValue),
        };
        entry.Normalize();
        // The area first: status steps and members take it from the household.
        var household = new Household
        {
            HouseholdNumber = entry.HouseholdNumber, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
        };
        entry.ApplyTo(household);
        if (cohort is not null && identificationYear is { } year)
        {
            AddHistory(household, cohort, year, context.Plan.Registry.AsOf, random);
        }

        var people = DemoMembers.Compose(draft, context.Names.VillageSurname(), context);
        DemoMembers.AssignHealth(people, draft.PrimaryCause, random);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            DemoMembers.AddMember(household, person, taken, context);
        }
        return household;
    }

    private static int IdentificationYear(int latest, Random random)
    {
        var roll = random.Next(100);
        var year = roll < 75 ? Cohort.FirstIdentificationYear : roll < 90 ? Cohort.FirstIdentificationYear + 1 : Cohort.LastIdentificationYear;
        return Math.Clamp(year, Cohort.FirstIdentificationYear, Math.Max(Cohort.FirstIdentificationYear, latest));
    }

    private static PovertyCause SecondaryCause(PovertyCause? primary, Random random)
    {
        var choices = SecondaryCauses.Where(c => c != primary).ToArray();
        return choices[random.Next(choices.Length)];
    }

    private static void AddHistory(Household household, Cohort cohort, int identificationYear, DateOnly asOf, Random random)
    {
        // The 2014 campaign ran from April to October; later additions came with the spring adjustments.
        var identifiedOn = identificationYear == Cohort.FirstIdentificationYear
            ? new DateOnly(identificationYear, 4, 1).AddDays(random.Next(200))
            : new DateOnly(identificationYear, 3, 1).AddDays(random.Next(120));
        household.AddStatusStep(HouseholdStatus.Identified, identifiedOn, identificationYear, null);
        if (cohort.ExitYear is { } exitYear)
        {
            // Exits are confirmed in the year-end assessment.
            household.AddStatusStep(HouseholdStatus.Exited, Earliest(new DateOnly(exitYear, 11, 1).AddDays(random.Next(55)), asOf), exitYear, null);
        }
        if (cohort.ReturnYear is { } returnYear)
        {
            household.AddStatusStep(HouseholdStatus.Returned, Earliest(new DateOnly(returnYear, 3, 1).AddDays(random.Next(180)), asOf), returnYear, null);
        }
        if (cohort.RemovedYear is { } removedYear)
        {
            household.AddStatusStep(HouseholdStatus.Removed, Earliest(new DateOnly(removedYear, 4, 1).AddDays(random.Next(150)), asOf), removedYear, cohort.Reason);
        }
    }

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;
}
