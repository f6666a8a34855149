using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Users;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// Issue 16, sign-in and sessions, over HTTP as a browser without JavaScript sees them: the second factor (set-up
/// duty, codes, recovery codes, reset), the rate limits and the one answer, password age and history, the absolute
/// session lifetime, the response headers, the proxy rule and the protected key ring. The portal runs with the
/// defaults except for small rate limits, a proxy address, HSTS over HTTPS, a certificate for the keys and a clock
/// the tests move (<see cref="SignInSettings"/>). Each test signs in from addresses of its own.
/// </summary>
public abstract partial class SignInTests(PortalAppFixture app)
{
    private const string Password = "Qingshi-2026-signin";
    private static int lastAddress;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private FakeTimeProvider Clock => (FakeTimeProvider)app.Factory.Services.GetRequiredService<TimeProvider>();

    [Fact]
    public async Task A_county_supervisor_sets_up_the_second_factor_before_anything_else_and_then_signs_in_with_a_code()
    {
        var userName = await CreateUserAsync(PortalRoles.CountySupervisor);
        using var client = NewClient();
        using (var login = await PostLoginAsync(client, userName, Password))
        {
            Assert.Equal("/account/two-factor", Location(login));
        }
        // Nothing else opens before the set-up.
        using (var home = await client.GetAsync("/", Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/account/two-factor", Location(home));
        }
        var setup = await client.GetStringAsync("/account/two-factor", Cancel);
        Assert.Contains("县级督导账户必须启用双因素认证", setup);
        Assert.Contains("src=\"data:image/png;base64,", setup);
        var key = SharedKey().Match(setup).Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);

        using (var wrong = await PostFormAsync(client, "/account/two-factor", new() { ["Input.Code"] = WrongCode(key) }))
        {
            var page = await wrong.Content.ReadAsStringAsync(Cancel);
            Assert.Contains("验证码不正确", page);
        }
        string[] recoveryCodes;
        using (var right = await PostFormAsync(client, "/account/two-factor", new() { ["Input.Code"] = Totp.Now(key) }))
        {
            var page = await right.Content.ReadAsStringAsync(Cancel);
            Assert.Contains("双因素认证已启用", page);
            recoveryCodes = RecoveryCode().Matches(page).Select(m => m.Groups["code"].Value).ToArray();
        }
        Assert.Equal(10, recoveryCodes.Length);
        using (var home = await client.GetAsync("/", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        // The next sign-in asks for the code after the password.
        using var next = NewClient();
        using (var login = await PostLoginAsync(next, userName, Password))
        {
            Assert.Equal("/account/login-2fa", Location(login));
        }
        using (var wrong = await PostFormAsync(next, "/account/login-2fa", new() { ["Input.Code"] = WrongCode(key) }))
        {
            var page = await wrong.Content.ReadAsStringAsync(Cancel);
            Assert.Contains("动态验证码错误", page);
            Assert.Contains($"value=\"{WrongCode(key)}\"", page);
        }
        using (var right = await PostFormAsync(next, "/account/login-2fa", new() { ["Input.Code"] = Totp.Now(key) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal("/", Location(right));
        }
        using (var home = await next.GetAsync("/", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        await using var db = app.SystemDb();
        var audit = await db.AuditLog.Where(a => a.UserName == userName).OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Contains(audit, a => a.Action == AuditActions.TwoFactorCodeRefused && a.Outcome == AuditOutcome.Failed);
        Assert.Contains(audit, a => a.Action == AuditActions.TwoFactorEnabled);
        Assert.Contains(audit, a => a.Action == AuditActions.SignInFailed && a.Detail == "动态验证码错误");
        Assert.Equal("动态验证码", audit.Last(a => a.Action == AuditActions.SignIn).Detail);
    }

    [Fact]
    public async Task A_township_official_is_not_asked_for_a_second_factor_and_may_switch_it_on()
    {
        var userName = await CreateUserAsync(PortalRoles.TownshipOfficial);
        using var client = NewClient();
        using (var login = await PostLoginAsync(client, userName, Password))
        {
            Assert.Equal("/", Location(login));
        }
        var setup = await client.GetStringAsync("/account/two-factor", Cancel);
        Assert.DoesNotContain("必须启用双因素认证", setup);
        Assert.Contains("暂不启用", setup);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_never_again()
    {
        var userName = await CreateUserAsync(PortalRoles.TownshipOfficial);
        string[] codes;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToArray();
        }

        using (var first = NewClient())
        {
            using var login = await PostLoginAsync(first, userName, Password);
            Assert.Equal("/account/login-2fa", Location(login));
            using var recovered = await PostFormAsync(first, "/account/login-2fa", new() { ["Input.Code"] = codes[0] });
            Assert.Equal("/", Location(recovered));
        }
        using (var second = NewClient())
        {
            using var login = await PostLoginAsync(second, userName, Password);
            using var refused = await PostFormAsync(second, "/account/login-2fa", new() { ["Input.Code"] = codes[0] });
            Assert.Contains("恢复码无效或已使用过", await refused.Content.ReadAsStringAsync(Cancel));
        }
        await using var db = app.SystemDb();
        Assert.True(await db.AuditLog.AnyAsync(a => a.UserName == userName && a.Action == AuditActions.SignIn && a.Detail == "恢复码（剩余9个）", Cancel));
        Assert.True(await db.AuditLog.AnyAsync(a => a.UserName == userName && a.Action == AuditActions.SignInFailed && a.Detail == "恢复码无效或已使用", Cancel));
    }

    [Fact]
    public async Task An_administrator_resets_a_supervisors_second_factor_a_peer_may_not_and_both_are_audited()
    {
        var userName = await CreateUserAsync(PortalRoles.CountySupervisor);
        string userId, oldKey;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            userId = user.Id;
            oldKey = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        await using (var peer = await app.ScopeForAsync("county"))
        {
            var refused = await peer.ServiceProvider.GetRequiredService<ResetUserTwoFactor>().HandleAsync(userId, Cancel);
            Assert.False(refused.Succeeded);
        }
        await using (var admin = await app.ScopeForAsync("admin"))
        {
            var reset = await admin.ServiceProvider.GetRequiredService<ResetUserTwoFactor>().HandleAsync(userId, Cancel);
            Assert.True(reset.Succeeded, reset.Summary);
        }

        await using var db = app.SystemDb();
        var stored = await db.Users.SingleAsync(u => u.Id == userId, Cancel);
        Assert.False(stored.TwoFactorEnabled);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.NotEqual(oldKey, await users.GetAuthenticatorKeyAsync(stored));
        }
        Assert.True(await db.AuditLog.AnyAsync(a => a.UserName == "county" && a.Action == AuditActions.TwoFactorReset
            && a.RecordId == userId && a.Outcome == AuditOutcome.Denied, Cancel));
        Assert.True(await db.AuditLog.AnyAsync(a => a.UserName == "admin" && a.Action == AuditActions.TwoFactorReset
            && a.RecordId == userId && a.Outcome == AuditOutcome.Success, Cancel));

        // Its role requires the second factor, so the next sign-in sets it up again.
        using var client = NewClient();
        using var login = await PostLoginAsync(client, userName, Password);
        Assert.Equal("/account/two-factor", Location(login));
    }

    [Fact]
    public async Task Unknown_user_wrong_password_and_locked_account_get_one_answer_until_the_password_is_right()
    {
        var userName = await CreateUserAsync(PortalRoles.TownshipOfficial);
        var unknown = await LoginPageTextAsync(NewClient(), $"nobody{Guid.NewGuid():N}"[..14], "Wrong-password-1");
        var wrong = await LoginPageTextAsync(NewClient(), userName, "Wrong-password-1");
        for (var i = 2; i <= 5; i++) await LoginPageTextAsync(NewClient(), userName, "Wrong-password-1");
        var lockedWrong = await LoginPageTextAsync(NewClient(), userName, "Wrong-password-1");
        var lockedRight = await LoginPageTextAsync(NewClient(), userName, Password);

        const string answer = "用户名或密码错误。连续输错5次，账户将被锁定15分钟。";
        Assert.Equal(answer, unknown);
        Assert.Equal(answer, wrong);
        Assert.Equal(answer, lockedWrong);
        Assert.Equal("连续登录失败次数过多，账户已锁定，请15分钟后再试或联系管理员。", lockedRight);
    }

    [Fact]
    public async Task Sign_in_posts_are_limited_per_account_from_any_address_with_a_Chinese_answer()
    {
        var userName = $"limit{Guid.NewGuid():N}"[..14];
        // SignInSettings: 8 a window per account; each post comes from another address.
        for (var i = 1; i <= 8; i++)
        {
            using var allowed = await PostLoginAsync(NewClient(), userName, "Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await PostLoginAsync(NewClient(), userName, "Wrong-password-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("登录尝试过于频繁，请10分钟后再试", await refused.Content.ReadAsStringAsync(Cancel));
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Sign_in_posts_are_limited_per_address_across_accounts()
    {
        using var client = NewClient();
        // SignInSettings: 12 a window per address, each post for another name.
        for (var i = 1; i <= 12; i++)
        {
            using var allowed = await PostLoginAsync(client, $"spray{i}{Guid.NewGuid():N}"[..14], "Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await PostLoginAsync(client, $"spray{Guid.NewGuid():N}"[..14], "Wrong-password-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // Pages other than the sign-in posts are not limited.
        using var page = await client.GetAsync("/account/login", Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_new_password_may_not_repeat_any_of_the_last_five()
    {
        var userName = await CreateUserAsync(PortalRoles.TownshipOfficial);
        string[] passwords = [Password, .. Enumerable.Range(1, 5).Select(i => $"Qingshi-2026-next{i}")];
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            for (var i = 1; i < passwords.Length; i++)
            {
                var user = (await users.FindByNameAsync(userName))!;
                var changed = await users.ChangePasswordAsync(user, passwords[i - 1], passwords[i]);
                Assert.True(changed.Succeeded, string.Join("；", changed.Errors.Select(e => e.Description)));
            }
        }
        // The current one is passwords[5]; the last five are [5]..[1]. [0] is older and free again.
        using var client = NewClient();
        using (var login = await PostLoginAsync(client, userName, passwords[5])) Assert.Equal("/", Location(login));
        using (var refused = await PostFormAsync(client, "/account/change-password", new()
        {
            ["Input.OldPassword"] = passwords[5], ["Input.NewPassword"] = passwords[1], ["Input.ConfirmPassword"] = passwords[1],
        }))
        {
            Assert.Contains("新密码不能与最近5次使用过的密码相同", await refused.Content.ReadAsStringAsync(Cancel));
        }
        using (var accepted = await PostFormAsync(client, "/account/change-password", new()
        {
            ["Input.OldPassword"] = passwords[5], ["Input.NewPassword"] = passwords[0], ["Input.ConfirmPassword"] = passwords[0],
        }))
        {
            Assert.Equal("/account/password-changed", Location(accepted));
        }
    }

    [Fact]
    public async Task A_password_older_than_ninety_days_must_be_changed_before_anything_else()
    {
        var userName = await CreateUserAsync(PortalRoles.TownshipOfficial);
        await using (var db = app.SystemDb())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName, Cancel);
            user.PasswordChangedAt = Clock.GetUtcNow().AddDays(-91);
            await db.SaveChangesAsync(Cancel);
        }
        using var client = NewClient();
        using (var login = await PostLoginAsync(client, userName, Password)) Assert.Equal("/account/change-password", Location(login));
        using (var home = await client.GetAsync("/", Cancel)) Assert.Equal("/account/change-password", Location(home));
        Assert.Contains("您的密码已使用超过90天", await client.GetStringAsync("/account/change-password", Cancel));

        using (var changed = await PostFormAsync(client, "/account/change-password", new()
        {
            ["Input.OldPassword"] = Password, ["Input.NewPassword"] = "Qingshi-2026-fresh", ["Input.ConfirmPassword"] = "Qingshi-2026-fresh",
        }))
        {
            Assert.Equal("/account/password-changed", Location(changed));
        }
        using (var home = await client.GetAsync("/", Cancel)) Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_however_active_the_user_is()
    {
        var userName = await CreateUserAsync(PortalRoles.TownshipOfficial);
        using var client = NewClient();
        using (var login = await PostLoginAsync(client, userName, Password)) Assert.Equal("/", Location(login));

        // Active every 20 minutes, so the 30-minute idle rule never strikes: after 11 h 40 min still signed in.
        for (var minutes = 20; minutes <= 11 * 60 + 40; minutes += 20)
        {
            Clock.Advance(TimeSpan.FromMinutes(20));
            using var alive = await client.GetAsync("/account/keepalive", Cancel);
            Assert.Equal(HttpStatusCode.NoContent, alive.StatusCode);
        }
        Clock.Advance(TimeSpan.FromMinutes(20));
        using (var ended = await client.GetAsync("/account/keepalive", Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
        }
        using (var home = await client.GetAsync("/", Cancel))
        {
            Assert.StartsWith("/account/login", Location(home), StringComparison.Ordinal);
        }
        await using var db = app.SystemDb();
        Assert.True(await db.AuditLog.AnyAsync(a => a.UserName == userName && a.Action == AuditActions.SignOut && a.Detail == "会话已达最长时限", Cancel));
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_the_cookies_are_secure_and_http_only()
    {
        using var client = NewClient();
        using var page = await client.GetAsync("/account/login", Cancel);
        var headers = page.Headers;
        Assert.Equal("DENY", Single(headers, "X-Frame-Options"));
        Assert.Equal("nosniff", Single(headers, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(headers, "Referrer-Policy"));
        Assert.Contains("camera=()", Single(headers, "Permissions-Policy"), StringComparison.Ordinal);
        var csp = Single(headers, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.StartsWith("max-age=31536000", Single(headers, "Strict-Transport-Security"), StringComparison.Ordinal);
        var antiforgery = headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        // No inline script on the page: the policy would refuse it.
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", await page.Content.ReadAsStringAsync(Cancel));

        var userName = await CreateUserAsync(PortalRoles.TownshipOfficial);
        using var login = await PostLoginAsync(client, userName, Password);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PovertyPortal.Auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_addresses_are_believed_only_from_the_configured_proxy()
    {
        var viaProxy = $"proxied{Guid.NewGuid():N}"[..14];
        var direct = $"direct{Guid.NewGuid():N}"[..14];
        using (var proxy = NewClient(address: SignInSettings.Proxy, https: false))
        {
            proxy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
            proxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            using var page = await proxy.GetAsync("/account/login", Cancel);
            Assert.Contains("; secure", page.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        }
        // The test client does not send a Secure cookie back over plain http, as a browser would not: the sign-in goes over https.
        using (var proxy = NewClient(address: SignInSettings.Proxy, https: true))
        {
            proxy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
            proxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            using var login = await PostLoginAsync(proxy, viaProxy, "Wrong-password-1");
        }
        var stranger = NextAddress();
        using (var client = NewClient(address: stranger, https: false))
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            using var page = await client.GetAsync("/account/login", Cancel);
            Assert.DoesNotContain("; secure", page.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
            using var login = await PostLoginAsync(client, direct, "Wrong-password-1");
        }
        await using var db = app.SystemDb();
        Assert.Equal("203.0.113.7", (await db.AuditLog.SingleAsync(a => a.UserName == viaProxy, Cancel)).IpAddress);
        Assert.Equal(stranger, (await db.AuditLog.SingleAsync(a => a.UserName == direct, Cancel)).IpAddress);
    }

    [Fact]
    public void The_key_ring_is_kept_apart_from_the_data_folder_and_encrypted_with_the_certificate()
    {
        var folder = app.Factory.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["DataProtection:KeysDirectory"]!;
        var keys = Directory.GetFiles(folder, "key-*.xml");
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = File.ReadAllText(key);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        }
        var dataFolder = app.Factory.Services.GetRequiredService<PovertyPortal.Web.Infrastructure.PortalPaths>().DataDirectory;
        Assert.False(Directory.Exists(Path.Combine(dataFolder, "keys")));
    }

    // --- helpers

    private async Task<string> CreateUserAsync(string role)
    {
        var userName = $"si{Guid.NewGuid():N}"[..14];
        await using var db = app.SystemDb();
        var township = await db.Townships.OrderBy(t => t.Id).FirstAsync(Cancel);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = userName,
            DisplayName = "登录测试",
            CountyId = township.CountyId,
            TownshipId = role == PortalRoles.TownshipOfficial ? township.Id : null,
            CreatedAt = Clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return userName;
    }

    private static string NextAddress()
    {
        var n = Interlocked.Increment(ref lastAddress);
        return $"10.77.{n / 250 % 250}.{n % 250 + 1}";
    }

    private HttpClient NewClient(string? address = null, bool https = true)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(https ? "https://portal.test/" : "http://portal.test/"),
        });
        client.DefaultRequestHeaders.Add(SignInSettings.ClientAddressHeader, address ?? NextAddress());
        return client;
    }

    private static string Location(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(new Uri("https://portal.test/"), response.Headers.Location!).PathAndQuery;
    }

    private static string Single(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        Assert.Single(headers.GetValues(name));

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password) =>
        PostFormAsync(client, "/account/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    private static async Task<string> LoginPageTextAsync(HttpClient client, string userName, string password)
    {
        using (client)
        {
            using var response = await PostLoginAsync(client, userName, password);
            var page = await response.Content.ReadAsStringAsync(Cancel);
            return WebUtility.HtmlDecode(ErrorAlert().Match(page).Groups["text"].Value);
        }
    }

    /// <summary>Reads the page's form (antiforgery token and form name) and posts it with the given fields.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> values)
    {
        // The page's own form; a signed-in page also holds the idle sign-out form with a token of its own.
        var form = AccountForm().Match(await client.GetStringAsync(path, Cancel)).Value;
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in values) fields[name] = value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields), Cancel);
    }

    private static string WrongCode(string key)
    {
        var right = Totp.Now(key);
        return right == "000000" ? "111111" : "000000";
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form[^>]*class=\"account-form\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex AccountForm();

    [GeneratedRegex("data-testid=\"two-factor-key\">(?<key>[^<]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>(?<code>[^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("class=\"account-alert account-alert-error\" role=\"alert\">(?<text>[^<]*)<")]
    private static partial Regex ErrorAlert();
}

/// <summary>The settings of the sign-in fixtures, and a test-only hook that lets a request say which address it comes from.</summary>
public static class SignInSettings
{
    public const string ClientAddressHeader = "X-Test-Client-Address";
    public const string Proxy = "10.0.0.5";

    public static void Configure(IWebHostBuilder builder, string folder)
    {
        Directory.CreateDirectory(folder);
        builder.UseSetting("Security:SignInPermitsPerAddress", "12");
        builder.UseSetting("Security:SignInPermitsPerAccount", "8");
        builder.UseSetting("Security:KnownProxies", Proxy);
        builder.UseSetting("Security:Hsts", "true");
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(folder, "keys"));
        builder.UseSetting("DataProtection:CertificatePath", WriteCertificate(folder));
        builder.UseSetting("DataProtection:CertificatePassword", "test-only");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow));
            services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    /// <summary>A self-signed certificate with its key (password test-only) that encrypts a test's key ring.</summary>
    public static string WriteCertificate(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PovertyPortal test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "test-only"));
        return path;
    }

    /// <summary>The in-memory test server has no client address; this sets the one the test names, before anything reads it.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class SignInSqliteFixture : SqliteAppFixture
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "povertyportal-tests", "signin-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => SignInSettings.Configure(builder, folder);
}

public sealed class SignInPostgreSqlFixture : PostgreSqlAppFixture
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "povertyportal-tests", "signin-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => SignInSettings.Configure(builder, folder);
}

public sealed class SignInTestsOnSqlite(SignInSqliteFixture app) : SignInTests(app), IClassFixture<SignInSqliteFixture>;

public sealed class SignInTestsOnPostgreSql(SignInPostgreSqlFixture app) : SignInTests(app), IClassFixture<SignInPostgreSqlFixture>;
