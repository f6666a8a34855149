using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Tests.Hosting;

/// <summary>The settings an instance behind a proxy reads (issue 21): circuit limits, the shared attachment store, the key store.</summary>
public class ScaleOutSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    // Blazor's circuit options read the web root (its JavaScript initializers), so the host's environment is there.
    private static IServiceCollection Circuits() => new ServiceCollection().AddLogging()
        .AddSingleton<IWebHostEnvironment>(new Environment(Path.GetTempPath())).AddSingleton(Settings());

    [Fact]
    public void Circuit_limits_have_the_documented_defaults()
    {
        using var services = Circuits().AddPortalCircuits(Settings()).BuildServiceProvider();

        var circuits = services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(5), circuits.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(500, circuits.DisconnectedCircuitMaxRetained);
        Assert.Equal(10, circuits.MaxBufferedUnacknowledgedRenderBatches);
        Assert.Equal(TimeSpan.FromMinutes(1), circuits.JSInteropDefaultCallTimeout);
    }

    [Fact]
    public void Circuit_limits_are_taken_from_the_Circuits_section()
    {
        var settings = Settings(("Circuits:DisconnectedRetention", "00:10:00"), ("Circuits:MaxRetainedDisconnected", "1200"),
            ("Circuits:MaxBufferedRenderBatches", "4"), ("Circuits:MaxMessageBytes", "65536"), ("Circuits:ClientTimeout", "00:01:00"));
        using var services = Circuits().AddPortalCircuits(settings).BuildServiceProvider();

        var circuits = services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(10), circuits.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(1200, circuits.DisconnectedCircuitMaxRetained);
        Assert.Equal(4, circuits.MaxBufferedUnacknowledgedRenderBatches);
        // Blazor's hub class is internal; its options are read by their type.
        var hubType = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hubType)));
        var hub = (HubOptions)options.GetType().GetProperty("Value")!.GetValue(options)!;
        Assert.Equal(65536, hub.MaximumReceiveMessageSize);
        Assert.Equal(TimeSpan.FromMinutes(1), hub.ClientTimeoutInterval);
    }

    [Fact]
    public void Instances_share_the_attachment_store_named_by_Storage_AttachmentsDirectory()
    {
        var root = Path.Combine(Path.GetTempPath(), "povertyportal-tests", Guid.NewGuid().ToString("N"));
        var environment = new Environment(root);

        var own = new PortalPaths(Settings(("Storage:DataDirectory", "data1")), environment);
        var shared = new PortalPaths(Settings(("Storage:DataDirectory", "data2"), ("Storage:AttachmentsDirectory", "/srv/portal/attachments")), environment);

        Assert.Equal(Path.Combine(root, "data1", "attachments"), own.AttachmentsDirectory);
        Assert.Equal("/srv/portal/attachments", shared.AttachmentsDirectory);
        Assert.Equal(Path.Combine(root, "data2"), shared.DataDirectory);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void An_unknown_key_store_is_named_in_the_message()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddPortalDataProtection(Settings(("DataProtection:KeyStore", "Redis"))));

        Assert.Equal("配置项 DataProtection:KeyStore 的值“Redis”无效，应为 Directory 或 Database。", refused.Message);
    }

    private sealed class Environment(string root) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "PovertyPortal.Web";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string WebRootPath { get; set; } = root;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    }
}
