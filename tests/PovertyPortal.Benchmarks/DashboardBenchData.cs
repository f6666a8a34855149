using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PovertyPortal.DemoData;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// The support rows the county dashboard reads, added to a `generate-county` database by INSERT … SELECT (the generator
/// writes only households, members and status history): income records 2017–2020 for every household, the year's
/// benefits, microloans, 两不愁三保障 checks with their 9 items, collective income, and a work team of 3 per village with
/// its attendance around the year. Every value is derived from the household's or village's position in the county
/// (its id minus the county's first id) by integer arithmetic, so the same county gets the same figures on SQLite and
/// PostgreSQL and from run to run. Each group is added only when the county has none of it yet, in one transaction.
/// </summary>
public static class DashboardBenchData
{
    /// <summary>The year the rows are for: <see cref="DashboardBenchmarks.Year"/>.</summary>
    private const int Year = DashboardBenchmarks.Year;

    private static readonly DateTimeOffset Created = new(2021, 1, 10, 0, 0, 0, TimeSpan.Zero);

    public static async Task EnsureSupportRowsAsync(BenchDatabase database)
    {
        await using var db = database.NewContext(AreaScope.All);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var county = database.CountyId;
        var households = await db.Households.Where(h => h.CountyId == county).MinAsync(h => h.Id) - 1;
        var villages = await db.Villages.Where(v => v.CountyId == county).MinAsync(v => v.Id) - 1;
        var sql = new Sql(database.Provider == DatabaseProvider.Sqlite, county, households, villages);
        var added = false;

        added |= await AddAsync(db, "income records 2017–2020",
            () => db.IncomeRecords.AnyAsync(r => r.CountyId == county),
            () => db.IncomeRecords.CountAsync(r => r.CountyId == county), sql.IncomeRecords());
        added |= await AddAsync(db, $"benefit records {Year}",
            () => db.BenefitRecords.AnyAsync(r => r.CountyId == county && r.Year == Year),
            () => db.BenefitRecords.CountAsync(r => r.CountyId == county && r.Year == Year), sql.BenefitRecords());
        added |= await AddAsync(db, "microloans",
            () => db.Microloans.AnyAsync(l => l.CountyId == county),
            () => db.Microloans.CountAsync(l => l.CountyId == county), sql.Microloans());
        added |= await AddAsync(db, $"assurance checks {Year} and their items",
            () => db.AssuranceChecks.AnyAsync(c => c.CountyId == county && c.Year == Year),
            async () => Counts(await db.AssuranceChecks.CountAsync(c => c.CountyId == county && c.Year == Year),
                await db.AssuranceItems.CountAsync(i => i.CountyId == county)),
            sql.AssuranceChecks(), sql.AssuranceItems());
        added |= await AddAsync(db, $"collective income entries {Year}",
            () => db.CollectiveIncomeEntries.AnyAsync(e => e.CountyId == county && e.Year == Year),
            () => db.CollectiveIncomeEntries.CountAsync(e => e.CountyId == county && e.Year == Year), sql.CollectiveIncome());
        added |= await AddAsync(db, "work teams, members and attendance days",
            () => db.WorkTeams.AnyAsync(t => t.CountyId == county),
            async () => Counts(await db.WorkTeams.CountAsync(t => t.CountyId == county),
                await db.WorkTeamMembers.CountAsync(m => db.WorkTeams.Any(t => t.Id == m.WorkTeamId && t.CountyId == county)),
                await db.AttendanceDays.CountAsync(a => a.CountyId == county)),
            sql.WorkTeams(), sql.WorkTeamMembers(), sql.AttendanceDays());
        if (!added) return;

        // The records went in by SQL, past the save that recounts the dashboard's tallies: recount them all, as the
        // portal's `recount-tallies` command does.
        var watch = Stopwatch.StartNew();
        await DashboardTallies.RecountAllAsync(db);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"dashboard tallies recounted",-45} {watch.Elapsed.TotalSeconds,6:F1} s"));

