using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.WorkTeams;
using Xunit;

namespace PovertyPortal.Tests.Seeding;

public sealed class DemoCountyTests
{
    /// <summary>栗子湾村, the village of 范文第1篇.</summary>
    private const string SeedVillageCode = "421129101201";

    /// <summary>
    /// 范文第1篇's exits (2014 2/8, 2015 9/30, 2016 26/98, 2017 7/29, 2018 74/159) add up to 118 households and
    /// 324 people against 112 / 310 registered; the plan cuts 2018 to 67 / 142 so that exits plus the one
    /// remaining household of three make 112 / 310.
    /// </summary>
    private static readonly (int Year, int Households, int People)[] AdjustedExits =
        [(2014, 2, 8), (2015, 9, 30), (2016, 26, 98), (2017, 7, 29), (2018, 67, 142)];

    /// <summary>Names printed in the seed documents; the demo must never hand them out.</summary>
    private static readonly HashSet<string> SeedTextNames = new(StringComparer.Ordinal)
    {
        "郭小村", "何卫星", "张略", "何家武", "刘银平", "刘小仪", "刘向阳", "刘林志", "刘启胜", "刘袖珍", "刘海明",
        "刘水波", "刘华", "刘善阳", "刘守伍", "何沂",
    };

    private static readonly WorkTeamRole[] SecondTeamRoles =
        [WorkTeamRole.FirstSecretary, WorkTeamRole.TeamLeader, WorkTeamRole.TeamMember, WorkTeamRole.TeamMember];

    [Fact]
    public void Plan_has_at_least_two_townships_and_six_villages()
    {
        var county = BuiltDemoCounty.Shared.County;

        Assert.True(county.Townships.Count >= 2);
        Assert.True(county.Townships.Sum(t => t.Villages.Count) >= 6);
        Assert.Equal("421129000000", county.AdminCode);
        Assert.All(county.Townships.SelectMany(t => t.Villages), v =>
        {
            Assert.Equal(12, v.AdminCode.Length);
            Assert.StartsWith("421129", v.AdminCode, StringComparison.Ordinal);
            Assert.NotEmpty(v.Groups);
            Assert.NotEmpty(v.Profiles);
        });
    }

    [Fact]
    public void Seed_village_profile_reproduces_the_report()
    {
        var village = SeedVillage(BuiltDemoCounty.Shared);
        var profile = Assert.Single(village.Profiles);

        Assert.True(village.IsPovertyVillage);
        Assert.Equal(10, village.Groups.Count);
        Assert.Equal(18, village.Hamlets.Count);
        Assert.Equal(2018, profile.Year);
        Assert.Equal(6m, profile.AreaSquareKm);
        Assert.Equal(2500m, profile.ForestMu);
        Assert.Equal(805m, profile.ArableMu);
        Assert.Equal(650m, profile.PaddyMu);
        Assert.Equal(10, profile.GroupCount);
        Assert.Equal(18, profile.HamletCount);
        Assert.Equal(393, profile.HouseholdCount);
        Assert.Equal(1488, profile.Population);
        Assert.Equal(32, profile.PartyMembers);
        Assert.Equal(3, profile.BranchCommitteeMembers);
        Assert.Equal(2, profile.PartyGroups);
        Assert.Equal(6, profile.PublicWelfarePosts);
        Assert.Equal(15, profile.LeftBehindChildren);
        Assert.Equal(14, profile.LeftBehindElderly);
        Assert.Equal(10, profile.LeftBehindWomen);
        Assert.Equal(["花生", "板栗", "油茶", "中药材", "光伏"], profile.LeadingIndustries);
        Assert.Equal(["光伏", "水库出租", "山林出租"], profile.CollectiveIncomeSources);
        Assert.Equal(60000m, profile.CollectiveIncome);
        Assert.True(profile.MeetsCollectiveIncomeIndicator);
    }

    [Fact]
    public void Seed_village_register_matches_the_report()
    {
        var registered = SeedVillageHouseholds(BuiltDemoCounty.Shared).Where(h => h.Category is not null).ToList();

        Assert.Equal(112, registered.Count);
        Assert.Equal(310, registered.Sum(h => h.Members.Count));
        AssertCategory(registered, PovertyCategory.Tekun, 22, 22);
        AssertCategory(registered, PovertyCategory.Dibao, 37, 89);
        AssertCategory(registered, PovertyCategory.General, 53, 199);
    }

    [Fact]
    public void Seed_village_causes_match_the_report()
    {
        var registered = SeedVillageHouseholds(BuiltDemoCounty.Shared).Where(h => h.Category is not null).ToList();

        Assert.Equal(14, registered.Count(h => h.PrimaryCause == PovertyCause.Illness));
        Assert.Equal(11, registered.Count(h => h.PrimaryCause == PovertyCause.Schooling));
        Assert.Equal(33, registered.Count(h => h.PrimaryCause == PovertyCause.Disability));
        Assert.All(registered, h => Assert.NotNull(h.PrimaryCause));
    }

