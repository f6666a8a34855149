using System.Collections.Concurrent;
using System.Diagnostics;

namespace PovertyPortal.LoadTests.Load;

/// <summary>One timed interaction: from the event sent to the render that showed its result.</summary>
public sealed record Interaction(string Kind, double StartSeconds, double LatencyMs, string Outcome, int Circuits, int User);

/// <summary>
/// Collects interactions and counts from every virtual user (thread-safe, append-only). Times are seconds since
/// the run's start, from one Stopwatch.
/// </summary>
public sealed class Recorder
{
    private readonly long origin = Stopwatch.GetTimestamp();
    private readonly ConcurrentQueue<Interaction> interactions = new();
    private int liveCircuits;

    public ConcurrentDictionary<string, long> Counts { get; } = new();
    /// <summary>A few examples per error kind (messages of the portal or the client, never form values).</summary>
    public ConcurrentDictionary<string, string> Examples { get; } = new();

    public int LiveCircuits => Volatile.Read(ref liveCircuits);
    public void CircuitUp() => Interlocked.Increment(ref liveCircuits);
    public void CircuitDown() => Interlocked.Decrement(ref liveCircuits);

    public double Now => Stopwatch.GetElapsedTime(origin).TotalSeconds;
    public double SecondsAt(long timestamp) => Stopwatch.GetElapsedTime(origin, timestamp).TotalSeconds;

    public void Add(string kind, long startTimestamp, long endTimestamp, string outcome, int user) =>
        interactions.Enqueue(new Interaction(kind, SecondsAt(startTimestamp),
            Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds, outcome, LiveCircuits, user));

    public void Count(string what, string? example = null)
    {
        Counts.AddOrUpdate(what, 1, (_, n) => n + 1);
        if (example is not null) Examples.TryAdd(what, example.Length > 300 ? example[..300] : example);
    }

    public long CountOf(string what) => Counts.TryGetValue(what, out var n) ? n : 0;

    public IReadOnlyList<Interaction> Snapshot() => interactions.ToArray();
}
