using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Components.Account;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST from the app bar or the idle timer's hidden form. It takes no antiforgery check: the idle
    /// form is posted after the session (and with it the token's user) has expired, and a forged sign-out does no harm.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (
            HttpContext context,
            [FromServices] SignInManager<PortalUser> signInManager,
            [FromServices] AuditLog auditLog,
            [FromForm] string? reason) =>
        {
            var userName = context.User.Identity?.Name;
            await signInManager.SignOutAsync();
            if (userName is not null) await auditLog.WriteAsync(userName, AuditActions.SignOut, detail: reason == "idle" ? "空闲超时" : null);
            return TypedResults.LocalRedirect(reason == "idle" ? "~/account/login?reason=idle" : "~/account/login");
        }).DisableAntiforgery();

        // The idle timer calls this while the user works in a circuit (which sends no HTTP requests), so the
        // sliding sign-in cookie lives as long as the user is active.
        endpoints.MapGet("/account/keepalive", () => TypedResults.NoContent()).RequireAuthorization();
        return endpoints;
    }
}
