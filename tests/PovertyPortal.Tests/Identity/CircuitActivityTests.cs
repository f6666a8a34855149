using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Identity;

public sealed class CircuitActivityTests
{
    [Fact]
    public void A_circuit_is_idle_after_thirty_minutes_without_activity_and_activity_resets_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var activity = new CircuitActivity(clock);

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.False(activity.IsIdle);
        activity.Touch();
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.False(activity.IsIdle);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(activity.IsIdle);
    }
}
