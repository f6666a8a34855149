using System.Globalization;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.DemoData;

/// <summary>
/// A county of any size for load tests and benchmarks (`-- generate-county`): townships, about 15 villages each,
/// village groups, and households with members (≈3.7 a household) and status history in a realistic mix of
/// categories, causes, statuses, exit years and monitoring types. Unlike the demo county it follows no figures,
/// only proportions. Deterministic for a given seed: each village draws from its own <see cref="Random"/>.
/// Names are synthetic; ID numbers are valid (GB 11643 checksum) and unique, under the county's own area code.
/// Households and members are written through the register's rules (<see cref="HouseholdEntry"/>,
/// <see cref="MemberEntry"/>), as the form and the import write them.
/// </summary>
public sealed class SyntheticCounty
{
    public const int VillagesPerTownship = 15;

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈",
    ];

    private static readonly string[] PlaceCharacters =
    [
        "青", "石", "桥", "河", "山", "岭", "坪", "溪", "湾", "口", "坡", "田", "林", "塘", "沟", "峪", "岗", "埠", "滩", "冲",
        "龙", "凤", "松", "柏", "竹", "桃", "李", "杨", "新", "红", "白", "黄", "长", "高", "平", "安", "丰", "永", "太", "和",
    ];

    private static readonly string[] Numerals = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    private static readonly (PovertyCause Cause, int Weight)[] Causes =
    [
        (PovertyCause.Illness, 34), (PovertyCause.Disability, 12), (PovertyCause.Schooling, 8), (PovertyCause.Disaster, 3),
        (PovertyCause.LackOfLand, 3), (PovertyCause.LackOfWater, 2), (PovertyCause.LackOfSkills, 12), (PovertyCause.LackOfLabour, 10),
        (PovertyCause.LackOfCapital, 10), (PovertyCause.PoorTransport, 3), (PovertyCause.LackOfDrive, 3),
    ];

    private static readonly (int Year, int Weight)[] ExitYears =
        [(2014, 6), (2015, 10), (2016, 18), (2017, 20), (2018, 22), (2019, 18), (2020, 6)];

    /// <summary>Sizes 1–7 with a mean of about 3.8; 特困供养 households have one or two people.</summary>
    private static readonly int[] SizeWeights = [0, 7, 13, 20, 25, 19, 11, 5];

    private static readonly DateOnly AsOf = new(2021, 6, 30);

    private readonly int households;
    private readonly int townships;
    private readonly int seed;
    private readonly Dictionary<int, int> nextSequence = [];
    private string areaCode = "";

    public SyntheticCounty(int households, int townships, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(households, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(townships, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(townships, 899);
        this.households = households;
        this.townships = townships;
        this.seed = seed;
    }

    /// <summary>The county with its townships, villages and groups (every Id 0); <paramref name="adminCode"/> ends in six zeros.</summary>
    public County BuildAreas(string adminCode, string name)
    {
        areaCode = adminCode[..6];
        var random = new Random(seed);
        var county = new County { AdminCode = adminCode, Name = name, Province = "湖北省" };
        var townshipNames = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < townships; t++)
        {
            var townshipCode = areaCode + (100 + t).ToString("D3", CultureInfo.InvariantCulture);
            var township = new Township { County = county, AdminCode = townshipCode + "000", Name = UniquePlace(random, townshipNames, random.Next(100) < 60 ? "镇" : "乡") };
            var villageNames = new HashSet<string>(StringComparer.Ordinal);
            for (var v = 0; v < VillagesPerTownship; v++)
            {
                var village = new Village
                {
                    County = county,
                    AdminCode = townshipCode + (200 + v).ToString("D3", CultureInfo.InvariantCulture),
                    Name = UniquePlace(random, villageNames, "村"),
                    IsPovertyVillage = random.Next(100) < 30,
                };
                village.PovertyExitYear = village.IsPovertyVillage ? 2016 + random.Next(4) : null;
                var groups = random.Next(5, 13);
                for (var g = 1; g <= groups; g++)
                {
                    village.Groups.Add(new VillageGroup { Name = DemoAreas.GroupName(g), SortOrder = g });
                }
                township.Villages.Add(village);
            }
            county.Townships.Add(township);
        }
        return county;
    }

    /// <summary>How many households each village gets, in village order: the total split with ±20 % variation.</summary>
    public int[] HouseholdsPerVillage(int villageCount)
    {
        var random = new Random(seed ^ 0x5eed);
        var weights = Enumerable.Range(0, villageCount).Select(_ => 0.8 + (random.NextDouble() * 0.4)).ToArray();
        var total = weights.Sum();
        var counts = weights.Select(w => (int)(households * w / total)).ToArray();
        for (var i = 0; counts.Sum() < households; i = (i + 1) % villageCount) counts[i]++;
        return counts;
    }

    /// <summary>
    /// The households of one saved village (it must carry its Id, TownshipId and CountyId, the groups their Ids),
    /// with their members and status history.
    /// </summary>
    public IEnumerable<Household> BuildHouseholds(Village village, IReadOnlyList<VillageGroup> groups, int villageIndex, int count)
    {
        var random = new Random(unchecked((seed * 1_000_003) + villageIndex));
        var digits = Math.Max(4, count.ToString(CultureInfo.InvariantCulture).Length);
        var addressPrefix = village.Name;
        var surnames = Surnames.OrderBy(_ => random.Next()).Take(8).ToArray();
        for (var i = 1; i <= count; i++)
        {
            var group = groups[Math.Min(groups.Count - 1, (i - 1) * groups.Count / count)];
            var household = NewHousehold(random, village, group, village.AdminCode + i.ToString("D" + digits, CultureInfo.InvariantCulture), addressPrefix);
            var size = household.Category == PovertyCategory.Tekun ? random.Next(1, 3) : Weighted(random, SizeWeights);
            AddMembers(household, size, surnames, random);
            yield return household;
        }
    }

    private static Household NewHousehold(Random random, Village village, VillageGroup group, string number, string addressPrefix)
    {
        // The area first: status steps and members take it from the household.
        var household = new Household { HouseholdNumber = number, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id };
        var entry = new HouseholdEntry
        {
            VillageGroupId = group.Id,
            HouseholdNumber = number,
            Address = addressPrefix + group.Name,
            Phone = string.Create(CultureInfo.InvariantCulture, $"13{random.Next(10)}{random.Next(100_000_000):D8}"),
        };
        var roll = random.Next(1000);
        if (roll < 100)
        {
            // 边缘易致贫户 and 突发严重困难户: monitored, never registered.
            entry.Status = HouseholdStatus.NotRegistered;
            entry.MonitoringType = roll < 70 ? MonitoringType.Marginal : MonitoringType.SuddenHardship;
            entry.PrimaryCause = Cause(random);
            var identifiedOn = new DateOnly(2020 + random.Next(2), 1 + random.Next(12), 1 + random.Next(28));
            entry.MonitoringIdentifiedOn = identifiedOn.ToDateTime(TimeOnly.MinValue);
            entry.RiskEliminatedOn = random.Next(100) < 40 ? identifiedOn.AddMonths(6 + random.Next(6)).ToDateTime(TimeOnly.MinValue) : null;
        }
        else
        {
            Register(entry, household, random);
        }
        entry.Normalize();
        entry.ApplyTo(household);
        return household;
    }

    /// <summary>A registered household's category, causes, years and status, with the steps of its history.</summary>
    private static void Register(HouseholdEntry entry, Household household, Random random)
    {
        var categoryRoll = random.Next(100);
        entry.Category = categoryRoll < 70 ? PovertyCategory.General : categoryRoll < 92 ? PovertyCategory.Dibao : PovertyCategory.Tekun;
        entry.PrimaryCause = Cause(random);
        entry.SecondaryCause = random.Next(100) < 30 ? Cause(random) : null;
        if (entry.SecondaryCause == entry.PrimaryCause) entry.SecondaryCause = null;
        var identified = 2014 + (random.Next(100) < 75 ? 0 : random.Next(1, 3));
        entry.IdentificationYear = identified;
        entry.IsRelocated = random.Next(100) < 8;
        entry.RelocationSite = entry.IsRelocated ? "集中安置点" + Numerals[1 + random.Next(9)] + "区" : null;

        var statusRoll = random.Next(1000);
        entry.Status = statusRoll switch
        {
            < 820 => HouseholdStatus.Exited,
            < 880 => HouseholdStatus.Identified,
            < 900 => HouseholdStatus.Returned,
            _ => HouseholdStatus.Removed,
        };
        household.AddStatusStep(HouseholdStatus.Identified, NotAfterAsOf(new DateOnly(identified, 4, 1).AddDays(random.Next(200))), identified, null);
        switch (entry.Status)
        {
            case HouseholdStatus.Exited:
            case HouseholdStatus.Returned:
                var exit = Math.Max(identified, Weighted(random, ExitYears));
                household.AddStatusStep(HouseholdStatus.Exited, NotAfterAsOf(new DateOnly(exit, 11, 1).AddDays(random.Next(55))), exit, null);
                if (entry.Status == HouseholdStatus.Exited)
                {
                    entry.ExitYear = exit;
                    if (exit < 2020 && random.Next(100) < 4)
                    {
                        entry.MonitoringType = MonitoringType.UnstableExited;
                        entry.MonitoringIdentifiedOn = new DateOnly(2020, 7, 1).ToDateTime(TimeOnly.MinValue);
                        entry.RiskEliminatedOn = random.Next(100) < 50 ? new DateOnly(2021, 3, 1).ToDateTime(TimeOnly.MinValue) : null;
                    }
                }
                else
                {
                    var back = Math.Min(2020, exit + 1 + random.Next(2));
                    household.AddStatusStep(HouseholdStatus.Returned, NotAfterAsOf(new DateOnly(back, 3, 1).AddDays(random.Next(180))), back, null);
                }
                break;
            case HouseholdStatus.Removed:
                var removed = identified + 1 + random.Next(3);
                household.AddStatusStep(HouseholdStatus.Removed, NotAfterAsOf(new DateOnly(removed, 4, 1).AddDays(random.Next(150))), removed,
                    random.Next(100) < 60 ? "识别不精准，家庭收入超标" : "家中有财政供养人员");
                break;
        }
    }

    /// <summary>No step of the history is dated after the register's date.</summary>
    private static DateOnly NotAfterAsOf(DateOnly on) => on < AsOf ? on : AsOf;

    /// <summary>Head, spouse, children and parents with ages that fit together.</summary>
    private void AddMembers(Household household, int size, string[] surnames, Random random)
    {
        var surname = surnames[random.Next(surnames.Length)];
        var headAge = size == 1 ? random.Next(50, 88) : random.Next(30, 75);
        var headGender = random.Next(100) < 85 ? Gender.Male : Gender.Female;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        Add(Relationship.Head, headGender, headAge, surname);
        var left = size - 1;
        if (left > 0)
        {
            Add(Relationship.Spouse, headGender == Gender.Male ? Gender.Female : Gender.Male, Math.Max(20, headAge + random.Next(-4, 5)),
                Surnames[random.Next(Surnames.Length)]);
            left--;
        }
        if (left > 0 && headAge < 60 && random.Next(100) < 40)
        {
            Add(Relationship.Father, Gender.Male, Math.Min(96, headAge + random.Next(22, 31)), surname);
            left--;
        }
        for (; left > 0; left--)
        {
            var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;
            var age = headAge >= 56 && random.Next(100) < 50
                ? random.Next(0, 15)
                : Math.Max(0, headAge - random.Next(20, 36));
            var relationship = headAge >= 56 && age < 15
                ? gender == Gender.Male ? Relationship.Grandson : Relationship.Granddaughter
                : gender == Gender.Male ? Relationship.Son : Relationship.Daughter;
            Add(relationship, gender, age, surname);
        }

        void Add(Relationship relationship, Gender gender, int age, string memberSurname)
        {
            var birthDate = AsOf.AddYears(-age).AddDays(-random.Next(365));
            var residentId = NextResidentId(ref birthDate, gender);
            var health = age >= 60 && random.Next(100) < 25 ? HealthStatus.ChronicIllness
                : household.PrimaryCause == PovertyCause.Disability && relationship == Relationship.Head ? HealthStatus.Disabled
                : household.PrimaryCause == PovertyCause.Illness && relationship == Relationship.Head ? HealthStatus.SeriousIllness
                : HealthStatus.Healthy;
            var entry = new MemberEntry
            {
                Name = Name(memberSurname, gender, random, taken),
                ResidentId = residentId,
                Relationship = relationship,
                Gender = gender,
                BirthDate = birthDate.ToDateTime(TimeOnly.MinValue),
                EducationLevel = age < 6 ? "学龄前" : age < 30 ? "初中" : "小学",
                SchoolingStatus = age switch { < 3 => SchoolingStatus.NotInSchool, < 6 => SchoolingStatus.Preschool, < 12 => SchoolingStatus.Primary, < 15 => SchoolingStatus.JuniorHigh, < 18 => SchoolingStatus.SeniorHigh, _ => SchoolingStatus.NotInSchool },
                Health = health,
                DisabilityGrade = health == HealthStatus.Disabled ? 1 + random.Next(4) : null,
                LabourAbility = age is < 16 or >= 65 ? LabourAbility.None : health == HealthStatus.Healthy ? LabourAbility.Ordinary : LabourAbility.WeakOrPartial,
                HasBasicMedicalInsurance = true,
                HasSeriousIllnessInsurance = true,
                HasPensionInsurance = age >= 16,
            };
            entry.Normalize();
            entry.NewMemberOf(household);
        }
    }

    /// <summary>
    /// A unique ID under the county's area code: sequence numbers are handed out per birth date, odd for men and
    /// even for women, spread over the whole range; when a date's 499 numbers of a gender are used up the birth date moves a day earlier.
    /// </summary>
    private string NextResidentId(ref DateOnly birthDate, Gender gender)
    {
        while (true)
        {
            var key = (birthDate.DayNumber * 2) + (gender == Gender.Male ? 1 : 0);
            var used = nextSequence.GetValueOrDefault(key);
            if (used < 499)
            {
                nextSequence[key] = used + 1;
                // Real sequence numbers spread over 001–999 (their first digits name the police station), so the
                // last four digits are spread too: step through the 499 slots of the date by a stride coprime to 499.
                var slot = ((used * 211) + key) % 499;
                var sequence = (slot * 2) + (gender == Gender.Male ? 1 : 2);
                return ResidentId.Create(areaCode, birthDate, sequence, gender).Value;
            }
            birthDate = birthDate.AddDays(-1);
        }
    }

    private static string Name(string surname, Gender gender, Random random, HashSet<string> taken)
    {
        var characters = gender == Gender.Male ? SyntheticNames.MaleCharacters : SyntheticNames.FemaleCharacters;
        while (true)
        {
            var given = random.Next(100) < 30
                ? characters[random.Next(characters.Count)]
                : characters[random.Next(characters.Count)] + characters[random.Next(characters.Count)];
            if (taken.Add(surname + given)) return surname + given;
        }
    }

    private static PovertyCause Cause(Random random) => Causes[Weighted(random, Causes.Select(c => c.Weight).ToArray())].Cause;

    private static int Weighted(Random random, (int Year, int Weight)[] choices) =>
        choices[Weighted(random, choices.Select(c => c.Weight).ToArray())].Year;

    private static int Weighted(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return weights.Length - 1;
    }

    private static string UniquePlace(Random random, HashSet<string> taken, string suffix)
    {
        while (true)
        {
            var name = PlaceCharacters[random.Next(PlaceCharacters.Length)] + PlaceCharacters[random.Next(PlaceCharacters.Length)] + suffix;
            if (taken.Add(name)) return name;
        }
    }
}
