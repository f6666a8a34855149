using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.DataChecks;

namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>
/// 夜间比对: every night at DataChecks:NightlyAt (local time, 02:30 unless set) every county's rules run over the
/// whole county, so findings are at most a day old and a fixed record drops out by the next morning.
/// DataChecks:Nightly=false switches it off (the tests do; they run <see cref="RunNightAsync"/> themselves).
/// </summary>
public sealed class NightlyDataChecks(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<NightlyDataChecks> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("DataChecks:Nightly", true)) return;
        var at = TimeOnly.TryParse(configuration["DataChecks:NightlyAt"], System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : new TimeOnly(2, 30);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Up to half a minute apart, so that of several instances one usually finds the night already claimed.
                await Task.Delay(UntilNext(clock.GetLocalNow(), at) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 30_000)), clock, stoppingToken);
                if (await ClaimNightAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), stoppingToken)) await RunNightAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database that is down at night is tried again the next night; the portal keeps running.
                logger.LogError(e, "Nightly data checks failed");
            }
        }
    }

    /// <summary>How long from <paramref name="now"/> until the next <paramref name="at"/> (tomorrow's when today's has passed).</summary>
    public static TimeSpan UntilNext(DateTimeOffset now, TimeOnly at)
    {
        var next = new DateTimeOffset(DateOnly.FromDateTime(now.DateTime).ToDateTime(at), now.Offset);
        if (next <= now) next = next.AddDays(1);
        return next - now;
    }

    public const string Job = "nightly-data-checks";

    /// <summary>
    /// True when this instance is the one to run the night of <paramref name="night"/>: behind a proxy every instance
    /// wakes at the same time, and only the first claim goes in (decision 0034).
    /// </summary>
    public async Task<bool> ClaimNightAsync(DateOnly night, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        var instance = $"{Environment.MachineName}:{Environment.ProcessId}";
        // The usual case behind a proxy: another instance claimed it a moment ago. Looked up first, so that the insert
        // below fails (and EF Core logs the failure as an error) only when two instances claim in the same instant.
        if (await HolderAsync(db, night, cancellationToken) is { } early) return Skip(night, early);
        db.ScheduledRuns.Add(new PovertyPortal.Data.Hosting.ScheduledRun { Job = Job, RunDate = night, Instance = instance, ClaimedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return await HolderAsync(db, night, cancellationToken) is { } holder ? Skip(night, holder) : throw new InvalidOperationException("夜间比对的认领未能写入");
        }
    }

    private static Task<string?> HolderAsync(PortalDbContext db, DateOnly night, CancellationToken cancellationToken) =>
        db.ScheduledRuns.AsNoTracking().Where(r => r.Job == Job && r.RunDate == night).Select(r => r.Instance).FirstOrDefaultAsync(cancellationToken);

    private bool Skip(DateOnly night, string holder)
    {
        logger.LogInformation("Nightly data checks of {Night:yyyy-MM-dd} run on {Instance}; this instance skips them", night, holder);
        return false;
    }

    /// <summary>One night's work: each county in turn, one failing county not stopping the others.</summary>
    public async Task RunNightAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        List<int> counties;
        await using (db)
        {
            counties = await db.Counties.IgnoreQueryFilters().Where(c => !c.IsRetired).Select(c => c.Id).ToListAsync(cancellationToken);
        }
        var run = scope.ServiceProvider.GetRequiredService<RunDataChecks>();
        foreach (var county in counties)
        {
            try
            {
                var outcome = await run.RunAsync(AreaScope.County(county), DataCheckTrigger.Nightly, "system", cancellationToken);
                logger.LogInformation("Nightly data checks of county {County}: {Rules} rules, {Open} open, {New} new, {Resolved} resolved in {Took}",
                    county, outcome.RulesRun, outcome.OpenFindings, outcome.NewFindings, outcome.ResolvedFindings, outcome.Took);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Nightly data checks of county {County} failed", county);
            }
        }
    }
}