    [Fact]
    public void Causes_show_in_the_members()
    {
        var households = BuiltDemoCounty.Shared.Households;

        Assert.All(households.Where(h => h.PrimaryCause == PovertyCause.Schooling), h =>
            Assert.Contains(h.Members, m => m.SchoolingStatus is SchoolingStatus.SeniorHigh or SchoolingStatus.Vocational or SchoolingStatus.College));
        Assert.All(households.Where(h => h.PrimaryCause == PovertyCause.Disability), h =>
            Assert.Contains(h.Members, m => m.Health == HealthStatus.Disabled && m.DisabilityGrade is >= 1 and <= 4));
        Assert.All(households.Where(h => h.PrimaryCause == PovertyCause.Illness), h =>
            Assert.Contains(h.Members, m => m.Health is HealthStatus.ChronicIllness or HealthStatus.SeriousIllness));
    }

    [Fact]
    public void Seed_village_relocations_match_the_report()
    {
        var relocated = SeedVillageHouseholds(BuiltDemoCounty.Shared).Where(h => h.IsRelocated).ToList();

        Assert.Equal(20, relocated.Count);
        Assert.Equal(25, relocated.Sum(h => h.Members.Count));
        Assert.All(relocated, h => Assert.False(string.IsNullOrEmpty(h.RelocationSite)));
    }

    [Fact]
    public void Seed_village_exits_follow_the_adjusted_plan()
    {
        var built = BuiltDemoCounty.Shared;
        var registry = built.Plan.Locate(SeedVillageCode).Village.Registry;
        var households = SeedVillageHouseholds(built).Where(h => h.Category is not null).ToList();

        Assert.Equal(AdjustedExits, registry.Exits.Select(e => (e.Year, e.Households, e.People)).ToArray());
        foreach (var (year, expectedHouseholds, expectedPeople) in AdjustedExits)
        {
            var exited = households.Where(h => h.Status == HouseholdStatus.Exited && h.ExitYear == year).ToList();
            Assert.Equal(expectedHouseholds, exited.Count);
            Assert.Equal(expectedPeople, exited.Sum(h => h.Members.Count));
        }

        var remaining = Assert.Single(households, h => h.Status == HouseholdStatus.Identified);
        Assert.Equal(3, remaining.Members.Count);
        Assert.Equal(112, AdjustedExits.Sum(e => e.Households) + 1);
        Assert.Equal(310, AdjustedExits.Sum(e => e.People) + 3);
        Assert.Equal(111, households.Count(h => h.Status == HouseholdStatus.Exited));
    }

    [Fact]
    public void Seed_village_has_the_two_work_teams_of_the_report()
    {
        var teams = BuiltDemoCounty.Shared.WorkTeams.Where(t => t.VillageId == SeedVillage(BuiltDemoCounty.Shared).Id).OrderBy(t => t.StartDate).ToList();

        Assert.Equal(2, teams.Count);
        Assert.Equal("石桥镇工商所", teams[0].DispatchingUnit);
        Assert.Equal(new DateOnly(2014, 1, 1), teams[0].StartDate);
        Assert.Equal(new DateOnly(2018, 3, 22), teams[0].EndDate);
        Assert.Equal("石桥镇食品药品监管所", teams[1].DispatchingUnit);
        Assert.Equal("青石县扶贫指挥部", teams[1].AppointedBy);
        Assert.Equal(new DateOnly(2018, 3, 23), teams[1].StartDate);
        Assert.Null(teams[1].EndDate);
        Assert.Equal(SecondTeamRoles, teams[1].Members.Select(m => m.Role).ToArray());
    }

    [Fact]
    public void Every_resident_id_is_valid_and_matches_birth_date_and_gender()
    {
        var members = BuiltDemoCounty.Shared.Households.SelectMany(h => h.Members).ToList();

        Assert.NotEmpty(members);
        Assert.All(members, m =>
        {
            Assert.True(ResidentId.TryParse(m.ResidentId, out var id, out var error), error);
            Assert.Equal(m.ResidentId, id.Value.Value);
            Assert.Equal("421129", id.Value.AreaCode);
            Assert.Equal(m.BirthDate, id.Value.BirthDate);
            Assert.Equal(m.Gender, id.Value.Gender);
            Assert.Equal(m.ResidentId[^4..], m.ResidentIdTail);
        });
    }

