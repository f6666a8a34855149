using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// `--draw-once`: the draw of a cross-inspection round (issue 17: ≤ 1 s for a county of 25 townships and 300 villages,
/// about 7,500 sampled households) through the DrawSample handler — candidate query, draw, removal of an earlier
/// sample and insert of the new one, audit — on a fresh database of its own. Each village has 60 registered, 15
/// monitored and 25 other households (30,000 in all); a first round is drawn before, so the timed round's draw also
/// reads and avoids 7,500 households of a previous round. Timed: the round's first draw, then 5 draws again (each
/// replacing 7,500 rows).
/// </summary>
public static class DrawMeasurement
{
    private const int Townships = 25;
    private const int VillagesPerTownship = 12;
    private const int Redraws = 5;

    public static async Task RunAsync()
    {
        await RunAsync(DatabaseProvider.Sqlite, "");
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is { Length: > 0 } server) await RunAsync(DatabaseProvider.PostgreSql, server);
    }

    private static async Task RunAsync(DatabaseProvider provider, string server)
    {
        var connectionString = await LedgerListMeasurement.FreshDatabaseAsync(provider, server);
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, provider, connectionString, new PersonalDataCipher(PersonalDataKeyRing.Generate()))
            .AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System));
        var (county, previous, round, households) = await SeedAsync(options.Options);

        var factory = new LedgerListMeasurement.Factory(options.Options, new LedgerListMeasurement.FixedScope(AreaScope.County(county)));
        var user = new CurrentUser(new Supervisor());
        var audit = new AuditLog(options.Options, TimeProvider.System, new ClientAddress(new HttpContextAccessor()));
        var handler = new DrawSample(factory, user, audit, TimeProvider.System);
        Console.WriteLine($"== {provider}: {Townships} townships, {Townships * VillagesPerTownship} villages, {households} households");

        var warm = Stopwatch.StartNew();
        var earlier = await handler.HandleAsync(previous);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"previous round, first draw (cold)  {earlier.Households,5} households  {warm.Elapsed.TotalMilliseconds,7:F0} ms"));

        var watch = Stopwatch.StartNew();
        var first = await handler.HandleAsync(round);
        var firstMs = watch.Elapsed.TotalMilliseconds;
        var avoided = await AvoidedAsync(options.Options, previous, round);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timed round, first draw           {first.Households,5} households  {firstMs,7:F0} ms  ({avoided} of them in the previous round)"));

        // The parts: reading the candidates, and the draw itself; the rest of a draw is writing the sample.
        await using (var db = factory.CreateDbContext())
        {
            var loaded = await db.InspectionRounds.Include(r => r.Pairs).FirstAsync(r => r.Id == round);
            watch.Restart();
            var input = await SampleCandidates.LoadAsync(db, loaded, default);
            var readMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var draw = SampleDraw.Draw(1, loaded.Quota, input.VillageIds, input.Candidates, input.InspectedBefore);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  of which: candidates read {readMs:F0} ms ({input.Candidates.Count} candidates), draw {watch.Elapsed.TotalMilliseconds:F0} ms ({draw.Households.Count})"));
        }

        var times = new List<double>();
        for (var i = 0; i < Redraws; i++)
        {
            watch.Restart();
            var again = await handler.HandleAsync(round);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (!again.Succeeded || again.Households != first.Households) throw new InvalidOperationException("A draw again gave another size");
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timed round, draw again ×{Redraws}       {first.Households,5} households  p50 {times[Redraws / 2],5:F0}  max {times[^1],5:F0} ms"));
    }

    private static async Task<int> AvoidedAsync(DbContextOptions<PortalDbContext> options, int previous, int round)
    {
        await using var db = new PortalDbContext(options, new SystemScopeSource("bench"));
        var before = db.SampledHouseholds.Where(s => s.InspectionRoundId == previous).Select(s => s.HouseholdId);
        return await db.SampledHouseholds.CountAsync(s => s.InspectionRoundId == round && before.Contains(s.HouseholdId));
    }

    private static async Task<(int County, int Previous, int Round, int Households)> SeedAsync(DbContextOptions<PortalDbContext> options)
    {
        await using var db = new PortalDbContext(options, new SystemScopeSource("bench"));
        await db.Database.MigrateAsync();
        var county = new County { AdminCode = "429800000000", Name = "抽样测试县" };
        for (var t = 1; t <= Townships; t++)
        {
            var township = new Township { AdminCode = $"4298001{t:00}000", Name = $"第{t}镇", County = county };
            for (var v = 1; v <= VillagesPerTownship; v++)
            {
                township.Villages.Add(new Village { AdminCode = $"4298001{t:00}{v:000}", Name = $"第{t}镇{v}村", County = county, Township = township });
            }
            county.Townships.Add(township);
        }
        db.Counties.Add(county);
        await db.SaveChangesAsync();

        var count = 0;
        foreach (var village in county.Townships.SelectMany(t => t.Villages))
        {
            for (var i = 0; i < 100; i++)
            {
                db.Households.Add(new Household
                {
                    CountyId = county.Id, TownshipId = village.TownshipId, VillageId = village.Id,
                    HouseholdNumber = $"{village.AdminCode}{i:0000}",
                    Status = i < 60 ? HouseholdStatus.Identified : HouseholdStatus.NotRegistered,
                    MonitoringType = i is >= 60 and < 75 ? MonitoringType.Marginal : null,
                });
                count++;
            }
            if (count % 3000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();

        // Two rounds with every township inspecting the next one (previous) and the one after (timed).
        var townships = await db.Townships.Where(t => t.CountyId == county.Id).OrderBy(t => t.AdminCode).Select(t => t.Id).ToListAsync();
        InspectionRound Round(string title, DateOnly start, int shift)
        {
            var r = new InspectionRound { CountyId = county.Id, Title = title, Year = start.Year, StartDate = start, EndDate = start.AddDays(10) };
            for (var i = 0; i < townships.Count; i++)
            {
                r.Pairs.Add(new InspectionPair { CountyId = county.Id, InspectingTownshipId = townships[i], InspectedTownshipId = townships[(i + shift) % townships.Count] });
            }
            return r;
        }
        var previous = Round("上一轮", new DateOnly(2025, 3, 1), 1);
        var timed = Round("本轮", new DateOnly(2025, 9, 1), 2);
        db.InspectionRounds.AddRange(previous, timed);
        await db.SaveChangesAsync();
        return (county.Id, previous.Id, timed.Id, count);
    }

    /// <summary>A county supervisor: DrawSample asks for a role that may plan.</summary>
    private sealed class Supervisor : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench"), new Claim(ClaimTypes.Role, PortalRoles.CountySupervisor)], "bench"))));
    }
}
