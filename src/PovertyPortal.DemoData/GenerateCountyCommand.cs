using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.DemoData;

/// <summary>
/// `-- generate-county --households 300000 [--townships 20] [--seed 1]`: writes a synthetic county of that size
/// into the configured database, for benchmarks and load tests (docs/benchmarks.md). The county gets a code of its
/// own (4299NN000000, the first one free), so it never clashes with the demo county or an earlier synthetic one.
/// Writes the households in batches as an import writes new ones (NewHouseholdRows, decision 0005: 4–7× faster than
/// SaveChanges here); on SQL Server through SaveChanges with change detection off.
/// </summary>
public static class GenerateCountyCommand
{
    private const int BatchHouseholds = 2_000;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (!TryRead(args, "--households", 300_000, 1, 5_000_000, "户数", out var households)
            || !TryRead(args, "--townships", 20, 1, 899, "乡镇数", out var townships)
            || !TryRead(args, "--seed", 1, int.MinValue, int.MaxValue, "随机种子", out var seed))
        {
            await Console.Error.WriteLineAsync("用法：generate-county --households 户数 [--townships 乡镇数] [--seed 随机种子]");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var options = services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        var timeProvider = services.GetRequiredService<TimeProvider>();
        await using (var db = NewContext(options))
        {
            await PortalMigrations.ApplyAsync(db);
        }

        var generator = new SyntheticCounty(households, townships, seed);
        int countyId;
        string countyName;
        await using (var db = NewContext(options))
        {
            var taken = await db.Counties.Select(c => c.AdminCode).ToListAsync();
            var number = Enumerable.Range(1, 99).FirstOrDefault(n => !taken.Contains(CountyCode(n)));
            if (number == 0)
            {
                await Console.Error.WriteLineAsync("代码 429901000000–429999000000 均已被占用，无法再生成模拟县。");
                return 1;
            }
            countyName = string.Create(CultureInfo.InvariantCulture, $"模拟县{number:D2}");
            var county = generator.BuildAreas(CountyCode(number), countyName);
            db.Counties.Add(county);
            await db.SaveChangesAsync();
            countyId = county.Id;
            Console.WriteLine($"已建立{countyName}（{county.AdminCode}）：{townships} 个乡镇，{townships * SyntheticCounty.VillagesPerTownship} 个村。");
        }

        List<Domain.Areas.Village> villages;
        await using (var db = NewContext(options))
        {
            villages = await db.Villages.AsNoTracking().Include(v => v.Groups)
                .Where(v => v.CountyId == countyId).OrderBy(v => v.AdminCode).ToListAsync();
        }

        var perVillage = generator.HouseholdsPerVillage(villages.Count);
        var batch = new List<Household>(BatchHouseholds);
        var (written, members, nextReport) = (0, 0, households / 10);
        for (var i = 0; i < villages.Count; i++)
        {
            var groups = villages[i].Groups.OrderBy(g => g.SortOrder).ToList();
            foreach (var household in generator.BuildHouseholds(villages[i], groups, i, perVillage[i]))
            {
                batch.Add(household);
                if (batch.Count == BatchHouseholds) await SaveAsync();
            }
        }
        await SaveAsync();

        // Planner statistics, and on PostgreSQL the visibility map that lets counts read only the index: what
        // autovacuum would have done by the time a county's register is in use.
        Console.WriteLine("正在更新统计信息（ANALYZE）……");
        await using (var db = NewContext(options))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("ANALYZE");
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }
        Console.WriteLine($"完成：{countyName}共 {written:N0} 户、{members:N0} 人，用时 {clock.Elapsed.TotalSeconds:F1} 秒。");
        return 0;

        async Task SaveAsync()
        {
            if (batch.Count == 0) return;
            await using var db = NewContext(options);
            if (NewHouseholdRows.IsSupported(db))
            {
                // As an import writes them (decision 0005): without the change tracker, in one transaction per batch.
                await db.Database.InTransactionAsync(token => NewHouseholdRows.WriteAsync(db, batch, timeProvider.GetUtcNow(), token));
            }
            else
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.Households.AddRange(batch);
                await db.SaveChangesAsync();
            }
            written += batch.Count;
            members += batch.Sum(h => h.Members.Count);
            batch.Clear();
            if (written >= nextReport || written == households)
            {
                Console.WriteLine($"已写入 {written:N0}/{households:N0} 户（{members:N0} 人），{clock.Elapsed.TotalSeconds:F1} 秒");
                nextReport = written + Math.Max(1, households / 10);
            }
        }
    }

    private static PortalDbContext NewContext(DbContextOptions<PortalDbContext> options) =>
        new(options, new SystemScopeSource("generate-county"));

    private static string CountyCode(int number) => string.Create(CultureInfo.InvariantCulture, $"4299{number:D2}000000");

    private static bool TryRead(string[] args, string name, int fallback, int min, int max, string label, out int value)
    {
        value = fallback;
        var index = Array.IndexOf(args, name);
        if (index < 0) return true;
        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            Console.Error.WriteLine($"参数 {name} 需要一个整数（{label}）。");
            return false;
        }
        if (value < min || value > max)
        {
            Console.Error.WriteLine($"参数 {name}（{label}）应在 {min} 到 {max} 之间，实际为 {value}。");
            return false;
        }
        return true;
    }
}
