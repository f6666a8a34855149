using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Microloans;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.DemoData;

/// <summary>
/// The demo village's incomes, benefits, microloans and assurance checks (issue 5). The benefits of 2018 are those of
/// 范文第1篇 三、政策落实情况, figure for figure (households, people, amounts, quantities); the households that get
/// them are picked from the seeded register in a fixed order, so the report's example heads are real seeded heads.
/// Where the text counts more households than the register has (生态补偿 "114户全覆盖"), every registered household
/// gets it. Incomes and checks are made up to show the pages. Idempotent: nothing happens once the village has
/// benefit records.
/// </summary>
public static class DemoHouseholdRecordsSeeder
{
    private const int Year = 2018;

    /// <summary>One program line of the report: who gets it and how much.</summary>
    /// <param name="People">Member-level records for this many people (each household at least one), or null for
    /// household-level records.</param>
    private sealed record Spec(string Program, int Year, int Households, int? People, decimal Amount, decimal? Quantity, string? Unit,
        string? Note, Func<SeedHousehold, bool>? Prefer = null, Func<SeedMember, bool>? PreferMember = null);

    private sealed record SeedMember(int Id, Relationship Relationship, DateOnly BirthDate, SchoolingStatus Schooling, LabourAbility Labour);

    private sealed record SeedHousehold(int Id, string Number, PovertyCategory? Category, bool IsRelocated, HouseholdStatus Status,
        int? ExitYear, IReadOnlyList<SeedMember> Members);

    private static bool InSchool(SeedMember m) => m.Schooling is not (SchoolingStatus.NotInSchool or SchoolingStatus.DroppedOut or SchoolingStatus.Preschool);

    // 社会保障兜底: "领取社会保障兜底资金共计92690元/年", split between 低保 and 五保 in proportion to their standards
    // (74 × 4,030 and 23 × 8,050), in whole 元.
    private const decimal SocialSecurityTotal = 92_690m;
    private static readonly decimal DibaoShare = Math.Round(SocialSecurityTotal * (74 * 4030m) / (74 * 4030m + 23 * 8050m), 0);

    private static readonly Spec[] Specs =
    [
        new("IndustrySubsidy", 2017, 54, null, 137_810m, null, null, "2016—2017年产业发展奖补资金（合计）", h => h.Category == PovertyCategory.General),
        new("IndustrySubsidy", Year, 12, null, 0m, 21m, "亩", "种植白前草", h => h.Category == PovertyCategory.General),
        new("Relocation", Year, 20, null, 0m, null, null, "安置点住房", h => h.IsRelocated),
        new("EcoForestSubsidy", Year, 112, null, 23_040m, 1_920m, "亩", "生态林补助（全覆盖）"),
        new("PublicWelfarePost", Year, 6, 6, 24_000m, 72m, "个月", "村庄环境卫生维护、产业基地管护", PreferMember: m => m.Labour is LabourAbility.Ordinary or LabourAbility.Skilled),
        new("YuluPlan", Year, 12, 12, 18_000m, null, null, "雨露计划助学金", PreferMember: InSchool),
        new("SchoolBusSubsidy", Year, 17, 19, 20_000m, null, null, null, PreferMember: InSchool),
        new("StudentLivingAllowance", Year, 46, 48, 31_200m, null, null, "小学、中学、高中生生活补助", PreferMember: InSchool),
        new("Dibao", Year, 52, 74, DibaoShare, null, null, "低保补差，年人均标准4030元", h => h.Category == PovertyCategory.Dibao),
        new("Tekun", Year, 23, 23, SocialSecurityTotal - DibaoShare, null, null, "五保供养，年人均标准8050元", h => h.Category == PovertyCategory.Tekun),
        new("InsurancePremiumWaiver", Year, 60, 142, 25_560m, null, null, "免缴医保金"),
        new("SupplementaryInsurance", Year, 45, 97, 1_940m, null, null, "补充医疗保险和意外伤害保险"),
        new("HospitalReimbursement", Year, 19, 21, 90_000m, null, null, "住院医药费报销"),
        new("SolarIncome", Year, 20, null, 30_000m, null, null, "光伏扶贫，户均增收1500元"),
    ];

