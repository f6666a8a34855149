using Microsoft.AspNetCore.Identity;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// Identity's "confirmed account" hook, used to refuse sign-in to disabled users: the sign-in then
/// reports NotAllowed, which the login page turns into 账户已停用.
/// </summary>
public sealed class DisabledUserConfirmation : IUserConfirmation<PortalUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(!user.IsDisabled);
}
