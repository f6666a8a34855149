namespace PovertyPortal.LoadTests.Load;

/// <summary>Latency percentiles of a set of interactions (nearest-rank on the sorted latencies).</summary>
public sealed record LatencyStats(int Count, int Timeouts, double P50, double P95, double P99, double Max)
{
    public static LatencyStats Of(IEnumerable<Interaction> interactions)
    {
        var list = interactions.ToList();
        var sorted = list.Select(i => i.LatencyMs).Order().ToArray();
        if (sorted.Length == 0) return new LatencyStats(0, 0, 0, 0, 0, 0);
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(sorted.Length, list.Count(i => i.Outcome == "timeout"), Round(At(0.50)), Round(At(0.95)), Round(At(0.99)), Round(sorted[^1]));
    }

    private static double Round(double ms) => Math.Round(ms, 1);
}

/// <summary>
/// One step of the ramp: its window, its circuits, its latencies and the server's memory at its end. The latencies
/// (<see cref="Overall"/>, <see cref="Kinds"/>) are those of the held window, from <see cref="HoldStartSeconds"/>:
/// the circuits' steady work at that count. The arrivals before it (each new user signing in and opening the portal,
/// four a second) are a morning's sign-in storm compressed into a minute; they are reported as <see cref="Ramp"/>.
/// Memory per circuit is measured against the RSS at 0 circuits; the slope against the step before (or 0 circuits),
/// which does not depend on how much memory a server that ran earlier loads still held at the start.
/// </summary>
public sealed record StepResult(
    int Step,
    int TargetCircuits,
    int LiveCircuits,
    double StartSeconds,
    double HoldStartSeconds,
    double EndSeconds,
    LatencyStats Ramp,
    LatencyStats Overall,
    IReadOnlyDictionary<string, LatencyStats> Kinds,
    double? ServerRssMb,
    double? MemoryPerCircuitMb,
    double? SlopeMbPerCircuit);
