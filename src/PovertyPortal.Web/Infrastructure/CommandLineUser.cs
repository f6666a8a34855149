using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>Commands that act as a named user: the same scope, role and audit name as if they used the page.</summary>
public static class CommandLineUser
{
    /// <summary>False (and the reason on stderr) when the user does not exist or is disabled.</summary>
    public static async Task<bool> SignInAsync(IServiceProvider services, string userName)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null || user.IsDisabled)
        {
            await Console.Error.WriteLineAsync($"用户“{userName}”不存在或已停用");
            return false;
        }
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return true;
    }
}
