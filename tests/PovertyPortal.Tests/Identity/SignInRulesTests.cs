using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Identity;

/// <summary>The rules of issue 16's sign-in half that need no database: password age and history, the duty to set up a second factor, the session's end, enrolment data.</summary>
public sealed class SignInRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(89, false)]
    [InlineData(90, false)]
    [InlineData(91, true)]
    public void A_password_ages_out_after_the_configured_days(int days, bool expired)
    {
        var policy = new PasswordPolicy(Options.Create(new SecurityOptions()), new FakeTimeProvider(Now));
        var user = new PortalUser { DisplayName = "测试", CreatedAt = Now.AddYears(-1), PasswordChangedAt = Now.AddDays(-days) };
        Assert.Equal(expired, policy.IsExpired(user));
        Assert.Equal(expired, policy.MustChange(user));
    }

    [Fact]
    public void A_password_never_set_ages_from_the_accounts_creation_and_zero_days_means_never()
    {
        var user = new PortalUser { DisplayName = "测试", CreatedAt = Now.AddDays(-200) };
        Assert.True(new PasswordPolicy(Options.Create(new SecurityOptions()), new FakeTimeProvider(Now)).IsExpired(user));
        Assert.False(new PasswordPolicy(Options.Create(new SecurityOptions { PasswordMaxAgeDays = 0 }), new FakeTimeProvider(Now)).IsExpired(user));
    }

    [Fact]
    public void The_history_keeps_the_newest_hashes_first_and_drops_the_oldest()
    {
        string? history = null;
        foreach (var hash in new[] { "h1", "h2", "h3", "h4", "h5", "h6", "h7" }) history = PasswordPolicy.Push(history, hash, 5);
        Assert.Equal("h7 h6 h5 h4 h3", history);
        Assert.Null(PasswordPolicy.Push(null, null, 5));
    }

    [Fact]
    public void The_recent_hashes_are_the_current_one_and_the_ones_before_it_each_counted_once()
    {
        // During a change the manager has already pushed the current hash onto the history.
        var user = new PortalUser { DisplayName = "测试", PasswordHash = "h8", PreviousPasswordHashes = "h8 h7 h6 h5 h4" };
        Assert.Equal(["h8", "h7", "h6", "h5", "h4"], PasswordPolicy.RecentHashes(user, 5));
        Assert.Equal(["h8"], PasswordPolicy.RecentHashes(user, 1));
    }

    [Fact]
    public async Task The_history_validator_refuses_a_recent_password_in_Chinese_and_accepts_an_older_one()
    {
        var hasher = new PasswordHasher<PortalUser>();
        var user = new PortalUser { DisplayName = "测试" };
        user.PasswordHash = hasher.HashPassword(user, "Current-2026-pass");
        user.PreviousPasswordHashes = string.Join(' ', hasher.HashPassword(user, "Earlier-2026-pass"), hasher.HashPassword(user, "Oldest-2026-pass"));
        var manager = new UserManager<PortalUser>(new NoStore(), Options.Create(new IdentityOptions()), hasher, [], [], null!, null!, null!, null!);
        var validator = new PasswordHistoryValidator(Options.Create(new SecurityOptions { PasswordHistory = 2 }));

        var refused = await validator.ValidateAsync(manager, user, "Earlier-2026-pass");
        Assert.Equal("新密码不能与最近2次使用过的密码相同", Assert.Single(refused.Errors).Description);
        Assert.False((await validator.ValidateAsync(manager, user, "Current-2026-pass")).Succeeded);
        Assert.True((await validator.ValidateAsync(manager, user, "Oldest-2026-pass")).Succeeded);
    }

    [Theory]
    [InlineData(PortalRoles.SystemAdmin, "SystemAdmin,CountySupervisor", true)]
    [InlineData(PortalRoles.CountySupervisor, "SystemAdmin, CountySupervisor", true)]
    [InlineData(PortalRoles.TownshipOfficial, "SystemAdmin,CountySupervisor", false)]
    [InlineData(PortalRoles.SystemAdmin, "", false)]
    public void The_configured_roles_must_use_a_second_factor(string role, string required, bool expected) =>
        Assert.Equal(expected, new SecurityOptions { TwoFactorRequiredRoles = required }.RequiresTwoFactor([role]));

    [Fact]
    public void A_session_ends_at_its_absolute_lifetime_and_one_without_a_sign_in_time_has_ended()
    {
        var clock = new FakeTimeProvider(Now);
        var signedIn = Now.AddHours(-12).AddSeconds(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalClaims.SignedInAt, signedIn)], "test"));
        Assert.False(SessionLifetime.HasExpired(principal, TimeSpan.FromHours(12), clock));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(SessionLifetime.HasExpired(principal, TimeSpan.FromHours(12), clock));
        Assert.True(SessionLifetime.HasExpired(new ClaimsPrincipal(new ClaimsIdentity()), TimeSpan.FromHours(12), clock));
    }

    [Fact]
    public void The_enrolment_address_and_its_QR_code_are_what_authenticator_apps_read()
    {
        var uri = AuthenticatorEnrolment.OtpAuthUri("county", "JBSWY3DPEHPK3PXP");
        Assert.Equal("otpauth://totp/%E9%A9%BB%E6%9D%91%E5%B8%AE%E6%89%B6%E5%B7%A5%E4%BD%9C%E7%AE%A1%E7%90%86%E5%B9%B3%E5%8F%B0:county" +
            "?secret=JBSWY3DPEHPK3PXP&issuer=%E9%A9%BB%E6%9D%91%E5%B8%AE%E6%89%B6%E5%B7%A5%E4%BD%9C%E7%AE%A1%E7%90%86%E5%B9%B3%E5%8F%B0&digits=6", uri);
        var png = Convert.FromBase64String(AuthenticatorEnrolment.QrCodeDataUri(uri)["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal("jbsw y3dp ehpk 3pxp", AuthenticatorEnrolment.FormatKey("JBSWY3DPEHPK3PXP"));
    }

    [Theory]
    [InlineData(" 123 456 ", "123456", true)]
    [InlineData("ABCDE-12345", "ABCDE-12345", false)]
    [InlineData("12345", "12345", false)]
    public void A_typed_code_is_an_app_code_when_it_is_six_digits(string typed, string normalized, bool byApp)
    {
        Assert.Equal(normalized, AuthenticatorEnrolment.Normalize(typed));
        Assert.Equal(byApp, AuthenticatorEnrolment.IsAuthenticatorCode(AuthenticatorEnrolment.Normalize(typed)));
    }

    private sealed class NoStore : IUserStore<PortalUser>
    {
        public void Dispose() { }
        public Task<string> GetUserIdAsync(PortalUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);
        public Task<string?> GetUserNameAsync(PortalUser user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);
        public Task SetUserNameAsync(PortalUser user, string? userName, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<string?> GetNormalizedUserNameAsync(PortalUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedUserName);
        public Task SetNormalizedUserNameAsync(PortalUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<IdentityResult> CreateAsync(PortalUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);
        public Task<IdentityResult> UpdateAsync(PortalUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);
        public Task<IdentityResult> DeleteAsync(PortalUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);
        public Task<PortalUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<PortalUser?>(null);
        public Task<PortalUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => Task.FromResult<PortalUser?>(null);
    }
}
