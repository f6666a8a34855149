using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Tests.Domain;

public sealed class PortalYearsTests
{
    [Fact]
    public void The_year_and_the_day_turn_at_midnight_Beijing_time_whatever_the_servers_zone()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 31, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal(2025, PortalYears.ThisYear(clock));

        // 16:30 UTC on New Year's Eve is already half past midnight on New Year's Day in Beijing.
        clock.SetUtcNow(new DateTimeOffset(2025, 12, 31, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 1, 1), PortalYears.Today(clock));
        Assert.Equal(2026, PortalYears.ThisYear(clock));
        Assert.Equal(new DateTime(2026, 1, 2), PortalYears.EndOfToday(clock));
    }
}
