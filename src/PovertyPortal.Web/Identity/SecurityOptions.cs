using PovertyPortal.Domain.Users;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// The sign-in rules of 等保2.0 三级 that an operator may tune, from the configuration section "Security"
/// (deploy/README.md lists each key; decision 0017 says why the defaults are what they are).
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Roles that must sign in with a second factor, comma-separated; empty switches the duty off (other roles may
    /// still switch it on for themselves). The county-wide roles by default: the county justice bureau reads a whole
    /// county's criminal records, as a county supervisor reads its register.
    /// </summary>
    public string TwoFactorRequiredRoles { get; set; } = $"{PortalRoles.SystemAdmin},{PortalRoles.CountySupervisor},{PortalRoles.JusticeBureau}";

    /// <summary>Days a password may be used before the user is asked to change it; 0 for never.</summary>
    public int PasswordMaxAgeDays { get; set; } = 90;

    /// <summary>How many earlier passwords a new one may not repeat (besides the current one); 0 for none.</summary>
    public int PasswordHistory { get; set; } = 5;

    /// <summary>The longest a sign-in lasts however active the user is; the idle rule ends it earlier.</summary>
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in attempts (password or second-factor form posts) one client address may make per window.</summary>
    public int SignInPermitsPerAddress { get; set; } = 30;

    /// <summary>Sign-in attempts for one user name, from any address, per window.</summary>
    public int SignInPermitsPerAccount { get; set; } = 10;

    /// <summary>The window of both sign-in limits.</summary>
    public TimeSpan SignInRateWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sends Strict-Transport-Security; null means "everywhere but Development".</summary>
    public bool? Hsts { get; set; }

    /// <summary>
    /// Addresses of the reverse proxies whose X-Forwarded-For/-Proto are believed, comma-separated. Empty: loopback
    /// only (nginx on the same machine, deploy/).
    /// </summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Networks (CIDR, comma-separated) whose proxies are believed, for a proxy pool.</summary>
    public string KnownNetworks { get; set; } = "";

    public bool RequiresTwoFactor(IEnumerable<string> roles) =>
        Split(TwoFactorRequiredRoles).Intersect(roles, StringComparer.Ordinal).Any();

    public static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
