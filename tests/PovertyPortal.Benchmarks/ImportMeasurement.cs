using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Features.Import;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// One whole import of a 100,000-row register into an empty county (issue 4's target: committed within 15 s on
/// SQLite, peak memory ≤ 300 MB), timed in its phases. A single measured run, not a BenchmarkDotNet job: an import
/// writes, so it cannot be repeated on the same database.
/// </summary>
public static class ImportMeasurement
{
    public static async Task<int> RunAsync(DatabaseProvider provider, string serverConnectionString, int rows)
    {
        var connectionString = await FreshDatabaseAsync(provider, serverConnectionString);
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, provider, connectionString, new PersonalDataCipher(PersonalDataKeyRing.Generate()))
            .AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System));
        await using (var db = new PortalDbContext(options.Options, new SystemScopeSource("bench")))
        {
            await db.Database.MigrateAsync();
            db.Counties.Add(new County { AdminCode = "421122000000", Name = "红安县" });
            await db.SaveChangesAsync();
        }

        var path = Path.Combine(Path.GetTempPath(), $"import-bench-{rows}.xlsx");
        await using (var file = File.Create(path)) WriteValidRegister(file, rows);

        var user = new CurrentUser(new FixedUser(PortalRoles.SystemAdmin));
        var import = new ImportRegister(new Factory(options.Options, user), user, TimeProvider.System, new AuditLog(options.Options, TimeProvider.System, new ClientAddress(new Microsoft.AspNetCore.Http.HttpContextAccessor())));
        GC.Collect();
        var heap = Environment.GetEnvironmentVariable("PORTAL_BENCH_HEAP") == "1";
        Live("before read");
        var cpuStart = Cpu();
        var total = Stopwatch.StartNew();
        RegisterSheet sheet;
        await using (var input = File.OpenRead(path)) sheet = await RegisterFileReader.ReadAsync(input, path);
        var read = total.Elapsed;
        var cpuRead = Cpu() - cpuStart;
        var peakRead = Process.GetCurrentProcess().PeakWorkingSet64;
        void Live(string phase)
        {
            if (!heap) return;
            var info = GC.GetGCMemoryInfo();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {phase}: GC committed {info.TotalCommittedBytes / 1048576.0:F0} MB, heap {info.HeapSizeBytes / 1048576.0:F0} MB, working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MB; live {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MB"));
        }
        Live("after read");
        var preview = await import.RunAsync(sheet, path, createAreas: true, dryRun: true);
        var previewed = total.Elapsed;
        var peakPreview = Process.GetCurrentProcess().PeakWorkingSet64;
        Live("after preview");
        // The confirm run reports the households planned (1 … n), then those written: the first report after n marks the plan's end.
        var planned = TimeSpan.Zero;
        var (cpuPreviewed, cpuPlanned) = (Cpu(), TimeSpan.Zero);
        var households = preview.HouseholdsCreated + preview.HouseholdsUpdated + preview.HouseholdsUnchanged;
        var progress = new Phase(done => { if (done == households && planned == TimeSpan.Zero) { (planned, cpuPlanned) = (total.Elapsed, Cpu()); Live("after planning again"); } });
        var result = await import.RunAsync(sheet, path, createAreas: true, dryRun: false, progress);
        total.Stop();
        Live("at the end");
        File.Delete(path);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: {sheet.Rows.Count} rows, {result.HouseholdsCreated} households, {result.MembersCreated} members, {result.AreasToCreate.Count} new areas, " +
            $"{result.Errors.Count + preview.Errors.Count} errors; read {read.TotalSeconds:F1} s, preview {(previewed - read).TotalSeconds:F1} s, " +
            $"plan again {(planned - previewed).TotalSeconds:F1} s, write {(total.Elapsed - planned).TotalSeconds:F1} s; " +
            $"read + plan + write {(read + total.Elapsed - previewed).TotalSeconds:F1} s = {sheet.Rows.Count / (read + total.Elapsed - previewed).TotalSeconds:F0} rows/s; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB (after read {peakRead / 1048576.0:F0}, after preview {peakPreview / 1048576.0:F0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  processor time: read {cpuRead.TotalSeconds:F1} s, plan again {(cpuPlanned - cpuPreviewed).TotalSeconds:F1} s, write {(Cpu() - cpuPlanned).TotalSeconds:F1} s; " +
            $"read + plan + write {(cpuRead + Cpu() - cpuPreviewed).TotalSeconds:F1} s (all threads; load average now {(OperatingSystem.IsLinux() ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")})"));
        foreach (var error in result.Errors.Concat(preview.Errors).Take(5)) Console.WriteLine(error);
        if (provider == DatabaseProvider.Sqlite)
        {
            // 40 MB a run: the database is only for this measurement.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource);
        }
        return result.Written ? 0 : 1;
    }

    /// <summary>Valid rows: 20 townships × 15 villages × 9 groups, households of 1–6 people, unique IDs.</summary>
    private static void WriteValidRegister(Stream destination, int rows)
    {
        var random = new Random(7);
        var columns = RegisterColumns.All.Select(_ => new XlsxColumn(12)).ToArray();
        using var writer = new XlsxSheetWriter(destination, "花名册", columns, frozenRows: 1);
        writer.WriteRow(1, RegisterColumns.All.Select(h => new XlsxCell(h, XlsxStyle.Header)).ToArray());
        var cells = new XlsxCell[columns.Length];
        var (row, household) = (1, 0);
        Relationship[] others = [Relationship.Spouse, Relationship.Son, Relationship.Daughter, Relationship.Mother, Relationship.Grandson];
        while (row - 1 < rows)
        {
            household++;
            var size = Math.Min(random.Next(1, 7), rows - (row - 1));
            var exited = random.Next(10) < 8;
            for (var m = 0; m < size; m++)
            {
                var person = row - 1;
                var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;
                var birth = new DateOnly(1940, 1, 1).AddDays(person % 27_000);
                var id = ResidentId.Create("421122", birth, 2 * (person / 27_000) + (gender == Gender.Male ? 1 : 0), gender).Value;
                string?[] values =
                [
                    "红安县", $"第{household % 20 + 1}镇", $"第{household % 20 + 1}镇{household % 300 / 20 + 1}村", $"第{household % 9 + 1}组",
                    string.Create(CultureInfo.InvariantCulture, $"421122{household:000000000}"), $"村民{household}-{m}", id,
                    (m == 0 ? Relationship.Head : others[random.Next(others.Length)]).Label(), gender.Label(),
                    birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "汉族", "初中", "非在校",
                    random.Next(4) == 0 ? "残疾（二级）" : "健康", "普通劳动力", "省外务工", "6", "是", "是", "否",
                    "一般贫困户", "因病", "缺技术", "2014", exited ? "已脱贫" : "未脱贫", exited ? "2018" : null, "否", null, "13800138000",
                ];
                for (var i = 0; i < cells.Length; i++) cells[i] = new XlsxCell(values[i]);
                writer.WriteRow(++row, cells);
            }
        }
    }

    private static async Task<string> FreshDatabaseAsync(DatabaseProvider provider, string server)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"import-bench-{Guid.NewGuid():N}.db");
            return $"Data Source={file}";
        }
        var name = $"import_bench_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Called on the reporting thread, unlike <see cref="Progress{T}"/>, so the time is that of the report.</summary>
    private sealed class Phase(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private sealed class FixedUser(string role) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench"), new Claim(ClaimTypes.Role, role)], "bench"))));
    }

    private sealed class Factory(DbContextOptions<PortalDbContext> options, IAreaScopeSource user) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(options, user);
    }
}
