using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Components.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token (from the app bar, or from the idle timer's hidden form).</summary>
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
        });
        return endpoints;
    }
}
