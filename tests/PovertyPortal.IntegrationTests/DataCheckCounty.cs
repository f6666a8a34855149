using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Microloans;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// A county of its own for the data-check tests, built straight into the database: one township, two villages, and
/// households written as each test needs them. Every household starts clean of every rule (registered, one insured
/// adult head, a cause, an address, a phone, the year's income above the line) and a test changes only what its rule
/// looks at. Subjects are returned as the keys the findings carry.
/// </summary>
public sealed class DataCheckCounty
{
    private static int sequence;
    private readonly PortalDbContext db;
    private readonly string areaCode;
    private readonly Dictionary<string, int> programs;

    private DataCheckCounty(PortalDbContext db, string areaCode, County county, Township township, Village village, Village otherVillage,
        int year, decimal line, Dictionary<string, int> programs)
    {
        (this.db, this.areaCode, County, Township, Village, OtherVillage, Year, Line, this.programs) =
            (db, areaCode, county, township, village, otherVillage, year, line, programs);
    }

    public County County { get; }
    public Township Township { get; }
    public Village Village { get; }
    public Village OtherVillage { get; }

    /// <summary>The year the rules judge, as RunDataChecks picks it: the latest with a poverty line.</summary>
    public int Year { get; }
    public decimal Line { get; }
    public static DateOnly Today => PortalYears.Today(TimeProvider.System);

    /// <summary>A new county with the given 6-digit code (unique per test class), in the demo county's province.</summary>
    public static async Task<DataCheckCounty> CreateAsync(PortalDbContext db, string areaCode, string name)
    {
        var province = await db.Counties.OrderBy(c => c.Id).Select(c => c.Province).FirstAsync();
        var year = await db.PovertyLines.Where(l => l.Year <= Today.Year).MaxAsync(l => l.Year);
        var line = (await db.PovertyLines.Where(l => l.Year == year && (l.Province == province || l.Province == PovertyLine.Nationwide))
            .OrderBy(l => l.Province == province ? 0 : 1).FirstAsync()).Amount;
        var county = new County { AdminCode = areaCode + "000000", Name = name, Province = province };
        db.Counties.Add(county);
        await db.SaveChangesAsync();
        var township = new Township { CountyId = county.Id, AdminCode = areaCode + "001000", Name = name + "甲镇" };
        db.Townships.Add(township);
        await db.SaveChangesAsync();
        var village = new Village
        {
            CountyId = county.Id, TownshipId = township.Id, AdminCode = areaCode + "001001", Name = name + "一村",
            IsPovertyVillage = true, PovertyExitYear = year - 1,
        };
        var other = new Village
        {
            CountyId = county.Id, TownshipId = township.Id, AdminCode = areaCode + "001002", Name = name + "二村",
            IsPovertyVillage = true, PovertyExitYear = year - 1,
        };
        db.Villages.AddRange(village, other);
        await db.SaveChangesAsync();
        // Both villages meet the collective-income indicator unless a test says otherwise.
        foreach (var v in new[] { village, other }) db.CollectiveIncomeEntries.Add(Income(v, 60_000m));
        await db.SaveChangesAsync();
        var programs = await db.BenefitPrograms.ToDictionaryAsync(p => p.Code, p => p.Id);
        return new DataCheckCounty(db, areaCode, county, township, village, other, year, line, programs);

        CollectiveIncomeEntry Income(Village v, decimal amount) => new()
        {
            CountyId = county.Id, TownshipId = township.Id, VillageId = v.Id, Year = year, Source = "村集体经营收入", Amount = amount,
            IsStableOperating = true,
        };
    }

    public static string Key(Household h) => DataCheckLabels.KeyOf(DataCheckTarget.Household, h.Id);

    public static string Key(Member m) => DataCheckLabels.KeyOf(DataCheckTarget.Member, m.Id);

