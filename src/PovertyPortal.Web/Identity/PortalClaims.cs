using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// The claims the portal adds to the sign-in cookie: display name, scope, the duties that come before any work
/// (change the password, set up the second factor) and when the sign-in began (the absolute session lifetime).
/// </summary>
public static class PortalClaims
{
    public const string DisplayName = "portal:display_name";
    public const string CountyId = "portal:county";
    public const string TownshipId = "portal:township";
    public const string VillageId = "portal:village";
    public const string AreaName = "portal:area_name";
    public const string MustChangePassword = "portal:must_change_password";
    public const string MustEnrolTwoFactor = "portal:must_enrol_two_factor";
    public const string SignedInAt = "portal:signed_in_at";

    public static AreaScope ReadScope(ClaimsPrincipal principal)
    {
        int? Read(string type) =>
            int.TryParse(principal.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var role = PortalRoles.All.FirstOrDefault(principal.IsInRole);
        return PortalRoles.DataScopeOf(role, Read(CountyId), Read(TownshipId), Read(VillageId));
    }

    /// <summary>The community-correction scope of a principal (decision 0029): nothing unless it has a correction role.</summary>
    public static AreaScope ReadCorrectionScope(ClaimsPrincipal principal)
    {
        int? Read(string type) =>
            int.TryParse(principal.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var role = PortalRoles.All.FirstOrDefault(principal.IsInRole);
        return PortalRoles.CorrectionScopeOf(role, Read(CountyId), Read(TownshipId), Read(VillageId));
    }
}

/// <summary>Writes the portal's claims when Identity builds the cookie principal.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    AreaNames areaNames,
    PasswordPolicy passwordPolicy,
    IOptions<SecurityOptions> security)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.CountyId is int c) identity.AddClaim(new Claim(PortalClaims.CountyId, c.ToString(CultureInfo.InvariantCulture)));
        if (user.TownshipId is int t) identity.AddClaim(new Claim(PortalClaims.TownshipId, t.ToString(CultureInfo.InvariantCulture)));
        if (user.VillageId is int v) identity.AddClaim(new Claim(PortalClaims.VillageId, v.ToString(CultureInfo.InvariantCulture)));
        var roles = await UserManager.GetRolesAsync(user);
        var role = roles.FirstOrDefault();
        identity.AddClaim(new Claim(PortalClaims.AreaName, await areaNames.DescribeAsync(user.ScopeAs(role))));
        // Rebuilt at every stamp check (each minute), so a password that ages out or a role that starts to require a
        // second factor reaches open sessions too.
        if (passwordPolicy.MustChange(user)) identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        if (!user.TwoFactorEnabled && security.Value.RequiresTwoFactor(roles))
        {
            identity.AddClaim(new Claim(PortalClaims.MustEnrolTwoFactor, "true"));
        }
        return identity;
    }
}
