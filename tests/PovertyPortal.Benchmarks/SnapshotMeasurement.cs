using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Dashboard;
using PovertyPortal.Web.Features.Snapshots;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// `--snapshot-once`: year-end snapshots (issue 18, decision 0028) of the `generate-county` county (with the dashboard's
/// support rows: income 2017–2020, benefits and checks of 2020) on each configured database: freezing 2019 and 2020
/// through the FreezeYearEndSnapshot handler, the year-over-year changes 2019 → 2020 and 2020 → the live register,
/// and the dashboard as of the 2020 snapshot against the live one. The bench county's earlier snapshots are removed
/// first by a set-based delete (a benchmark database only: the portal has no such path).
/// </summary>
public static class SnapshotMeasurement
{
    public static async Task RunAsync()
    {
        foreach (var provider in BenchDatabase.Configured()) await RunAsync(await BenchDatabase.OpenAsync(provider));
    }

    private static async Task RunAsync(BenchDatabase database)
    {
        await DashboardBenchData.EnsureSupportRowsAsync(database);
        var county = database.CountyId;
        await using (var db = database.NewContext(AreaScope.All))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var ids = await db.YearEndSnapshots.Where(s => s.CountyId == county).Select(s => s.Id).ToListAsync();
            await db.SnapshotChangeExplanations.Where(e => ids.Contains(e.FromSnapshotId)).ExecuteDeleteAsync();
            await db.SnapshotBenefits.Where(b => ids.Contains(b.SnapshotId)).ExecuteDeleteAsync();
            await db.SnapshotMembers.Where(m => ids.Contains(m.SnapshotId)).ExecuteDeleteAsync();
            await db.SnapshotHouseholds.Where(h => ids.Contains(h.SnapshotId)).ExecuteDeleteAsync();
            await db.YearEndSnapshots.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync();
        }
        var options = new DbContextOptionsBuilder<PortalDbContext>(database.Options)
            .AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System)).Options;
        var factory = new LedgerListMeasurement.Factory(options, new LedgerListMeasurement.FixedScope(AreaScope.County(county)));
        var user = new CurrentUser(new Supervisor());
        var audit = new AuditLog(options, TimeProvider.System, new ClientAddress(new HttpContextAccessor()));
        var freeze = new FreezeYearEndSnapshot(factory, user, audit, TimeProvider.System);
        Console.WriteLine($"== {database.Provider}: {database.Households:N0} households, {database.Members:N0} members");

        var frozen = new Dictionary<int, int>();
        foreach (var year in new[] { 2019, 2020 })
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            var result = await freeze.HandleAsync(new FreezeYearEndSnapshot.Command { CountyId = county, Year = year });
            if (!result.Succeeded) throw new InvalidOperationException(result.Outcome.Summary);
            frozen[year] = result.Value;
            Print($"freeze {year}", watch.Elapsed, $"peak working set {Environment.WorkingSet / 1048576} MB (process {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB)");
        }
        var changes = new GetSnapshotChanges(factory, TimeProvider.System);
        foreach (var (label, query) in new[] { ("changes 2019 → 2020", new GetSnapshotChanges.Query(frozen[2019], frozen[2020])),
                                               ("changes 2020 → live 2020", new GetSnapshotChanges.Query(frozen[2020], null, 2020)) })
        {
            var watch = Stopwatch.StartNew();
            var result = await changes.HandleAsync(query) ?? throw new InvalidOperationException("no snapshot");
            Print(label, watch.Elapsed, $"{result.Changes.Count:N0} households changed: "
                + string.Join(", ", result.PerReason.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value:N0}")));
        }

        var areas = new GetDashboardAreas(factory);
        var asOf = new GetSnapshotDashboard(factory, areas);
        var live = new GetDashboard(areas, new GetRegistryFigures(factory), new GetExitsPerYear(factory), new GetPovertyCauses(factory),
            new GetMonitoringFigures(factory), new GetIncomeFigures(factory), new GetBenefitFigures(factory), new GetMicroloanFigures(factory, TimeProvider.System),
            new GetAssuranceFigures(factory), new GetCollectiveIncomeFigures(factory), new GetResidencyFigures(factory, TimeProvider.System), new GetIncomeTrend(factory));
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var snapshot = await asOf.HandleAsync(frozen[2020], null) ?? throw new InvalidOperationException("no snapshot");
            var snapshotTime = watch.Elapsed;
            watch.Restart();
            var now = await live.HandleAsync(new DashboardQuery(2020, null, county));
            Print($"dashboard as of 2020 snapshot (run {run + 1})", snapshotTime,
                $"live {now.Registered:N0}/{now.BenefitAmount:N2} in {watch.Elapsed.TotalMilliseconds:F0} ms; snapshot {snapshot.Registered:N0}/{snapshot.BenefitAmount:N2}");
        }
    }

    private static void Print(string what, TimeSpan elapsed, string detail) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-34} {elapsed.TotalSeconds,8:F2} s  {detail}"));

    private sealed class Supervisor : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench"), new Claim(ClaimTypes.Role, PortalRoles.CountySupervisor)], "bench"))));
    }
}
