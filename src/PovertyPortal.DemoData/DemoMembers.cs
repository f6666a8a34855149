using PovertyPortal.Domain.Households;

namespace PovertyPortal.DemoData;

/// <summary>
/// The people of a demo household: who lives in it (ages and relationships that fit together), their health as the
/// household's cause implies, and each member's schooling, labour, migrant work and insurance, written through the
/// member rules (<see cref="MemberEntry"/>) as the form and the import write them.
/// </summary>
internal static class DemoMembers
{
    private static readonly string[] MigrantWorkPlaces =
        ["武汉市", "广东省深圳市", "广东省东莞市", "浙江省宁波市", "浙江省义乌市", "上海市", "江苏省苏州市"];

    /// <summary>Who lives in the household: ages and relationships that fit together, the students 因学 implies.</summary>
    public static List<PersonDraft> Compose(HouseholdDraft draft, string headSurname, VillageContext context)
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
    public static void AssignHealth(List<PersonDraft> people, PovertyCause? cause, Random random)
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

    /// <summary>Adds a member to <paramref name="household"/>, which must carry its area ids: the member takes them.</summary>
    public static void AddMember(Household household, PersonDraft person, HashSet<string> taken, VillageContext context)
    {
        var random = context.Random;
        var birthDate = context.Plan.Registry.AsOf.AddYears(-person.Age).AddDays(-random.Next(365));
        var residentId = context.Ids.Next(birthDate, person.Gender, random).Value;
        var (schooling, education) = Schooling(person, birthDate.Year, random);
        var inSchool = schooling is not (SchoolingStatus.NotInSchool or SchoolingStatus.DroppedOut);
        var labour = Labour(person, inSchool, random);
        var migrant = labour is LabourAbility.Ordinary or LabourAbility.Skilled && person.Age <= 55 && random.Next(100) < 45;
        var insured = random.Next(100) < 97;

        var entry = new MemberEntry
        {
            Name = context.Names.Name(person.Surname, person.Gender, taken),
            ResidentId = residentId,
            Relationship = person.Relationship,
            Gender = person.Gender,
            BirthDate = birthDate.ToDateTime(TimeOnly.MinValue),
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
        };
        entry.Normalize();
        entry.NewMemberOf(household);
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
}
