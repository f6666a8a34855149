using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PovertyPortal.Web.Identity;

/// <summary>When the user of this circuit last did something (a click, a key, a navigation).</summary>
public sealed class CircuitActivity(TimeProvider clock)
{
    public DateTimeOffset LastActivity { get; private set; } = clock.GetUtcNow();

    public void Touch() => LastActivity = clock.GetUtcNow();

    public bool IsIdle => clock.GetUtcNow() - LastActivity >= IdentityServiceCollectionExtensions.IdleTimeout;
}

/// <summary>
/// Records every inbound call of a circuit as activity. The revalidating authentication state provider signs an
/// idle circuit out on the server, whatever the browser's script does (等保2.0: 30 minutes).
/// </summary>
public sealed class ActivityCircuitHandler(CircuitActivity activity) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            activity.Touch();
            return next(context);
        };
}
