using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// The signed-in user of this circuit or request, and the area scope every <see cref="PortalDbContext"/> made in it
/// is bound to. An anonymous user has <see cref="AreaScope.None"/> and sees nothing.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider, IHttpContextAccessor httpContextAccessor)
    : IAreaScopeSource
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal
    {
        get
        {
            // In a circuit the provider already holds the user (set before any component runs); in a plain HTTP
            // endpoint it was never set and throws, and the request's own user is the right one.
            try
            {
                var state = authenticationStateProvider.GetAuthenticationStateAsync();
                if (state.IsCompletedSuccessfully) return state.Result.User;
            }
            catch (InvalidOperationException)
            {
            }
            return httpContextAccessor.HttpContext?.User ?? Anonymous;
        }
    }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => IsAuthenticated ? Principal.Identity?.Name : null;

    public string DisplayName => Principal.FindFirstValue(PortalClaims.DisplayName) ?? UserName ?? "";

    public string? Role => PortalRoles.All.FirstOrDefault(Principal.IsInRole);

    public AreaScope Scope => IsAuthenticated ? PortalClaims.ReadScope(Principal) : AreaScope.None;

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
