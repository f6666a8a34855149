using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// The response headers of 等保2.0 三级 and the proxy rule (decision 0017). The content security policy allows the
/// portal's own scripts only ('self': blazor.web.js, MudBlazor's script under _content, js/*.js; no inline script,
/// no eval) and its own styles; inline style attributes stay allowed because MudBlazor writes them on its elements
/// (widths, positions of popovers and dialogs). The WebSocket of the Blazor circuit goes to the same origin.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), magnetometer=(), gyroscope=(), accelerometer=()";

    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            // At the start of the response, so that error pages (whose handler clears the headers) carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // An endpoint with a stricter policy of its own (attachments: sandbox) keeps it.
                if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// X-Forwarded-For and -Proto are believed only from the proxies of Security:KnownProxies / KnownNetworks; with
    /// neither configured, from loopback (nginx on the same machine). Anyone else's headers are ignored, so a client
    /// cannot choose the address the audit log and the rate limiter see.
    /// </summary>
    public static ForwardedHeadersOptions ForwardedHeaders(SecurityOptions security)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        var proxies = SecurityOptions.Split(security.KnownProxies).ToList();
        var networks = SecurityOptions.Split(security.KnownNetworks).ToList();
        if (proxies.Count == 0 && networks.Count == 0) return options;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        return options;
    }
}
