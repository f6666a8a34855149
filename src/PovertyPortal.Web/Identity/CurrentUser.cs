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
public sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider) : IAreaScopeSource
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal
    {
        get
        {
            // Blazor sets the user on the provider before any component runs, in a circuit and in server rendering
            // alike. Anywhere else (a plain endpoint, a background scope nobody told) it was never set and throws:
            // then the user is anonymous and sees nothing. Plain endpoints read HttpContext.User themselves.
            try
            {
                var state = authenticationStateProvider.GetAuthenticationStateAsync();
                return state.IsCompletedSuccessfully ? state.Result.User : Anonymous;
            }
            catch (InvalidOperationException)
            {
                return Anonymous;
            }
        }
    }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => IsAuthenticated ? Principal.Identity?.Name : null;

    public string DisplayName => Principal.FindFirstValue(PortalClaims.DisplayName) ?? UserName ?? "";

    public string? Role => PortalRoles.All.FirstOrDefault(Principal.IsInRole);

    public AreaScope Scope => IsAuthenticated ? PortalClaims.ReadScope(Principal) : AreaScope.None;

    public AreaScope CorrectionScope => IsAuthenticated ? PortalClaims.ReadCorrectionScope(Principal) : AreaScope.None;

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
