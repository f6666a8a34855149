using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.DemoData;

/// <summary>
/// The seed village's work as 范文第1篇 二.2, 四 and 五 describe it: attendance of both teams in 2018, work logs of
/// 2016–2018, the projects and industries with the report's quantities, and the collective income by source.
/// Figures the report gives are kept exactly; what it leaves open (how many logs of each kind, which weeks a
/// member fell short) is chosen here and listed in docs/changes.md. Idempotent: runs once per database.
/// </summary>
public static class VillageWorkDemoSeeder
{
    /// <summary>Work logs per year and type. The report says only "多次"; the counts are ours.</summary>
    public static readonly IReadOnlyDictionary<int, IReadOnlyDictionary<WorkLogType, int>> WorkLogCounts = new Dictionary<int, IReadOnlyDictionary<WorkLogType, int>>
    {
        [2016] = new Dictionary<WorkLogType, int>
        {
            [WorkLogType.HouseholdVisit] = 96, [WorkLogType.GroupMeeting] = 10, [WorkLogType.PolicyPublicity] = 6, [WorkLogType.PartyMeeting] = 4,
            [WorkLogType.DataCheck] = 4, [WorkLogType.IndustryGuidance] = 8, [WorkLogType.Other] = 4,
        },
        [2017] = new Dictionary<WorkLogType, int>
        {
            [WorkLogType.HouseholdVisit] = 132, [WorkLogType.GroupMeeting] = 12, [WorkLogType.PolicyPublicity] = 8, [WorkLogType.PartyMeeting] = 4,
            [WorkLogType.DataCheck] = 6, [WorkLogType.IndustryGuidance] = 10, [WorkLogType.Other] = 6,
        },
        // 四.6 "利用半个月时间完成大数据对比工作": 15 days of data checks; 四.5 地理位置信息采集.
        [2018] = new Dictionary<WorkLogType, int>
        {
            [WorkLogType.HouseholdVisit] = 186, [WorkLogType.GroupMeeting] = 20, [WorkLogType.PolicyPublicity] = 12, [WorkLogType.PartyMeeting] = 4,
            [WorkLogType.DataCheck] = 15, [WorkLogType.GeoInformation] = 6, [WorkLogType.IndustryGuidance] = 12, [WorkLogType.Other] = 8,
        },
    };

    /// <summary>The year the seed's attendance covers (the report's year).</summary>
    public const int AttendanceYear = 2018;

