namespace PovertyPortal.LoadTests.Scenario;

public sealed record ScenarioOptions
{
    /// <summary>Think time between interactions, drawn uniformly from [min, max].</summary>
    public TimeSpan ThinkMin { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan ThinkMax { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How long an interaction may take before it counts as a timeout.</summary>
    public TimeSpan InteractionTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Reconnect attempts after a dropped connection before the page is loaded again.</summary>
    public int ReconnectAttempts { get; init; } = 8;
}
