namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// The limits of Blazor circuits, set on purpose (deploy/README.md, "Circuits"). A circuit is a user's open tab held in
/// the server's memory; these decide how long one outlives a lost connection and how much one may hold.
/// </summary>
public static class CircuitSettings
{
    public static IServiceCollection AddPortalCircuits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Circuits");
        services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
            {
                // A phone in a village loses its signal for minutes, not seconds: its page comes back as it was if the
                // connection returns within this time (the default of 3 minutes is short for that).
                o.DisconnectedCircuitRetentionPeriod = section.GetValue("DisconnectedRetention", TimeSpan.FromMinutes(5));
                // The cap on circuits kept for lost connections; past it the oldest go. At most a few hundred MB.
                o.DisconnectedCircuitMaxRetained = section.GetValue("MaxRetainedDisconnected", 500);
                // Render batches sent but not yet applied by a slow phone; the server waits past this many.
                o.MaxBufferedUnacknowledgedRenderBatches = section.GetValue("MaxBufferedRenderBatches", 10);
                o.JSInteropDefaultCallTimeout = section.GetValue("JSInteropTimeout", TimeSpan.FromMinutes(1));
            })
            .AddHubOptions(o =>
            {
                o.MaximumReceiveMessageSize = section.GetValue("MaxMessageBytes", 32 * 1024);
                // A connection silent this long is closed (the browser pings every 15 s): it frees the circuit for retention.
                o.ClientTimeoutInterval = section.GetValue("ClientTimeout", TimeSpan.FromSeconds(30));
                o.KeepAliveInterval = section.GetValue("KeepAlive", TimeSpan.FromSeconds(15));
            });
        return services;
    }
}