    public static async Task SeedAsync(PortalDbContext db, Village village, string? leaderUserId, string? memberUserId, CancellationToken cancellationToken)
    {
        if (await db.CollectiveIncomeEntries.AnyAsync(e => e.VillageId == village.Id, cancellationToken)) return;
        var teams = await db.WorkTeams.Include(t => t.Members).Where(t => t.VillageId == village.Id).OrderBy(t => t.StartDate).ToListAsync(cancellationToken);

        // The demo accounts 陈志刚 (leader) and 吴晓燕 (member) act as the current team's 队长 and a 队员.
        if (teams.LastOrDefault() is { } current)
        {
            if (current.Members.FirstOrDefault(m => m.Role == WorkTeamRole.TeamLeader && m.UserId is null) is { } leader) leader.UserId = leaderUserId;
            if (current.Members.FirstOrDefault(m => m.Role == WorkTeamRole.TeamMember && m.UserId is null) is { } member) member.UserId = memberUserId;
        }

        foreach (var team in teams) db.AttendanceDays.AddRange(Attendance(village, team));
        var households = await db.Households.Where(h => h.VillageId == village.Id).OrderBy(h => h.HouseholdNumber).Select(h => h.Id).ToListAsync(cancellationToken);
        db.WorkLogs.AddRange(WorkLogs(village, teams, households));
        db.VillageProjects.AddRange(Projects().Select(p => Place(p, village)));
        db.IndustryRecords.AddRange(Industries().Select(i => Place(i, village)));
        db.CollectiveIncomeEntries.AddRange(Income().Select(e => Place(e, village)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The other demo villages' work teams keep the same rhythm in the seed year. The county's 五天四夜 rate then reads
    /// as a county whose teams record their attendance (about 92%), not as one where only the sample village does.
    /// </summary>
    public static async Task SeedAttendanceAsync(PortalDbContext db, IEnumerable<Village> villages, CancellationToken cancellationToken)
    {
        foreach (var village in villages)
        {
            if (await db.AttendanceDays.AnyAsync(a => a.VillageId == village.Id, cancellationToken)) continue;
            var teams = await db.WorkTeams.Include(t => t.Members).Where(t => t.VillageId == village.Id).ToListAsync(cancellationToken);
            foreach (var team in teams) db.AttendanceDays.AddRange(Attendance(village, team));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Monday to Friday in the village and the nights Monday to Thursday (5 days, 4 nights), except a few weeks per
    /// member in which they were there Monday to Wednesday only (3 days, 2 nights), so the shortfall list has entries.
    /// </summary>
    public static IEnumerable<AttendanceDay> Attendance(Village village, WorkTeam team)
    {
        var year = ResidencyCompliance.Year(AttendanceYear);
        var members = team.Members.OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        for (var index = 0; index < members.Count; index++)
        {
            var member = members[index];
            var dates = new DatePeriod(member.StartDate, member.EndDate);
            var week = 0;
            for (var monday = ResidencyCompliance.MondayOf(year.Start); monday <= year.End!.Value; monday = monday.AddDays(7), week++)
            {
                var shortWeek = (week + 5 * index) % 13 == 7;
                for (var day = 0; day < (shortWeek ? 3 : 5); day++)
                {
                    var date = monday.AddDays(day);
                    if (!dates.Contains(date) || !year.Contains(date)) continue;
                    yield return new AttendanceDay
                    {
                        CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
                        WorkTeamId = team.Id, WorkTeamMember = member, Date = date,
                        ArrivedAt = day == 0 ? new TimeOnly(8, 30) : null,
                        LeftAt = day == (shortWeek ? 2 : 4) ? new TimeOnly(17, 0) : null,
                        StayedNight = day < (shortWeek ? 2 : 4),
                    };
                }
            }
        }
    }

    private static readonly Dictionary<WorkLogType, string> Summaries = new()
    {
        [WorkLogType.HouseholdVisit] = "入户走访贫困户，宣传精准扶贫政策，了解家庭收入和两不愁三保障情况，帮助制订脱贫计划。",
        [WorkLogType.GroupMeeting] = "召开村民小组会议，宣传产业扶贫政策，评议贫困户动态调整。",
        [WorkLogType.PolicyPublicity] = "宣传慢性病、低保、医疗报销比例提高等惠民政策。",
        [WorkLogType.PartyMeeting] = "召开村党员大会，传达上级会议精神，开展支部联支部活动。",
        [WorkLogType.DataCheck] = "开展贫困户信息核查和大数据比对，完善贫困户档案，做到三档合一。",
        [WorkLogType.GeoInformation] = "采集贫困户地理位置信息。",
        [WorkLogType.IndustryGuidance] = "指导贫困户发展花生、油茶、中药材种植和家畜家禽养殖。",
        [WorkLogType.Other] = "协助做好易地搬迁入住和中国社会扶贫网注册工作。",
    };

    private static IEnumerable<WorkLog> WorkLogs(Village village, List<WorkTeam> teams, List<int> households)
    {
        var visit = 0;
        foreach (var (year, counts) in WorkLogCounts)
        {
            foreach (var (type, count) in counts)
            {
                for (var i = 0; i < count; i++)
                {
                    // Spread evenly over the working days of the year, each type with its own offset.
                    var date = new DateOnly(year, 1, 2).AddDays((int)((long)i * 360 / count) + (int)type);
                    while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
                    if (date.Year != year) date = new DateOnly(year, 12, 28);
                    var team = teams.LastOrDefault(t => t.StartDate <= date && (t.EndDate is null || t.EndDate >= date));
                    var log = new WorkLog
                    {
                        CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
                        WorkTeamId = team?.Id, Date = date, Type = type, Summary = Summaries[type],
                        Participants = team is null ? "" : string.Join("、", team.Members.Where(m => new DatePeriod(m.StartDate, m.EndDate).Contains(date))
                            .OrderBy(m => m.Role).Take(2).Select(m => m.Name)),
                    };
                    if (type == WorkLogType.HouseholdVisit && households.Count > 0)
                    {
                        // One or two registered households per visit log, going round the register.
                        for (var k = 0; k < 1 + (i % 2); k++)
                        {
                            log.Households.Add(new WorkLogHousehold
                            {
                                CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
                                HouseholdId = households[visit++ % households.Count],
                            });
                        }
                    }
                    yield return log;
                }
            }
        }
    }

    /// <summary>五(1) and (3), 三.2 and 三.8 of the report; completion dates within 2016–2018 are ours.</summary>
    public static IReadOnlyList<VillageProject> Projects() =>
    [
        Project(ProjectType.Road, "十个村民小组十五个垸落水泥路", 7.8m, QuantityUnit.Kilometre, "2018-10-31", households: 393),
        Project(ProjectType.DrinkingWater, "全村十个村民小组安全饮水工程", null, null, "2017-09-30", households: 393),
        Project(ProjectType.Pond, "修复大塘", 5, QuantityUnit.Piece, "2017-11-30"),
        Project(ProjectType.Pond, "整修大堰", 1, QuantityUnit.Seat, "2017-12-20"),
        Project(ProjectType.Reservoir, "整修小型水库", 1, QuantityUnit.Seat, "2018-05-31"),
        Project(ProjectType.Bridge, "人行桥", 3, QuantityUnit.Seat, "2018-08-31"),
        Project(ProjectType.PowerGrid, "农网改造安装变压器", 5, QuantityUnit.Set, "2017-06-30"),
        Project(ProjectType.Broadband, "光纤宽带和广播垸垸通", null, null, "2018-06-30", households: 393),
        Project(ProjectType.CulturalSquare, "文化活动休闲广场", 1500, QuantityUnit.SquareMetre, "2018-09-30"),
        Project(ProjectType.StreetLights, "太阳能路灯", 20, QuantityUnit.Lamp, "2018-09-30"),
        Project(ProjectType.SolarPlant, "村级光伏扶贫电站", 150, QuantityUnit.Kilowatt, "2017-03-31", investment: 500_000m, funding: "扶贫专项资金", households: 20),
        Project(ProjectType.IndustryBase, "中药材基地", 80, QuantityUnit.Mu, "2016-10-31"),
        Project(ProjectType.IndustryBase, "油茶林（林业精准灭荒）", 90, QuantityUnit.Mu, "2017-11-30"),
        Project(ProjectType.IndustryBase, "黑凹生态林合作社油茶基地", 100, QuantityUnit.Mu, "2018-11-30"),
        Project(ProjectType.ResettlementSite, "栗子湾村岗上安置点", null, null, "2017-12-31", households: 12),
        Project(ProjectType.ResettlementSite, "栗子湾村水库湾安置点", null, null, "2018-06-30", households: 8),
    ];

    /// <summary>四.4: "种花生760亩、白钱草23亩、油茶50亩、鸡2500只、猪58头、牛63头、羊100只", 33 households in all.</summary>
    public static IReadOnlyList<IndustryRecord> Industries() =>
    [
        Industry(IndustryKind.Crop, "花生", 760, QuantityUnit.Mu, 10),
        Industry(IndustryKind.Crop, "白前草", 23, QuantityUnit.Mu, 12),
        Industry(IndustryKind.Crop, "油茶", 50, QuantityUnit.Mu, 3),
        Industry(IndustryKind.Livestock, "鸡", 2500, QuantityUnit.Bird, 4),
        Industry(IndustryKind.Livestock, "猪", 58, QuantityUnit.Head, 2),
        Industry(IndustryKind.Livestock, "牛", 63, QuantityUnit.Head, 1),
        Industry(IndustryKind.Livestock, "羊", 100, QuantityUnit.Bird, 1),
    ];

    /// <summary>
    /// 一: "光伏、水库和山林出租"; 五(3): 光伏 "每年为村集体增收5万余元"; the 2018 total equals the village profile's
    /// 60,000 元. The plant was connected in March 2017, so 2017 has most of a year of it and misses the indicator.
    /// </summary>
    public static IReadOnlyList<CollectiveIncomeEntry> Income() =>
    [
        Income(2016, "水库出租", 5_000m), Income(2016, "山林出租", 3_000m),
        Income(2017, "光伏", 40_000m), Income(2017, "水库出租", 5_000m), Income(2017, "山林出租", 3_000m),
        Income(2018, "光伏", 52_000m), Income(2018, "水库出租", 5_000m), Income(2018, "山林出租", 3_000m),
    ];

    private static VillageProject Project(ProjectType type, string name, decimal? quantity, QuantityUnit? unit, string completed,
        decimal? investment = null, string? funding = null, int? households = null) => new()
    {
        Type = type, Name = name, Quantity = quantity, Unit = unit, Status = ProjectStatus.Completed,
        CompletionDate = DateOnly.Parse(completed, System.Globalization.CultureInfo.InvariantCulture),
        Investment = investment, FundingSource = funding, BeneficiaryHouseholds = households,
    };

    private static IndustryRecord Industry(IndustryKind kind, string name, decimal quantity, QuantityUnit unit, int households) => new()
    {
        Year = AttendanceYear, Kind = kind, Name = name, Quantity = quantity, Unit = unit, Households = households,
    };

    private static CollectiveIncomeEntry Income(int year, string source, decimal amount) => new()
    {
        Year = year, Source = source, Amount = amount, IsStableOperating = true,
    };

    private static T Place<T>(T row, Village village) where T : class
    {
        switch (row)
        {
            case VillageProject p: (p.CountyId, p.TownshipId, p.VillageId) = (village.CountyId, village.TownshipId, village.Id); break;
            case IndustryRecord i: (i.CountyId, i.TownshipId, i.VillageId) = (village.CountyId, village.TownshipId, village.Id); break;
            case CollectiveIncomeEntry e: (e.CountyId, e.TownshipId, e.VillageId) = (village.CountyId, village.TownshipId, village.Id); break;
        }
        return row;
    }
}