    /// <summary>
    /// A registered household, clean of every rule, with its head and the year's income, saved at once so that rows
    /// pointing at it can be added; <paramref name="change"/> makes it what the test needs before it is saved.
    /// </summary>
    public Household Household(Action<Household>? change = null, Village? village = null)
    {
        village ??= Village;
        var n = Interlocked.Increment(ref sequence);
        var household = new Household
        {
            CountyId = County.Id, TownshipId = Township.Id, VillageId = village.Id, HouseholdNumber = $"{areaCode}{n:000000}",
            Address = "一组 1 号", Phone = "13900000000", Category = PovertyCategory.General, PrimaryCause = PovertyCause.Illness,
            IdentificationYear = 2016, Status = HouseholdStatus.Identified,
        };
        household.Members.Add(NewMember(household, "户主" + n, Relationship.Head, Gender.Male, new DateOnly(1970, 1, 1).AddDays(n)));
        household.StatusHistory.Add(new HouseholdStatusChange
        {
            CountyId = County.Id, TownshipId = Township.Id, VillageId = village.Id, Status = HouseholdStatus.Identified,
            EffectiveOn = new DateOnly(2016, 1, 1), Year = 2016,
        });
        change?.Invoke(household);
        db.Households.Add(household);
        db.SaveChanges();
        var income = new IncomeRecord
        {
            CountyId = household.CountyId, TownshipId = household.TownshipId, VillageId = household.VillageId, HouseholdId = household.Id, Year = Year,
        };
        SetPerCapita(income, Line + 3000m);
        incomes[household] = income;
        tallied.Add(income);
        return household;
    }

    private readonly Dictionary<Household, IncomeRecord> incomes = [];

    /// <summary>
    /// Income, benefit and assurance rows wait for <see cref="SaveAllAsync"/>: the dashboard tallies they feed are kept
    /// by an interceptor that works on asynchronous saves only, and households are saved synchronously as they are made.
    /// </summary>
    private readonly List<object> tallied = [];

    private static void SetPerCapita(IncomeRecord r, decimal perCapita) =>
        (r.WageIncome, r.AnnualNet, r.MeasuredNet, r.NetIncomePerCapita, r.MemberYears, r.MeasuredMonths) = (perCapita, perCapita, perCapita, perCapita, 1, 12);

    public Member Head(Household h) => h.Members[0];

    public Member AddMember(Household h, Relationship relationship, Gender gender, DateOnly birth, Action<Member>? change = null)
    {
        var member = NewMember(h, relationship.Label() + h.Members.Count, relationship, gender, birth);
        h.Members.Add(member);
        change?.Invoke(member);
        return member;
    }

    /// <summary>Born so as to be <paramref name="age"/> on 31 August of the school year under way.</summary>
    public static DateOnly AgedOnSchoolCutoff(int age)
    {
        var cutoff = new DateOnly(Today.Month >= 9 ? Today.Year : Today.Year - 1, 8, 31);
        return cutoff.AddYears(-age).AddMonths(-2);
    }

    private Member NewMember(Household h, string name, Relationship relationship, Gender gender, DateOnly birth)
    {
        var n = Interlocked.Increment(ref sequence);
        return new Member
        {
            CountyId = h.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId, Name = name,
            ResidentId = ResidentId.Create(areaCode, birth, n % 1000, gender).Value, Relationship = relationship, Gender = gender,
            BirthDate = birth, HasBasicMedicalInsurance = true, LabourAbility = LabourAbility.Ordinary,
        };
    }

    /// <summary>Sets the household's income of the year (replacing the clean one).</summary>
    public void SetIncome(Household h, decimal perCapita) => SetPerCapita(incomes[h], perCapita);

    public void RemoveIncome(Household h) => tallied.Remove(incomes[h]);

    public BenefitRecord Benefit(Household h, string programCode, int year, Member? member = null, DateOnly? paidOn = null)
    {
        if (member is { Id: 0 }) db.SaveChanges();
        var record = new BenefitRecord
        {
            CountyId = h.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId, ProgramId = programs[programCode], Year = year,
            Amount = 1000m, PaidOn = paidOn, HouseholdId = h.Id, MemberId = member?.Id,
        };
        tallied.Add(record);
        return record;
    }

