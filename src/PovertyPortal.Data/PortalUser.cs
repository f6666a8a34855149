using Microsoft.AspNetCore.Identity;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Data;

/// <summary>A portal account. Its scope is the county, township or village it works in; its role lives in Identity's roles.</summary>
public class PortalUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int? CountyId { get; set; }
    public int? TownshipId { get; set; }
    public int? VillageId { get; set; }
    public bool IsDisabled { get; set; }

    /// <summary>Set when an administrator resets the password: the next sign-in goes to the change-password page.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>When the password was last set (created, changed or reset): it ages out after Security:PasswordMaxAgeDays.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }

    /// <summary>
    /// The hashes of the passwords before the current one, newest first, separated by spaces (hashes are base64):
    /// a new password may not be one of them (Security:PasswordHistory). Kept on the row so that a change and its
    /// history are one write.
    /// </summary>
    public string? PreviousPasswordHashes { get; set; }

    /// <summary>The account's scope for the given role (accounts hold one role).</summary>
    public AreaScope ScopeAs(string? role) => PortalRoles.ScopeOf(role, CountyId, TownshipId, VillageId);
}
