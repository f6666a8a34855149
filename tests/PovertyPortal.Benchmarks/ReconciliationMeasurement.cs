using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Reconciliation;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Reconciliation;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// `--reconcile-once`: 账账相符 of issue 18 (100,000 file rows ≤ 20 s, ≤ 400 MB peak working set) on a county made by
/// `generate-county` (PORTAL_BENCH_SQLITE, PORTAL_BENCH_POSTGRES; one provider per process with --postgres-only, so
/// that each peak is its own). The file is written first, as the national system would export it: 99,000 members of
/// the county (every 20th renamed, every 50th household's status changed) and 1,000 people the county does not have,
/// as .xlsx. Timed: reading the file by the proposed mapping, then the comparison over the whole county (every member
/// streamed: the 1,000,000 the file leaves out are counted as only in the portal).
/// </summary>
public static class ReconciliationMeasurement
{
    private const int Members = 99_000;
    private const int Strangers = 1_000;

    public static async Task<int> RunAsync(DatabaseProvider provider)
    {
        var bench = await BenchDatabase.OpenAsync(provider);
        var path = Path.Combine(Path.GetTempPath(), $"reconcile-bench-{provider}.xlsx");
        await WriteFileAsync(bench, path);
        GC.Collect();
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;

        var scope = AreaScope.County(bench.CountyId);
        var factory = new LedgerListMeasurement.Factory(bench.Options, new LedgerListMeasurement.FixedScope(scope));
        var user = new CurrentUser(new Supervisor(bench.CountyId));
        var audit = new AuditLog(bench.Options, TimeProvider.System, new ClientAddress(new HttpContextAccessor()));
        var handler = new CompareWithFile(factory, user, audit);

        var watch = Stopwatch.StartNew();
        ReconciliationSheet sheet;
        await using (var file = File.OpenRead(path))
        {
            var (header, error) = await ReconciliationFileReader.ReadHeaderAsync(file, path);
            if (header is null) throw new InvalidOperationException(error);
            var mapping = ReconciliationFileReader.Propose(header, ReconciliationSourceKind.NationalExport, null);
            sheet = await ReconciliationFileReader.ReadAsync(file, path, mapping);
        }
        var read = watch.Elapsed;
        var peakRead = Process.GetCurrentProcess().PeakWorkingSet64;
        Heap("after read");
        var fields = ReconciliationFields.Mappable(ReconciliationSourceKind.NationalExport);
        var result = await handler.HandleAsync(new CompareWithFile.Query(ReconciliationSourceKind.NationalExport, "国家防返贫监测信息系统导出", path, sheet, fields));
        var total = watch.Elapsed;
        Heap("after compare");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {provider}: {sheet.Rows.Count:N0} file rows against {bench.Members:N0} members ({bench.Households:N0} households)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  read {read.TotalSeconds:F1} s, compare {(total - read).TotalSeconds:F1} s, total {total.TotalSeconds:F1} s; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB (before: {peakBefore / 1048576.0:F0} MB, after read {peakRead / 1048576.0:F0} MB); " +
            $"load average {(OperatingSystem.IsLinux() ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  matched {result.Matched:N0}, differing fields {result.DifferingFields:N0}, only in file {result.OnlyInFilePeople:N0}, " +
            $"only in portal {result.OnlyInPortalPeople:N0} people / {result.OnlyInPortalHouseholds:N0} households, listed {result.Differences.Count:N0}{(result.Truncated ? " (cut)" : "")}"));
        File.Delete(path);
        return result.Matched == Members ? 0 : 1;
    }

    /// <summary>PORTAL_BENCH_HEAP=1: what the GC holds after a phase, to tell live data from a heap not yet given back.</summary>
    private static void Heap(string phase)
    {
        if (Environment.GetEnvironmentVariable("PORTAL_BENCH_HEAP") != "1") return;
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {phase}: GC committed {info.TotalCommittedBytes / 1048576.0:F0} MB, heap {info.HeapSizeBytes / 1048576.0:F0} MB, working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MB, live {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MB"));
    }

    /// <summary>The national export of the county's first members, with names and statuses changed and strangers added.</summary>
    private static async Task WriteFileAsync(BenchDatabase bench, string path)
    {
        await using var db = bench.NewContext(AreaScope.County(bench.CountyId));
        var people = db.Members.AsNoTracking().Where(m => !m.IsDeceased).OrderBy(m => m.Id).Take(Members)
            .Select(m => new { m.Name, m.ResidentId, m.Relationship, m.Household!.HouseholdNumber, m.Household.Status, m.Household.LivingMembers, m.HouseholdId });
        await using var output = File.Create(path);
        using var sheet = new XlsxSheetWriter(output, "人员信息", [new(20, XlsxStyle.Text), new(10), new(20, XlsxStyle.Text), new(10), new(10), new(8)], frozenRows: 1);
        sheet.WriteRow(1, [new("户编号"), new("姓名"), new("证件号码"), new("与户主关系"), new("脱贫状态"), new("家庭人口")]);
        var row = 1;
        await foreach (var p in people.AsAsyncEnumerable())
        {
            row++;
            var name = row % 20 == 0 ? p.Name + "某" : p.Name;
            var status = p.HouseholdId % 50 == 0 ? (p.Status == HouseholdStatus.Exited ? HouseholdStatus.Identified : HouseholdStatus.Exited) : p.Status;
            sheet.WriteRow(row, [new(p.HouseholdNumber, XlsxStyle.Text), new(name), new(p.ResidentId, XlsxStyle.Text), new(p.Relationship.Label()),
                new(status.Label()), new(p.LivingMembers)]);
        }
        for (var i = 0; i < Strangers; i++)
        {
            var id = ResidentId.Create("429999", new DateOnly(1960, 1, 1).AddDays(i), 500, Gender.Male).Value;
            sheet.WriteRow(++row, [new($"W{i:00000}", XlsxStyle.Text), new("外来人员"), new(id, XlsxStyle.Text), new("户主"), new("未脱贫"), new(1)]);
        }
    }

    private sealed class Supervisor(int countyId) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench"), new Claim(ClaimTypes.Role, PortalRoles.CountySupervisor),
                new Claim(PortalClaims.CountyId, countyId.ToString(CultureInfo.InvariantCulture))], "bench"))));
    }
}
