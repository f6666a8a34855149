using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// Limits sign-in form posts per client address and per account with ASP.NET Core's rate limiter, on top of Identity's
/// lockout (5 failures, 15 minutes): the lockout stops guessing one account's password, these stop one address from
/// trying many accounts and many addresses from hammering one account (including the second-factor form). Only the
/// two sign-in posts count; nothing else is limited.
/// </summary>
public static class SignInRateLimiting
{
    private const string AccountItem = "portal:sign-in-account";
    private const string LoginPath = "/account/login";
    private const string TwoFactorPath = "/account/login-2fa";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInPost(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("address:" + Address(context), _ => Window(options.SignInPermitsPerAddress, options.SignInRateWindow))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInPost(context) && context.Items[AccountItem] is string account
                    ? RateLimitPartition.GetFixedWindowLimiter("account:" + account, _ => Window(options.SignInPermitsPerAccount, options.SignInRateWindow))
                    : RateLimitPartition.GetNoLimiter("")));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = ((int)options.SignInRateWindow.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(RejectedPage(options.SignInRateWindow), cancellationToken);
            };
        });
        return services;
    }

    /// <summary>
    /// Reads which account a sign-in post is for before the limiter runs (its partition function cannot wait for the
    /// body): the typed user name on the password form, the pending user of the second-factor form. The form stays
    /// buffered for the page that handles it.
    /// </summary>
    public static IApplicationBuilder UseSignInRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignInPost(context) && context.Request.HasFormContentType)
            {
                if (context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase))
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    var userName = form["Input.UserName"].ToString().Trim().ToUpperInvariant();
                    if (userName.Length > 0) context.Items[AccountItem] = "name:" + userName;
                }
                else
                {
                    var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
                    if (pending.Principal?.Identity?.Name is { } userId) context.Items[AccountItem] = "id:" + userId;
                }
            }
            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static bool IsSignInPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.Equals(TwoFactorPath, StringComparison.OrdinalIgnoreCase));

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : "unknown";

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string RejectedPage(TimeSpan window) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>登录尝试过于频繁 - 驻村帮扶工作管理平台</title><link rel="stylesheet" href="/app.css" /></head>
        <body><div class="account-shell"><main class="account-card">
        <h1 class="account-heading">登录尝试过于频繁</h1>
        <div class="account-alert account-alert-error" role="alert">登录尝试过于频繁，请{{WebUtility.HtmlEncode(Minutes(window))}}后再试。如需帮助，请联系管理员。</div>
        <a class="account-link" href="/account/login">返回登录页</a>
        </main></div></body></html>
        """;

    private static string Minutes(TimeSpan window) =>
        window.TotalMinutes >= 1 ? $"{Math.Ceiling(window.TotalMinutes):0}分钟" : $"{Math.Ceiling(window.TotalSeconds):0}秒";
}