    public AssuranceCheck Assurance(Household h, HousingGrade grade, params AssuranceItemKind[] unmet)
    {
        var check = new AssuranceCheck
        {
            CountyId = h.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId, HouseholdId = h.Id, Year = Year, HousingGrade = grade,
        };
        foreach (var kind in Enum.GetValues<AssuranceItemKind>())
        {
            check.Items.Add(new AssuranceItem { CountyId = h.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId, Kind = kind, Met = !unmet.Contains(kind) });
        }
        tallied.Add(check);
        return check;
    }

    public Microloan Loan(Household h, DateOnly due, decimal repaid)
    {
        var loan = new Microloan
        {
            CountyId = h.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId, Principal = 50_000m, Repaid = repaid,
            StartDate = due.AddYears(-3), DueDate = due, HouseholdId = h.Id,
        };
        db.Microloans.Add(loan);
        return loan;
    }

    public void Plan(Household h, int year)
    {
        var pairing = new Pairing
        {
            CountyId = h.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId, CadreName = "帮扶干部",
            CadreResidentId = ResidentId.Create("110101", new DateOnly(1980, 5, 5), 101, Gender.Male).Value, StartDate = new DateOnly(year, 1, 1), HouseholdId = h.Id,
        };
        pairing.Plans.Add(new AssistancePlan
        {
            CountyId = h.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId, Year = year, Measure = "安排公益性岗位", ResponsiblePerson = "帮扶干部",
        });
        db.Pairings.Add(pairing);
    }

    public void CollectiveIncome(Village village, decimal amount)
    {
        foreach (var entry in db.ChangeTracker.Entries<CollectiveIncomeEntry>().Where(e => e.Entity.VillageId == village.Id)) entry.Entity.Amount = amount;
    }

    /// <summary>A team member in the village since a year ago, with every day and night of the last four ended weeks but <paramref name="shortWeek"/> (1–4, 0 for none), which gets three days.</summary>
    public WorkTeamMember TeamMember(string name, int shortWeek)
    {
        var team = db.ChangeTracker.Entries<WorkTeam>().Select(e => e.Entity).FirstOrDefault(t => t.VillageId == Village.Id);
        if (team is null)
        {
            team = new WorkTeam { CountyId = County.Id, TownshipId = Township.Id, VillageId = Village.Id, DispatchingUnit = "县直单位", StartDate = Today.AddYears(-1) };
            db.WorkTeams.Add(team);
        }
        db.SaveChanges();
        var member = new WorkTeamMember { Name = name, Role = WorkTeamRole.TeamMember, StartDate = Today.AddYears(-1), WorkTeamId = team.Id };
        db.WorkTeamMembers.Add(member);
        db.SaveChanges();
        var lastWeek = ResidencyCompliance.WeekNumber(Today) - 1;
        for (var w = 1; w <= 4; w++)
        {
            var monday = ResidencyCompliance.MondayOfWeek(lastWeek - 4 + w);
            var days = w == shortWeek ? 3 : 7;
            for (var d = 0; d < days; d++)
            {
                var day = new AttendanceDay
                {
                    CountyId = County.Id, TownshipId = Township.Id, VillageId = Village.Id, Date = monday.AddDays(d), StayedNight = d < 6,
                    WorkTeamId = team.Id, WorkTeamMemberId = member.Id,
                };
                db.AttendanceDays.Add(day);
            }
        }
        return member;
    }

    /// <summary>Saves what is left: members added to saved households, and the rows that point at them.</summary>
    public async Task SaveAllAsync()
    {
        await db.SaveChangesAsync();
        db.AddRange(tallied);
        tallied.Clear();
        await db.SaveChangesAsync();
    }
}
