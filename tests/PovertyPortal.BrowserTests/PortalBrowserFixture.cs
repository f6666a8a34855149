using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PovertyPortal.BrowserTests;

/// <summary>
/// The portal on a real Kestrel port on 127.0.0.1 with the demo data, and Debian's Chromium driven by Playwright.
/// Playwright downloads nothing: it is pointed at /usr/bin/chromium.
/// </summary>
public class PortalBrowserFixture : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "povertyportal-browser", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public string BaseAddress { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The running portal's services, for a test that checks the page against the stored data.</summary>
    public IServiceProvider Services => factory!.Services;

    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Makes the database the portal will run on, before it starts; the embedded SQLite needs nothing.</summary>
    protected virtual Task PrepareDatabaseAsync() => Task.CompletedTask;

    /// <summary>The database the portal runs on: the embedded SQLite unless a fixture brings its own.</summary>
    protected virtual void ConfigureDatabase(IWebHostBuilder builder) => builder.UseSetting("Database:Provider", "Sqlite");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        Directory.CreateDirectory(ScreenshotDirectory);
        await PrepareDatabaseAsync();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            ConfigureDatabase(builder);
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("PersonalData:KeyFile", Path.Combine(dataDirectory + "-keys", "personal-data-keys.json"));
            builder.UseSetting("Demo:Enabled", "true");
            // The nightly data checks would run over the shared demo county at 02:30; tests run them themselves.
            builder.UseSetting("DataChecks:Nightly", "false");
            builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(dataDirectory, "keys"));
            // Every test signs in from 127.0.0.1, most as the demo admin or supervisor: neither the sign-in rate limits
            // nor the second factor those roles must set up would let the suite through. Both are tested on their own
            // (TwoFactorTests here, SignInTests in the integration tests).
            builder.UseSetting("Security:SignInPermitsPerAddress", "100000");
            builder.UseSetting("Security:SignInPermitsPerAccount", "100000");
            builder.UseSetting("Security:TwoFactorRequiredRoles", "");
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseAddress = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException("浏览器测试需要 Debian 的 Chromium（/usr/bin/chromium）：请用 ./eng/test.sh 运行，它会安装 chromium。");
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--lang=zh-CN"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        try { Directory.Delete(dataDirectory + "-keys", recursive: true); } catch (IOException) { }
    }
}
