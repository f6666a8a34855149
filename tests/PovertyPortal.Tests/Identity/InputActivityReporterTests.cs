using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Web.Components.Layout;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Identity;

/// <summary>The circuit's idle clock moves only with the input idle-logout.js reports, not with any other call.</summary>
public sealed class InputActivityReporterTests : BunitContext
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly CircuitActivity activity;

    public InputActivityReporterTests()
    {
        activity = new CircuitActivity(clock);
        Services.AddSingleton(activity);
    }

    [Fact]
    public void The_reporter_hands_the_page_script_a_reference_and_reported_input_keeps_the_circuit_alive()
    {
        var attach = JSInterop.SetupVoid("portalActivity.attach", _ => true);
        var cut = Render<InputActivityReporter>();

        var invocation = Assert.Single(attach.Invocations);
        Assert.IsType<Microsoft.JSInterop.DotNetObjectReference<InputActivityReporter>>(invocation.Arguments[0]);
        clock.Advance(TimeSpan.FromMinutes(25));
        cut.Instance.ReportInput();
        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.False(activity.IsIdle);
    }

    [Fact]
    public void Renders_and_other_circuit_traffic_without_reported_input_leave_the_circuit_idle_after_thirty_minutes()
    {
        JSInterop.SetupVoid("portalActivity.attach", _ => true);
        var cut = Render<InputActivityReporter>();

        for (var minute = 0; minute < 30; minute += 5)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            cut.Render();
        }
        Assert.True(activity.IsIdle);
    }
}
