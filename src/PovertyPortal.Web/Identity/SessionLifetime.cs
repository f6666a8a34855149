using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// The absolute session lifetime (Security:AbsoluteSessionLifetime, 12 hours by default) besides the 30-minute idle
/// rule. The sliding cookie renews itself and its issue time on activity, so the moment of sign-in is kept apart: in
/// the ticket's properties, which survive renewals, refreshes and stamp checks, and as a claim, which is what a
/// Blazor circuit holds (checked by <see cref="Components.Account.IdentityRevalidatingAuthenticationStateProvider"/>).
/// </summary>
public static class SessionLifetime
{
    private const string SignedInAtItem = ".portal.signed_in_at";

    /// <summary>Hooks the application cookie's events; Identity's security-stamp check keeps running after this one.</summary>
    public static void Attach(CookieAuthenticationOptions cookie)
    {
        var onSigningIn = cookie.Events.OnSigningIn;
        cookie.Events.OnSigningIn = async context =>
        {
            // A fresh sign-in starts the clock; a refresh (after a password change) keeps the time it carries.
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var signedInAt) || signedInAt is null)
            {
                signedInAt = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                context.Properties.Items[SignedInAtItem] = signedInAt;
            }
            if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == PortalClaims.SignedInAt))
            {
                identity.AddClaim(new Claim(PortalClaims.SignedInAt, signedInAt));
            }
            await onSigningIn(context);
        };

        var onValidatePrincipal = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var services = context.HttpContext.RequestServices;
            var lifetime = services.GetRequiredService<IOptions<SecurityOptions>>().Value.AbsoluteSessionLifetime;
            context.Properties.Items.TryGetValue(SignedInAtItem, out var signedInAt);
            if (HasExpired(signedInAt, lifetime, services.GetRequiredService<TimeProvider>()))
            {
                var userName = context.Principal?.Identity?.Name; // before RejectPrincipal, which forgets the principal
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                if (userName is not null)
                {
                    await services.GetRequiredService<AuditLog>().WriteAsync(userName, Domain.Common.AuditActions.SignOut, detail: "会话已达最长时限");
                }
                return;
            }
            await onValidatePrincipal(context);
        };
    }

    /// <summary>Keeps the sign-in time through Identity's stamp check, which builds a new principal from the database.</summary>
    public static Task CopySignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(PortalClaims.SignedInAt) is { } claim
            && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == PortalClaims.SignedInAt))
        {
            identity.AddClaim(new Claim(PortalClaims.SignedInAt, claim.Value));
        }
        return Task.CompletedTask;
    }

    /// <summary>True when the sign-in began more than <paramref name="lifetime"/> ago, or when its time is unknown (a ticket from before this rule).</summary>
    public static bool HasExpired(string? signedInAt, TimeSpan lifetime, TimeProvider clock) =>
        !long.TryParse(signedInAt, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) >= lifetime;

    public static bool HasExpired(ClaimsPrincipal principal, TimeSpan lifetime, TimeProvider clock) =>
        HasExpired(principal.FindFirstValue(PortalClaims.SignedInAt), lifetime, clock);
}