    public static async Task SeedAsync(DbContextOptions<PortalDbContext> options, Village village, CancellationToken cancellationToken)
    {
        await using var db = new PortalDbContext(options, new SystemScopeSource("demo-seed"));
        if (await db.BenefitRecords.AnyAsync(r => r.VillageId == village.Id, cancellationToken)) return;

        var households = (await db.Households.AsNoTracking().Where(h => h.VillageId == village.Id && h.Category != null)
                .Include(h => h.Members).OrderBy(h => h.HouseholdNumber).ToListAsync(cancellationToken))
            .Select(h => new SeedHousehold(h.Id, h.HouseholdNumber, h.Category, h.IsRelocated, h.Status, h.ExitYear,
                h.Members.Where(m => !m.IsDeceased).OrderBy(m => m.Relationship == Relationship.Head ? 0 : 1).ThenBy(m => m.Id)
                    .Select(m => new SeedMember(m.Id, m.Relationship, m.BirthDate, m.SchoolingStatus, m.LabourAbility)).ToList()))
            .Where(h => h.Members.Count > 0)
            .ToList();
        if (households.Count == 0) return;
        var programs = await db.BenefitPrograms.ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);

        await db.Database.InTransactionAsync(async token =>
        {
            db.ChangeTracker.Clear();
            for (var i = 0; i < Specs.Length; i++)
            {
                db.BenefitRecords.AddRange(Records(Specs[i], programs[Specs[i].Program], households, village, offset: i * 7));
            }
            db.Microloans.AddRange(Loans(households, village));
            db.IncomeRecords.AddRange(Incomes(households, village));
            db.AssuranceChecks.AddRange(Checks(households, village));
            await db.SaveChangesAsync(token);
        }, cancellationToken);
    }

    /// <summary>
    /// 2018 checks of the other demo villages' households still poor at the end of that year. Most pass every item; a few
    /// fail housing safety, drinking-water quality or electricity, so the dashboard's 两不愁三保障 figures and the lists
    /// behind them have something to show. The sample village keeps its twelve checks of the report.
    /// </summary>
    public static async Task SeedChecksAsync(DbContextOptions<PortalDbContext> options, IEnumerable<Village> villages, CancellationToken cancellationToken)
    {
        await using var db = new PortalDbContext(options, new SystemScopeSource("demo-seed"));
        foreach (var village in villages)
        {
            if (await db.AssuranceChecks.AnyAsync(c => c.VillageId == village.Id, cancellationToken)) continue;
            var households = await db.Households.AsNoTracking()
                .Where(h => h.VillageId == village.Id && h.Category != null)
                .Where(RegistryStandings.Is(RegistryStanding.Remaining, Year))
                .OrderBy(h => h.HouseholdNumber).Select(h => new { h.Id, h.IsRelocated }).ToListAsync(cancellationToken);
            var checker = await db.WorkTeams.Where(t => t.VillageId == village.Id)
                .SelectMany(t => t.Members).Where(m => m.Role == WorkTeamRole.TeamLeader).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken) ?? "驻村工作队";
            db.AssuranceChecks.AddRange(households.Select((h, i) =>
            {
                string? Failure(AssuranceItemKind kind) => kind switch
                {
                    AssuranceItemKind.HousingSafety when i % 4 == 1 && !h.IsRelocated => "房屋鉴定为C级危房，改造尚未完工",
                    AssuranceItemKind.DrinkingWaterQuality when i % 6 == 2 => "自打井水未经检测，集中供水管网尚未入户",
                    AssuranceItemKind.Electricity when i % 9 == 4 => "新建住房尚未接通生活用电",
                    _ => null,
                };
                return new AssuranceCheck
                {
                    HouseholdId = h.Id, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id, Year = Year,
                    HousingGrade = Failure(AssuranceItemKind.HousingSafety) is null ? HousingGrade.B : HousingGrade.C,
                    Items = Enum.GetValues<AssuranceItemKind>().Select(kind => new AssuranceItem
                    {
                        Kind = kind, Met = Failure(kind) is null, Evidence = Failure(kind),
                        CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
                        CheckedBy = checker, CheckedOn = new DateOnly(Year, 11, 20),
                    }).ToList(),
                };
            }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Households in a fixed order: preferred ones first, each list rotated by the program's offset.</summary>
    private static List<SeedHousehold> Pick(Spec spec, IReadOnlyList<SeedHousehold> all, int offset)
    {
        int Eligible(SeedHousehold h) => spec.PreferMember is null ? h.Members.Count : Math.Max(1, h.Members.Count(spec.PreferMember));
        IEnumerable<SeedHousehold> Rotate(List<SeedHousehold> list) =>
            list.Count == 0 ? list : list.Skip(offset % list.Count).Concat(list.Take(offset % list.Count));
        var preferred = all.Where(h => (spec.Prefer?.Invoke(h) ?? true) && (spec.PreferMember is null || h.Members.Any(spec.PreferMember))).ToList();
        var others = all.Except(preferred).ToList();
        var order = Rotate(preferred).Concat(Rotate(others)).ToList();
        var households = spec.Households;
        if (spec.People is int people)
        {
            // Enough members among the chosen: households with more members first when the text counts more people.
            var extra = people - households;
            if (extra > 0) order = order.OrderByDescending(h => Eligible(h) > 1 ? 1 : 0).ToList();
        }
        return order.Take(Math.Min(households, order.Count)).ToList();
    }

    private static IEnumerable<BenefitRecord> Records(Spec spec, int programId, IReadOnlyList<SeedHousehold> all, Village village, int offset)
    {
        var chosen = Pick(spec, all, offset);
        var receivers = new List<(SeedHousehold Household, int? MemberId)>();
        if (spec.People is int people)
        {
            var queues = chosen.Select(h => new Queue<SeedMember>(spec.PreferMember is null
                ? h.Members : h.Members.OrderBy(m => spec.PreferMember(m) ? 0 : 1))).ToList();
            for (var round = 0; receivers.Count < people && queues.Any(q => q.Count > 0); round++)
            {
                for (var i = 0; i < chosen.Count && receivers.Count < people; i++)
                {
                    if (round > 0 && queues[i].Count == 0) continue;
                    if (queues[i].TryDequeue(out var member)) receivers.Add((chosen[i], member.Id));
                }
            }
        }
        else
        {
            receivers.AddRange(chosen.Select(h => (h, (int?)null)));
        }

        var amounts = Split(spec.Amount, receivers.Count, 0);
        var quantities = spec.Quantity is decimal q ? Split(q, receivers.Count, 2) : null;
        for (var i = 0; i < receivers.Count; i++)
        {
            yield return new BenefitRecord
            {
                HouseholdId = receivers[i].Household.Id, MemberId = receivers[i].MemberId, ProgramId = programId, Year = spec.Year,
                CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
                Amount = amounts[i], Quantity = quantities?[i], Unit = quantities is null ? null : spec.Unit,
                PaidOn = new DateOnly(spec.Year, 12, 20), Note = spec.Note,
            };
        }
    }

    /// <summary>Equal shares rounded to <paramref name="decimals"/>, the last taking the remainder so the total is exact.</summary>
    private static decimal[] Split(decimal total, int count, int decimals)
    {
        if (count == 0) return [];
        var share = Math.Round(total / count, decimals, MidpointRounding.AwayFromZero);
        var parts = Enumerable.Repeat(share, count).ToArray();
        parts[^1] = total - share * (count - 1);
        return parts;
    }

    /// <summary>"全村共有2户 … 贷款资金达6万元": two loans of 30,000 元, three years, fully subsidised.</summary>
    private static IEnumerable<Microloan> Loans(IReadOnlyList<SeedHousehold> all, Village village) =>
        all.Where(h => h.Category == PovertyCategory.General).Take(2).Select((h, i) => new Microloan
        {
            HouseholdId = h.Id, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
            Principal = 30_000m, StartDate = new DateOnly(2018, 4 + i, 10), DueDate = new DateOnly(2021, 4 + i, 9),
            InterestSubsidy = 1_305m, Lender = "县农村商业银行", Note = "无担保、免抵押、全贴息",
        });

    /// <summary>
    /// Incomes of 2017 and 2018 for every household: mostly well above the line, a few near it, three below it in 2018
    /// (two of them exited), one 2018 year measured January–August and projected for the rest.
    /// </summary>
    private static IEnumerable<IncomeRecord> Incomes(IReadOnlyList<SeedHousehold> all, Village village)
    {
        var random = new Random(2018);
        var lines = new Dictionary<int, decimal> { [2017] = 3335m, [2018] = 3535m };
        var below = all.Where(h => h.Status == HouseholdStatus.Exited).Take(2).Append(all.First(h => h.Status == HouseholdStatus.Identified))
            .Select(h => h.Id).ToHashSet();
        var partial = all[^1].Id;
        foreach (var h in all)
        {
            foreach (var (year, line) in lines)
            {
                var spans = h.Members.Select(m => new IncomeArithmetic.MemberSpan(m.BirthDate, null));
                var memberYears = IncomeArithmetic.MemberYears(spans, year);
                if (memberYears <= 0) continue;
                var factor = year == 2018 && below.Contains(h.Id) ? 0.8m + (decimal)random.NextDouble() * 0.15m
                    : random.Next(10) == 0 ? 1.05m + (decimal)random.NextDouble() * 0.4m
                    : 1.6m + (decimal)random.NextDouble() * 1.6m;
                var net = Math.Round(line * factor * memberYears, 0);
                var measured = year == 2018 && h.Id == partial ? MonthSet.Of(Enumerable.Range(1, 8)) : MonthSet.All;
                var projected = year == 2018 && h.Id == partial ? MonthSet.Of(Enumerable.Range(9, 4)) : 0;
                var scale = MonthSet.Count(measured) / 12m;
                var transfer = h.Category is PovertyCategory.Dibao or PovertyCategory.Tekun ? Math.Round(net * 0.5m * scale, 0) : Math.Round(net * 0.1m * scale, 0);
                var operating = Math.Round(net * 0.3m * scale, 0);
                var costs = Math.Round(operating * 0.3m, 0);
                var property = Math.Round(net * 0.02m * scale, 0);
                var wage = Math.Round(net * scale, 0) - transfer - operating - property + costs;
                var record = new IncomeRecord
                {
                    HouseholdId = h.Id, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id, Year = year,
                    WageIncome = Math.Max(0, wage), OperatingIncome = operating, PropertyIncome = property, TransferIncome = transfer,
                    ProductionCosts = costs, MeasuredMonths = measured, ProjectedMonths = projected,
                    Note = projected != 0 ? "1—8月实测，9—12月预估" : null,
                };
                IncomeArithmetic.Apply(record, memberYears);
                yield return record;
            }
        }
    }

    /// <summary>2018 checks of the first twelve households, every item answered (housing grade B, one relocated C).</summary>
    private static IEnumerable<AssuranceCheck> Checks(IReadOnlyList<SeedHousehold> all, Village village) =>
        all.Take(12).Select(h => new AssuranceCheck
        {
            HouseholdId = h.Id, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id, Year = Year,
            HousingGrade = h.IsRelocated ? HousingGrade.C : HousingGrade.B,
            Items = Enum.GetValues<AssuranceItemKind>().Select(kind => new AssuranceItem
            {
                Kind = kind, Met = true, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
                Evidence = kind == AssuranceItemKind.HousingSafety && h.IsRelocated ? "已搬入安置点" : null,
                CheckedBy = "陈志刚", CheckedOn = new DateOnly(Year, 11, 15),
            }).ToList(),
        });
}
