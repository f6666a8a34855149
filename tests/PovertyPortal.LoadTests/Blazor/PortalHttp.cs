using System.Diagnostics;
using System.Net;

namespace PovertyPortal.LoadTests.Blazor;

/// <summary>
/// The browser side of one account: a cookie container shared by that account's circuits (like tabs of one
/// browser), the static sign-in form, and page loads. One HttpClient per account: connections are pooled.
/// </summary>
public sealed class PortalHttp : IDisposable
{
    private readonly HttpClient client;

    public PortalHttp(Uri baseAddress, string userName)
    {
        BaseAddress = baseAddress;
        UserName = userName;
        Handler = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            UseCookies = true,
            AllowAutoRedirect = true,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        client = new HttpClient(Handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }
    public string UserName { get; }
    public CookieContainer Cookies { get; } = new();
    private SocketsHttpHandler Handler { get; }

    /// <summary>Signs in through the static form; true when the portal answered with a signed-in page.</summary>
    public async Task<bool> SignInAsync(string password, CancellationToken cancel)
    {
        var form = await client.GetStringAsync("account/login", cancel);
        var token = PrerenderedPage.AntiforgeryToken(form) ?? throw new InvalidOperationException("No antiforgery token on /account/login.");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = UserName,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync("account/login", body, cancel);
        var landed = response.RequestMessage?.RequestUri;
        return response.IsSuccessStatusCode && landed is not null &&
               !landed.AbsolutePath.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>GETs a page as a full load (the first visit, or a reload after a rejected circuit).</summary>
    public async Task<PrerenderedPage> LoadPageAsync(string relative, CancellationToken cancel)
    {
        using var response = await client.GetAsync(relative, cancel);
        var html = await response.Content.ReadAsStringAsync(cancel);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {relative}: {(int)response.StatusCode}");
        return PrerenderedPage.Parse(response.RequestMessage?.RequestUri ?? new Uri(BaseAddress, relative), html);
    }

    private long lastKeepAlive = Stopwatch.GetTimestamp();

    /// <summary>
    /// The sliding sign-in cookie is renewed only by HTTP requests, which a circuit does not make: idle-logout.js
    /// GETs account/keepalive at most every five minutes of activity. Fire and forget, as the script does.
    /// </summary>
    public void KeepAliveIfDue()
    {
        var last = Interlocked.Read(ref lastKeepAlive);
        if (Stopwatch.GetElapsedTime(last) < TimeSpan.FromMinutes(5)) return;
        if (Interlocked.CompareExchange(ref lastKeepAlive, Stopwatch.GetTimestamp(), last) != last) return;
        _ = Task.Run(async () =>
        {
            try { using var _ = await client.GetAsync("account/keepalive"); }
            catch (HttpRequestException) { /* the next activity tries again */ }
            catch (TaskCanceledException) { }
        });
    }

    public void Dispose() => client.Dispose();
}
