using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// What happens once a user has fully signed in (password, and the second factor when they have one), whichever page
/// finished it: the time is kept, the sign-in audited, and the user sent to their first duty (change an aged or reset
/// password, set up the second factor their role requires) or where they were going.
/// </summary>
public sealed class PortalSignIn(
    UserManager<PortalUser> users,
    AuditLog auditLog,
    TimeProvider clock,
    PasswordPolicy passwordPolicy,
    IOptions<SecurityOptions> options,
    ILogger<PortalSignIn> logger)
{
    public const string ChangePasswordPath = "account/change-password";
    public const string TwoFactorPath = "account/two-factor";

    public async Task<string?> CompleteAsync(PortalUser user, string? detail, string? returnUrl)
    {
        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await auditLog.WriteAsync(user.UserName, AuditActions.SignIn, detail: detail);
        logger.LogInformation("User {UserId} signed in", user.Id);
        if (passwordPolicy.MustChange(user)) return ChangePasswordPath;
        if (await MustEnrolTwoFactorAsync(user)) return TwoFactorPath;
        return returnUrl;
    }

    /// <summary>The user's role requires a second factor (Security:TwoFactorRequiredRoles) and they have none yet.</summary>
    public async Task<bool> MustEnrolTwoFactorAsync(PortalUser user) =>
        !user.TwoFactorEnabled && options.Value.RequiresTwoFactor(await users.GetRolesAsync(user));

    public async Task<bool> TwoFactorRequiredAsync(PortalUser user) =>
        options.Value.RequiresTwoFactor(await users.GetRolesAsync(user));
}
