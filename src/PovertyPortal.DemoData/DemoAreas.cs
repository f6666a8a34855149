using PovertyPortal.Domain.Areas;

namespace PovertyPortal.DemoData;

/// <summary>The demo county's areas as <see cref="DemoCountyPlan"/> describes them, and what a saved village must carry.</summary>
public static class DemoAreas
{
    private static readonly string[] Numerals = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>
    /// The county with its townships, villages, groups (第一村民小组 …), hamlets and profiles; every Id is 0.
    /// <see cref="Village.CountyId"/> has no navigation, so it is also 0: set it from the saved county before the
    /// villages are saved.
    /// </summary>
    public static County Build(DemoCountyPlan plan)
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

    /// <summary>第一村民小组 … 第九十九村民小组, as villages name their groups; the synthetic county's too.</summary>
    internal static string GroupName(int number)
    {
        var tens = number / 10;
        var ones = number % 10;
        var numeral = tens == 0 ? Numerals[ones] : (tens == 1 ? "" : Numerals[tens]) + "十" + Numerals[ones];
        return "第" + numeral + "村民小组";
    }

    /// <summary>Households and work teams take the village's ids, so they are built only once the areas are saved.</summary>
    internal static void RequireSaved(Village village)
    {
        ArgumentNullException.ThrowIfNull(village);
        if (village.Id == 0 || village.TownshipId == 0 || village.CountyId == 0)
        {
            throw new ArgumentException("Save the areas first: the village needs its Id, TownshipId and CountyId.", nameof(village));
        }
    }

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
}
