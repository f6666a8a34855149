using System.Diagnostics;
using PovertyPortal.LoadTests.Scenario;

namespace PovertyPortal.LoadTests.Load;

/// <summary>
/// A bounded load run: sign the accounts in, scout households for the saves, take the server's memory at zero
/// circuits, then ramp through the steps (add circuits, hold, take memory), run the restart command once if asked,
/// stop at the last step or at --duration, read every acknowledged save back, close every connection, report.
/// </summary>
public sealed class LoadRunner(LoadOptions options)
{
    private readonly Recorder recorder = new();
    private readonly SaveLedger ledger = new();
    private readonly List<StepResult> steps = [];
    private readonly List<(OfficialSession Session, Task Run)> sessions = [];
    private RestartRecord? restart;

    public async Task<int> RunAsync()
    {
        Directory.CreateDirectory(options.OutDir);
        if (options.Password.Length == 0) Console.Error.WriteLine("PORTAL_LOAD_PASSWORD is empty: sign-in will fail.");
        var accounts = options.Users.Select(u => new Account(options.Url, u, options.Password)).ToList();
        try
        {
            return await RunCoreAsync(accounts);
        }
        finally
        {
            foreach (var a in accounts) a.Dispose();
        }
    }

    private async Task<int> RunCoreAsync(List<Account> accounts)
    {
        using var setup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        foreach (var account in accounts)
        {
            if (!await account.Shared.SignInAsync(account.Shared.SignedInVersion, setup.Token))
            {
                Console.Error.WriteLine($"Sign-in failed for {account.UserName}.");
                return 2;
            }
        }
        Log($"signed in {accounts.Count} accounts; scouting households for saves");
        var perAccount = (int)Math.Ceiling(options.Circuits / (double)accounts.Count);
        for (var i = 0; i < accounts.Count; i++)
            await HouseholdScout.ScoutAsync(accounts[i], perAccount, ledger, i, setup.Token);
        Log($"households claimed for saves: {ledger.Claimed} ({string.Join(", ", accounts.Select(a => $"{a.UserName} {a.Unassigned.Count}"))})");

        if (options.Warmup > TimeSpan.Zero) await WarmUpAsync(accounts);

        await Task.Delay(TimeSpan.FromSeconds(3)); // the scouts' circuits close on the server
        var baselineRss = ServerMemory.SumRssMb(ServerMemory.Resolve(options));
        Log($"server RSS at 0 circuits: {Mb(baselineRss)}");

        using var stop = new CancellationTokenSource(options.Duration);
        // A restart timed from the run's start lands in whichever step a slow ramp has reached by then; with
        // --restart-step it waits for that step's circuits to be open.
        var restartTask = options.RestartStep is null ? ScheduleRestartAsync(stop.Token) : Task.CompletedTask;
        var stepIndex = 0;
        foreach (var target in options.Steps)
        {
            if (stop.IsCancellationRequested) break;
            stepIndex++;
            var stepStart = recorder.Now;
            Log($"step {stepIndex}: ramping to {target} circuits");
            await RampToAsync(target, accounts, stop.Token);
            if (options.RestartStep == stepIndex) restartTask = ScheduleRestartAsync(stop.Token);
            // The held window starts once the arrivals' backlog has had a few seconds to clear.
            var holdStart = recorder.Now + Math.Min(10, options.Hold.TotalSeconds / 4);
            try { await Task.Delay(options.Hold, stop.Token); }
            catch (OperationCanceledException) { /* --duration reached: the step ends here */ }
            var stepEnd = recorder.Now;
            var rss = ServerMemory.SumRssMb(ServerMemory.Resolve(options));
            var live = recorder.LiveCircuits;
            var all = recorder.Snapshot();
            var ramp = all.Where(i => i.StartSeconds >= stepStart && i.StartSeconds < holdStart && !OfficialSession.IsOutsideLimit(i.Kind));
            var window = all.Where(i => i.StartSeconds >= holdStart && i.StartSeconds < stepEnd).ToList();
            var result = new StepResult(stepIndex, target, live, stepStart, holdStart, stepEnd, LatencyStats.Of(ramp),
                // "overall" is the users' interactions; a recovery is an outage, reported as its own kind only.
                LatencyStats.Of(window.Where(i => !OfficialSession.IsOutsideLimit(i.Kind))),
                window.GroupBy(i => i.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => LatencyStats.Of(g)),
                rss, rss is not null && baselineRss is not null && live > 0 ? Math.Round((rss.Value - baselineRss.Value) / live, 3) : null,
                Slope(rss, live, steps.Count > 0 ? steps[^1].ServerRssMb : baselineRss, steps.Count > 0 ? steps[^1].LiveCircuits : 0));
            steps.Add(result);
            Log($"step {stepIndex}: ramp p95 {result.Ramp.P95} ms over {result.Ramp.Count} interactions; held: {live} live circuits, {result.Overall.Count} interactions, p95 {result.Overall.P95} ms, RSS {Mb(rss)}, per circuit {result.MemoryPerCircuitMb?.ToString("0.000") ?? "-"} MB, slope {result.SlopeMbPerCircuit?.ToString("0.000") ?? "-"} MB");
        }

        Log("stopping the users");
        await stop.CancelAsync();
        await Task.WhenAll(sessions.Select(s => s.Run));
        await restartTask;

        Log($"reading back {ledger.AcknowledgedHouseholds} saved households");
        using (var verify = new CancellationTokenSource(options.VerifyTimeout))
        using (var gate = new SemaphoreSlim(50))
        {
            await Task.WhenAll(sessions.Select(async s =>
            {
                try
                {
                    await gate.WaitAsync(verify.Token);
                    try { await s.Session.VerifyAsync(verify.Token); }
                    finally { gate.Release(); }
                }
                catch (OperationCanceledException) { recorder.Count("read-back could not run", "verify timeout"); }
            }));
        }
        await Task.WhenAll(sessions.Select(s => s.Session.DisposeAsync().AsTask()));
        Log("all connections closed");

        var report = new Reports(options, recorder, steps, baselineRss, restart);
        report.WriteFiles();
        report.PrintTable();
        var failures = report.CheckFailures();
        if (options.Check && failures.Count > 0)
        {
            foreach (var f in failures) Console.WriteLine("CHECK FAILED: " + f);
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// One fast user per account for --warmup seconds, recorded nowhere: a freshly started portal compiles and
    /// fills its caches on the first requests, which would otherwise land in the first step's percentiles.
    /// </summary>
    private async Task WarmUpAsync(List<Account> accounts)
    {
        Log($"warming up for {options.Warmup.TotalSeconds:0} s");
        var fast = options.Scenario with { ThinkMin = TimeSpan.FromMilliseconds(200), ThinkMax = TimeSpan.FromMilliseconds(500) };
        using var warmStop = new CancellationTokenSource(options.Warmup);
        var warm = accounts.Select((a, i) => new OfficialSession(-1 - i, a, a.TakeHousehold(), fast, new Recorder(), new SaveLedger())).ToList();
        await Task.WhenAll(warm.Select(w => w.RunAsync(warmStop.Token)));
        foreach (var w in warm) await w.DisposeAsync();
    }

    /// <summary>Starts sessions until <paramref name="target"/> run, at --ramp-rate per second; accounts in turn.</summary>
    private async Task RampToAsync(int target, List<Account> accounts, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1 / Math.Max(0.1, options.RampRate));
        while (sessions.Count < target && !stop.IsCancellationRequested)
        {
            var id = sessions.Count;
            var account = accounts[id % accounts.Count];
            var session = new OfficialSession(id, account, account.TakeHousehold(), options.Scenario, recorder, ledger, options.BrowserPerUser);
            sessions.Add((session, Task.Run(() => session.RunAsync(stop), CancellationToken.None)));
            try { await Task.Delay(interval, stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// --restart-command runs once, --restart-at seconds into the ramp, or into --restart-step's held window (the lead's
    /// rolling restart).
    /// </summary>
    private async Task ScheduleRestartAsync(CancellationToken stop)
    {
        if (options.RestartAt is not { } at || string.IsNullOrWhiteSpace(options.RestartCommand)) return;
        try { await Task.Delay(at, stop); }
        catch (OperationCanceledException) { return; }
        var started = recorder.Now;
        Log($"restart command starts: {options.RestartCommand}");
        var info = new ProcessStartInfo("bash", ["-c", options.RestartCommand])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        // Bounded like the run: a command still running well after --duration is ended (exit code -1).
        using var limit = new CancellationTokenSource(options.Duration + TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        await File.WriteAllTextAsync(Path.Combine(options.OutDir, "restart.log"), await output + await errors, CancellationToken.None);
        restart = new RestartRecord(options.RestartCommand, started, recorder.Now, limit.IsCancellationRequested ? -1 : process.ExitCode);
        Log($"restart command ended with exit code {process.ExitCode} after {recorder.Now - started:0.0} s");
    }

    private static double? Slope(double? rss, int live, double? previousRss, int previousLive) =>
        rss is null || previousRss is null || live == previousLive ? null : Math.Round((rss.Value - previousRss.Value) / (live - previousLive), 3);

    private void Log(string message) =>
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message} (live circuits {recorder.LiveCircuits})");

    private static string Mb(double? mb) => mb is null ? "-" : $"{mb:0.0} MB";
}

public sealed record RestartRecord(string Command, double StartSeconds, double EndSeconds, int ExitCode);