    [Fact]
    public void No_resident_id_or_household_number_repeats_in_the_county()
    {
        var households = BuiltDemoCounty.Shared.Households;
        var ids = households.SelectMany(h => h.Members).Select(m => m.ResidentId).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(households.Count, households.Select(h => h.HouseholdNumber).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_household_has_exactly_one_head()
    {
        Assert.All(BuiltDemoCounty.Shared.Households, h => Assert.Single(h.Members, m => m.Relationship == Relationship.Head));
    }

    [Fact]
    public void Households_members_and_status_steps_carry_the_ids_of_their_saved_village()
    {
        var built = BuiltDemoCounty.Shared;
        var villages = built.County.Townships.SelectMany(t => t.Villages).ToDictionary(v => v.Id);

        Assert.All(built.Households, h =>
        {
            var village = villages[h.VillageId];
            Assert.Equal(built.County.Id, h.CountyId);
            Assert.Equal(village.TownshipId, h.TownshipId);
            Assert.Contains(village.Groups, g => g.Id == h.VillageGroupId);
            Assert.StartsWith(village.AdminCode, h.HouseholdNumber, StringComparison.Ordinal);
            Assert.Matches("^1[3-9][0-9]{9}$", h.Phone ?? "");
            Assert.All(h.Members, m => Assert.Equal((h.CountyId, h.TownshipId, h.VillageId), (m.CountyId, m.TownshipId, m.VillageId)));
            Assert.All(h.StatusHistory, s => Assert.Equal((h.CountyId, h.TownshipId, h.VillageId), (s.CountyId, s.TownshipId, s.VillageId)));
        });
    }

    [Fact]
    public void Status_and_history_agree()
    {
        var households = BuiltDemoCounty.Shared.Households;

        Assert.All(households.Where(h => h.Category is not null), h =>
        {
            Assert.InRange(h.IdentificationYear ?? 0, 2014, 2016);
            var first = h.StatusHistory[0];
            Assert.Equal((HouseholdStatus.Identified, h.IdentificationYear ?? 0), (first.Status, first.Year));
            Assert.Equal(h.StatusHistory.OrderBy(s => s.EffectiveOn).Select(s => s.Status), h.StatusHistory.Select(s => s.Status));
            Assert.Equal(h.Status, h.StatusHistory[^1].Status);
            if (h.Status == HouseholdStatus.Exited)
            {
                Assert.NotNull(h.ExitYear);
                Assert.True(h.IdentificationYear <= h.ExitYear);
                Assert.Contains(h.StatusHistory, s => s.Status == HouseholdStatus.Exited && s.Year == h.ExitYear);
            }
            else
            {
                Assert.Null(h.ExitYear);
            }
            if (h.Status == HouseholdStatus.Removed)
            {
                Assert.False(string.IsNullOrEmpty(h.StatusHistory[^1].Reason));
            }
        });
    }

    [Fact]
    public void Some_monitored_households_were_never_registered()
    {
        var households = BuiltDemoCounty.Shared.Households;
        var outside = households.Where(h => h.Status == HouseholdStatus.NotRegistered).ToList();

        Assert.NotEmpty(outside);
        Assert.All(outside, h =>
        {
            Assert.Null(h.Category);
            Assert.Null(h.IdentificationYear);
            Assert.NotNull(h.MonitoringType);
            Assert.NotNull(h.MonitoringIdentifiedOn);
            Assert.Empty(h.StatusHistory);
        });
        Assert.Contains(households, h => h.MonitoringType == MonitoringType.UnstableExited && h.Status == HouseholdStatus.Exited);
        Assert.DoesNotContain(SeedVillageHouseholds(BuiltDemoCounty.Shared), h => h.MonitoringType is not null);
    }

    [Fact]
    public void Names_are_synthetic_and_the_seed_village_is_mostly_Liu()
    {
        var built = BuiltDemoCounty.Shared;
        var names = built.Households.SelectMany(h => h.Members).Select(m => m.Name)
            .Concat(built.WorkTeams.SelectMany(t => t.Members).Select(m => m.Name));

        Assert.DoesNotContain(names, name => SeedTextNames.Contains(name));
        var heads = SeedVillageHouseholds(built).Select(h => h.Members.Single(m => m.Relationship == Relationship.Head));
        Assert.True(heads.Count(m => m.Name.StartsWith('刘')) >= 20);
    }

    [Fact]
    public void Building_twice_gives_the_same_people()
    {
        static List<string> Fingerprint(BuiltDemoCounty built) =>
        [
            .. built.Households.SelectMany(h => h.Members.Select(m => $"{h.HouseholdNumber} {m.Name} {m.ResidentId} {m.Relationship}")),
            .. built.WorkTeams.SelectMany(t => t.Members.Select(m => $"{t.DispatchingUnit} {m.Name} {m.Phone}")),
        ];

        Assert.Equal(Fingerprint(BuiltDemoCounty.Build()), Fingerprint(BuiltDemoCounty.Build()));
    }

    private static void AssertCategory(List<Household> households, PovertyCategory category, int expectedHouseholds, int expectedPeople)
    {
        var inCategory = households.Where(h => h.Category == category).ToList();
        Assert.Equal(expectedHouseholds, inCategory.Count);
        Assert.Equal(expectedPeople, inCategory.Sum(h => h.Members.Count));
    }

    private static Village SeedVillage(BuiltDemoCounty built) =>
        built.County.Townships.SelectMany(t => t.Villages).Single(v => v.AdminCode == SeedVillageCode);

    private static IEnumerable<Household> SeedVillageHouseholds(BuiltDemoCounty built)
    {
        var villageId = SeedVillage(built).Id;
        return built.Households.Where(h => h.VillageId == villageId);
    }
}
