using Microsoft.AspNetCore.Identity;
using PovertyPortal.Domain.Areas;

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

    public AreaScope Scope =>
        VillageId is int v && TownshipId is int t && CountyId is int c ? AreaScope.Village(c, t, v)
        : TownshipId is int t2 && CountyId is int c2 ? AreaScope.Township(c2, t2)
        : CountyId is int c3 ? AreaScope.County(c3)
        : AreaScope.All;
}
