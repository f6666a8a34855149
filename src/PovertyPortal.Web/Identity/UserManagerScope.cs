using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// A <see cref="UserManager{PortalUser}"/> with a DbContext of its own, for one user-management operation.
/// A circuit lives for hours, and Identity's stores would otherwise keep one context (and stale users) that long.
/// The child scope is told who the current user is, so anything in it is scoped like the caller.
/// </summary>
public sealed class UserManagerScope : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;

    private UserManagerScope(AsyncServiceScope scope)
    {
        this.scope = scope;
        Users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
    }

    public UserManager<PortalUser> Users { get; }

    /// <summary>The context Identity's stores write through: a transaction on it holds several of their writes together.</summary>
    public PortalDbContext Db { get; }

    public static UserManagerScope Create(IServiceScopeFactory scopeFactory, CurrentUser currentUser)
    {
        var scope = scopeFactory.CreateAsyncScope();
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(currentUser.Principal)));
        return new UserManagerScope(scope);
    }

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
