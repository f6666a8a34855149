using System.Globalization;
using PovertyPortal.LoadTests.Scenario;

namespace PovertyPortal.LoadTests.Load;

/// <summary>The command line of a load run (README.md lists every option).</summary>
public sealed record LoadOptions
{
    public Uri Url { get; init; } = new("http://127.0.0.1:5281/");
    public int Circuits { get; init; } = 50;
    /// <summary>Circuit counts of the ramp, ascending; each is held for <see cref="Hold"/>.</summary>
    public IReadOnlyList<int> Steps { get; init; } = [];
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>New circuits per second while ramping to a step.</summary>
    public double RampRate { get; init; } = 10;
    /// <summary>The run stops by itself after this long (ramp and holds), whatever the steps say.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);
    public IReadOnlyList<string> Users { get; init; } = ["township", "township2", "leader", "member"];
    public string Password { get; init; } = "";
    public IReadOnlyList<int> ServerPids { get; init; } = [];
    /// <summary>A shell command printing the portal's PIDs, run at each sample (instead of --server-pids).</summary>
    public string? ServerPidsCommand { get; init; }
    public TimeSpan? RestartAt { get; init; }
    /// <summary>With it, <see cref="RestartAt"/> counts from the moment this step's ramp reached its circuits.</summary>
    public int? RestartStep { get; init; }
    public string? RestartCommand { get; init; }
    public string OutDir { get; init; } = "artifacts/load";
    public bool Check { get; init; }
    public double P95LimitMs { get; init; } = 200;
    /// <summary>With --check, also fail when a step's memory per circuit exceeds this (MB); off when null.</summary>
    public double? MemoryLimitMb { get; init; }
    /// <summary>Seconds of a few fast users (one per account) before the ramp, not measured: JIT and caches warm.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;
    /// <summary>Each user signs in with a browser of its own (own cookie) instead of sharing the account's.</summary>
    public bool BrowserPerUser { get; init; }
    public TimeSpan VerifyTimeout { get; init; } = TimeSpan.FromSeconds(90);
    public ScenarioOptions Scenario { get; init; } = new();

    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        static List<int> Ints(string? list) =>
            list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture)).ToList();
        static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

        var defaults = new LoadOptions();
        var requested = Ints(Value("--steps"));
        var circuits = Value("--circuits") is { } c ? int.Parse(c, CultureInfo.InvariantCulture)
            : requested.Count > 0 ? requested.Max() : defaults.Circuits;
        // A step may repeat the one before: it holds as many circuits again (eng/load-test.sh's restart step).
        var steps = requested.Where(s => s > 0).Select(s => Math.Min(s, circuits)).Order().ToList();
        if (steps.Count == 0 || steps[^1] < circuits && Value("--steps") is null) steps = [circuits];
        var think = (Value("--think") ?? "10-30").Split('-');
        var url = Value("--url") ?? defaults.Url.ToString();
        if (!url.EndsWith('/')) url += "/";
        return new LoadOptions
        {
            Url = new Uri(url),
            Circuits = circuits,
            Steps = steps,
            Hold = Value("--hold") is { } h ? TimeSpan.FromSeconds(Num(h)) : defaults.Hold,
            RampRate = Value("--ramp-rate") is { } r ? Num(r) : defaults.RampRate,
            Duration = Value("--duration") is { } d ? TimeSpan.FromSeconds(Num(d)) : defaults.Duration,
            Users = Value("--users") is { } u ? u.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : defaults.Users,
            Password = Environment.GetEnvironmentVariable("PORTAL_LOAD_PASSWORD") ?? "",
            ServerPids = Ints(Value("--server-pids")),
            ServerPidsCommand = Value("--server-pids-command"),
            RestartAt = Value("--restart-at") is { } ra ? TimeSpan.FromSeconds(Num(ra)) : null,
            RestartStep = Value("--restart-step") is { } rs ? int.Parse(rs, CultureInfo.InvariantCulture) : null,
            RestartCommand = Value("--restart-command"),
            OutDir = Value("--out") ?? Path.Combine("artifacts", "load", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)),
            Check = args.Contains("--check"),
            BrowserPerUser = args.Contains("--browser-per-user"),
            P95LimitMs = Value("--p95-limit") is { } p ? Num(p) : defaults.P95LimitMs,
            MemoryLimitMb = Value("--memory-limit") is { } m ? Num(m) : null,
            Warmup = Value("--warmup") is { } wu ? TimeSpan.FromSeconds(Num(wu)) : TimeSpan.Zero,
            VerifyTimeout = Value("--verify-timeout") is { } vt ? TimeSpan.FromSeconds(Num(vt)) : defaults.VerifyTimeout,
            Scenario = new ScenarioOptions
            {
                ThinkMin = TimeSpan.FromSeconds(Num(think[0])),
                ThinkMax = TimeSpan.FromSeconds(Num(think.Length > 1 ? think[1] : think[0])),
                InteractionTimeout = Value("--timeout") is { } t ? TimeSpan.FromSeconds(Num(t)) : TimeSpan.FromSeconds(30),
            },
        };
    }
}