        // What GenerateCountyCommand does after writing: planner statistics (and PostgreSQL's visibility map).
        watch.Restart();
        await db.Database.ExecuteSqlRawAsync(sql.Sqlite ? "ANALYZE" : "VACUUM ANALYZE");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(sql.Sqlite ? "ANALYZE" : "VACUUM ANALYZE"),-45} {watch.Elapsed.TotalSeconds,6:F1} s"));
    }

    private static string Counts(params int[] counts) => string.Join(" + ", counts.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)));

    private static Task<bool> AddAsync(PortalDbContext db, string what, Func<Task<bool>> present, Func<Task<int>> count, params string[] statements) =>
        AddAsync(db, what, present, async () => Counts(await count()), statements);

    private static async Task<bool> AddAsync(PortalDbContext db, string what, Func<Task<bool>> present, Func<Task<string>> count, params string[] statements)
    {
        if (await present()) return false;
        var watch = Stopwatch.StartNew();
        await db.Database.InTransactionAsync(async token =>
        {
            foreach (var statement in statements) await db.Database.ExecuteSqlRawAsync(statement, token);
        });
        var seconds = watch.Elapsed.TotalSeconds;
        var rows = await count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added {what,-39} {seconds,6:F1} s  {rows} rows"));
        return true;
    }

    /// <summary>
    /// The statements, in the SQL both providers read; they differ only in date literals and date arithmetic (SQLite
    /// keeps dates as 'yyyy-MM-dd' text) and in the audit timestamp (SQLite: the binary long of PortalDbContext's
    /// converter). Amounts are computed in whole fen and divided by 100.0: exact numerics on PostgreSQL; on SQLite a
    /// double that the TEXT column stores as its shortest decimal text ("1234.56", "50000.0"), as EF Core writes them.
    /// In PostgreSQL the ids are 32-bit, so every product stays below 2^31.
    /// </summary>
    private sealed class Sql(bool sqlite, int county, int householdBase, int villageBase)
    {
        public bool Sqlite => sqlite;

        private string Now => sqlite
            ? ((long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(Created)!).ToString(CultureInfo.InvariantCulture)
            : $"TIMESTAMPTZ '{Created:yyyy-MM-dd HH:mm:ss}+00'";

        private string Date(string iso) => sqlite ? $"'{iso}'" : $"DATE '{iso}'";

        /// <summary>The day <paramref name="days"/> (≥ 0) after <paramref name="iso"/>.</summary>
        private string Day(string iso, string days) => sqlite ? $"date('{iso}', '+' || ({days}) || ' days')" : $"(DATE '{iso}' + ({days}))";

        private string Audit => $"{Now}, 'bench-data'";

        /// <summary>The county's households with n, their place in it from 0, and m, the people counted for income.</summary>
        private string Households => $"""
            (SELECT "Id", "CountyId", "TownshipId", "VillageId", "Status", "Category",
                    CASE WHEN "LivingMembers" > 0 THEN "LivingMembers" ELSE 1 END AS m, "Id" - {householdBase} AS n
             FROM "Households" WHERE "CountyId" = {county})
            """;

        private string Villages => $"""
            (SELECT "Id", "CountyId", "TownshipId", "Id" - {villageBase} AS vn FROM "Villages" WHERE "CountyId" = {county})
            """;

        /// <summary>
        /// 人均纯收入 in 2020 from a spread u in [0, 10000) of the household: 17 % from 1,500 to 4,100 元 (below the
        /// 2020 line of 4,100), 18 % up to 6,150 (1.5 × the line: near it), half up to 15,000, the rest up to 30,000 元,
        /// whatever the household's status (so exited households below the line are as common as the others). Earlier
        /// years are 70 / 80 / 90 % of it. The income parts add up to the net exactly; all 12 months measured.
        /// </summary>
        public string IncomeRecords() => $"""
            INSERT INTO "IncomeRecords" ("HouseholdId", "CountyId", "TownshipId", "VillageId", "Year",
                "WageIncome", "OperatingIncome", "PropertyIncome", "TransferIncome", "ProductionCosts",
                "MeasuredMonths", "ProjectedMonths", "MeasuredNet", "ProjectedNet", "AnnualNet", "MemberYears", "NetIncomePerCapita",
                "CreatedAt", "CreatedBy")
            SELECT "Id", "CountyId", "TownshipId", "VillageId", y,
                (a + a / 10 - a / 10 * 3 - a / 20 - a / 20 * 3) / 100.0, a / 10 * 3 / 100.0, a / 20 / 100.0, a / 20 * 3 / 100.0, a / 10 / 100.0,
                4095, 0, a / 100.0, 0.0, a / 100.0, m * 1.0, p / 100.0,
                {Audit}
            FROM (SELECT h.*, y.y, h.fen * y.f / 100 AS p, h.fen * y.f / 100 * h.m AS a
                  FROM (SELECT h.*, CASE WHEN u < 1700 THEN 1500 + u * 2600 / 1700
                                         WHEN u < 3500 THEN 4100 + (u - 1700) * 2050 / 1800
                                         WHEN u < 8500 THEN 6150 + (u - 3500) * 8850 / 5000
                                         ELSE 15000 + (u - 8500) * 15000 / 1500 END * 100 + n % 100 * 37 % 100 AS fen
                        FROM (SELECT h.*, n % 10007 * 7919 % 10007 % 10000 AS u FROM {Households} h) h) h
                  CROSS JOIN (SELECT 2017 AS y, 70 AS f UNION ALL SELECT 2018, 80 UNION ALL SELECT 2019, 90 UNION ALL SELECT {Year}, 100) y) x
            """;

        /// <summary>
        /// 生态林补助 to every household, 低保 and 特困 to their households, 医保代缴 to every other household, 光伏 to one
        /// in five, 公益性岗位 to one in twelve, 生活补助 to one in eight, 住院报销 to one in twenty-five (program ids of
        /// the seeded catalog, BenefitLabels.Defaults).
        /// </summary>
        public string BenefitRecords()
        {
            string Insert(int program, string fen, string where = "") => $"""
                INSERT INTO "BenefitRecords" ("HouseholdId", "MemberId", "CountyId", "TownshipId", "VillageId", "ProgramId", "Year", "Amount", "CreatedAt", "CreatedBy")
                SELECT h."Id", NULL, h."CountyId", h."TownshipId", h."VillageId", {program}, {Year}, ({fen}) / 100.0, {Audit}
                FROM {Households} h {(where.Length == 0 ? "" : "WHERE " + where)};
                """;
            return string.Join("\n",
                Insert(3, "6000 + n % 97 * 250"),
                Insert(8, "m * (300000 + n % 7 * 10000)", "h.\"Category\" = 'Dibao'"),
                Insert(9, "520000 + n % 5 * 10000", "h.\"Category\" = 'Tekun'"),
                Insert(10, "m * 28000", "n % 2 = 0"),
                Insert(14, "100000 + n % 9 * 5000", "n % 5 = 0"),
                Insert(4, "600000", "n % 12 = 3"),
                Insert(7, "100000 + n % 2 * 25000", "n % 8 = 1"),
                Insert(12, "100000 + n % 1900 * 1000 + n % 100", "n % 25 = 7"));
        }

        /// <summary>
        /// One household in ten: 50,000 元 for three years, started on days spread from March 2016 to October 2020. Of the loans due
        /// before the end of 2020 all are repaid but one in thirteen (20,000 repaid, past due); loans still running have
        /// repaid 0–20,000.
        /// </summary>
        public string Microloans() => $"""
            INSERT INTO "Microloans" ("HouseholdId", "CountyId", "TownshipId", "VillageId", "Lender", "Principal", "StartDate", "DueDate",
                "Repaid", "LastRepaidOn", "InterestSubsidy", "CreatedAt", "CreatedBy")
            SELECT "Id", "CountyId", "TownshipId", "VillageId",
                CASE l % 3 WHEN 0 THEN '农村商业银行' WHEN 1 THEN '邮政储蓄银行' ELSE '中国农业银行' END,
                50000.0, {Day("2016-03-01", "s")}, {Day("2016-03-01", "s + 1095")},
                CASE WHEN s >= 671 THEN l % 5 * 5000.0 WHEN l % 13 = 0 THEN 20000.0 ELSE 50000.0 END,
                CASE WHEN s >= 671 AND l % 5 = 0 THEN NULL
                     WHEN s >= 671 THEN {Day("2016-03-01", "s + 300")}
                     WHEN l % 13 = 0 THEN {Day("2016-03-01", "s + 700")}
                     ELSE {Day("2016-03-01", "s + 1035 + l % 60")} END,
                (l % 3 + 1) * 2175.0, {Audit}
            FROM (SELECT h.*, n / 10 AS l, n / 10 % 100000 * 613 % 1700 AS s FROM {Households} h WHERE n % 10 = 0) x
            """;

        public string AssuranceChecks() => $"""
            INSERT INTO "AssuranceChecks" ("HouseholdId", "CountyId", "TownshipId", "VillageId", "Year", "HousingGrade", "CreatedAt", "CreatedBy")
            SELECT "Id", "CountyId", "TownshipId", "VillageId", {Year}, CASE WHEN n % 3 = 0 THEN 'B' ELSE 'A' END, {Audit}
            FROM {Households} h
            """;

        /// <summary>The 9 items of every check (AssuranceItemKind); one item in 200 not met.</summary>
        public string AssuranceItems() => $"""
            INSERT INTO "AssuranceItems" ("AssuranceCheckId", "CountyId", "TownshipId", "VillageId", "Kind", "Met", "Evidence", "CheckedBy", "CheckedOn")
            SELECT c."Id", c."CountyId", c."TownshipId", c."VillageId", k.kind, ((c."HouseholdId" - {householdBase}) * 9 + k.i) % 200 <> 0,
                CASE WHEN ((c."HouseholdId" - {householdBase}) * 9 + k.i) % 200 <> 0 THEN NULL ELSE '待整改' END,
                '帮扶责任人', {Day("2020-05-01", $"(c.\"HouseholdId\" - {householdBase}) % 150")}
            FROM "AssuranceChecks" c
            CROSS JOIN (SELECT 'Food' AS kind, 0 AS i UNION ALL SELECT 'Clothing', 1 UNION ALL SELECT 'CompulsoryEducation', 2
                UNION ALL SELECT 'BasicMedical', 3 UNION ALL SELECT 'HousingSafety', 4 UNION ALL SELECT 'DrinkingWaterQuality', 5
                UNION ALL SELECT 'DrinkingWaterQuantity', 6 UNION ALL SELECT 'Electricity', 7 UNION ALL SELECT 'Television', 8) k
            WHERE c."CountyId" = {county} AND c."Year" = {Year}
            """;

        /// <summary>
        /// Every village a stable operating income (a third of them below the 50,000 元 indicator), every other village
        /// also a one-off grant that does not count toward it.
        /// </summary>
        public string CollectiveIncome() => $"""
            INSERT INTO "CollectiveIncomeEntries" ("CountyId", "TownshipId", "VillageId", "Year", "Source", "Amount", "IsStableOperating", "CreatedAt", "CreatedBy")
            SELECT "CountyId", "TownshipId", "Id", {Year}, '光伏电站收益',
                (CASE WHEN vn % 3 = 0 THEN 20000 + vn * 37 % 29000 ELSE 52000 + vn * 53 % 98000 END * 100 + vn * 7 % 100) / 100.0, {(sqlite ? "1" : "TRUE")}, {Audit}
            FROM {Villages} v;
            INSERT INTO "CollectiveIncomeEntries" ("CountyId", "TownshipId", "VillageId", "Year", "Source", "Amount", "IsStableOperating", "CreatedAt", "CreatedBy")
            SELECT "CountyId", "TownshipId", "Id", {Year}, '上级补助资金', (30000 + vn % 20 * 1000) * 1.0, {(sqlite ? "0" : "FALSE")}, {Audit}
            FROM {Villages} v WHERE vn % 2 = 0
            """;

        private const string Unit = "CASE vn % 4 WHEN 0 THEN '县人民医院' WHEN 1 THEN '县财政局' WHEN 2 THEN '县农业农村局' ELSE '县教育局' END";

        public string WorkTeams() => $"""
            INSERT INTO "WorkTeams" ("CountyId", "TownshipId", "VillageId", "DispatchingUnit", "AppointedBy", "StartDate", "CreatedAt", "CreatedBy")
            SELECT "CountyId", "TownshipId", "Id", {Unit}, '县委组织部', {Date("2019-03-01")}, {Audit}
            FROM {Villages} v
            """;

        /// <summary>A first secretary, a team leader and a member per team, all in the team from March 2019 on.</summary>
        public string WorkTeamMembers() => $"""
            INSERT INTO "WorkTeamMembers" ("WorkTeamId", "Name", "Role", "Unit", "StartDate")
            SELECT t."Id",
                substr('赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许', (vn * 3 + r.i) % 20 + 1, 1) || CASE r.i WHEN 0 THEN '建国' WHEN 1 THEN '红梅' ELSE '志强' END,
                r.role, {Unit}, {Date("2019-03-01")}
            FROM "WorkTeams" t
            JOIN {Villages} v ON v."Id" = t."VillageId"
            CROSS JOIN (SELECT 'FirstSecretary' AS role, 0 AS i UNION ALL SELECT 'TeamLeader', 1 UNION ALL SELECT 'TeamMember', 2) r
            """;

        /// <summary>
        /// Monday 30 December 2019 to Sunday 3 January 2021 (the 53 weeks whose Thursday is in 2020): present Monday to
        /// Friday, nights Monday to Thursday, which keeps 五天四夜. Short of it: the member of two villages in fifteen
        /// misses Friday one week in five, the team leader of one village in fifteen leaves Wednesday night one week in eight.
        /// </summary>
        /// <summary>AttendanceDay.Week of Monday 30 December 2019, the first day written; day k is in week FirstWeek + k / 7.</summary>
        private static readonly int FirstWeek = ResidencyCompliance.WeekNumber(new DateOnly(2019, 12, 30));

        public string AttendanceDays() => $"""
            WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < 370)
            INSERT INTO "AttendanceDays" ("WorkTeamMemberId", "WorkTeamId", "CountyId", "TownshipId", "VillageId", "Date", "Week", "StayedNight", "CreatedAt", "CreatedBy")
            SELECT x."Id", x."WorkTeamId", x."CountyId", x."TownshipId", x."VillageId", {Day("2019-12-30", "d.k")}, {FirstWeek} + d.k / 7,
                d.k % 7 < 4 AND NOT (x.i = 1 AND x.vn % 15 = 3 AND d.k / 7 % 8 = 0 AND d.k % 7 = 2), {Audit}
            FROM (SELECT m."Id", m."WorkTeamId", t."CountyId", t."TownshipId", t."VillageId", v.vn,
                         CASE m."Role" WHEN 'FirstSecretary' THEN 0 WHEN 'TeamLeader' THEN 1 ELSE 2 END AS i
                  FROM "WorkTeamMembers" m JOIN "WorkTeams" t ON t."Id" = m."WorkTeamId" JOIN {Villages} v ON v."Id" = t."VillageId") x
            CROSS JOIN d
            WHERE d.k % 7 < 5 AND NOT (x.i = 2 AND x.vn % 15 IN (0, 7) AND (d.k / 7 + x.vn) % 5 = 0 AND d.k % 7 = 4)
            """;
    }
}
