using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.DemoData;

namespace PovertyPortal.IntegrationTests;

/// <summary>The portal over HTTP: health, the sign-in page and its lockout, as a browser without JavaScript sees them.</summary>
public abstract partial class HttpTests(PortalAppFixture app)
{
    private HttpClient NewClient() =>
        app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Health_reports_the_database()
    {
        using var client = NewClient();
        using var response = await client.GetAsync("/health", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_Chinese_login_page()
    {
        using var client = NewClient();
        using var response = await client.GetAsync("/", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var page = await client.GetStringAsync("/account/login", Xunit.TestContext.Current.CancellationToken);
        Assert.Contains("用户登录", page);
        Assert.Contains("lang=\"zh-CN\"", page);
        Assert.DoesNotContain("fonts.googleapis", page);
    }

    [Fact]
    public async Task A_demo_user_signs_in_and_reaches_the_home_page()
    {
        using var client = NewClient();
        // A township official: the county supervisor must first set up a second factor (SignInTests).
        using var response = await PostLoginAsync(client, "township", DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);

        using var home = await client.GetAsync("/", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("驻村帮扶工作管理平台", await home.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_and_are_audited()
    {
        var userName = $"lock{Guid.NewGuid():N}"[..16];
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = userName, DisplayName = "锁定测试", CountyId = null };
            Assert.True((await users.CreateAsync(user, "Qingshi-2026-xyz")).Succeeded);
            await users.AddToRoleAsync(user, PortalRoles.SystemAdmin);
        }
        using var client = NewClient();
        string page = "";
        for (var i = 1; i <= 5; i++)
        {
            using var response = await PostLoginAsync(client, userName, "wrong-password-1");
            page = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
            // The fifth failure locks the account, but a wrong password still gets the answer of any wrong password.
            Assert.Contains("用户名或密码错误。连续输错5次，账户将被锁定15分钟。", page);
            Assert.DoesNotContain("账户已锁定", page);
        }
        using (var correct = await PostLoginAsync(client, userName, "Qingshi-2026-xyz"))
        {
            Assert.Contains("账户已锁定", await correct.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken));
        }
        await using var db = app.SystemDb();
        Assert.Equal(4, await db.AuditLog.CountAsync(a => a.UserName == userName && a.Action == AuditActions.SignInFailed));
        Assert.True(await db.AuditLog.AnyAsync(a => a.UserName == userName && a.Action == AuditActions.LockedOut));
    }

    [Fact]
    public async Task An_unknown_user_name_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = NewClient();
        using var unknown = await PostLoginAsync(client, "nobody-here", "Wrong-password-1");
        using var known = await PostLoginAsync(client, "member", "Wrong-password-1");
        var unknownPage = await unknown.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        var knownPage = await known.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Contains("用户名或密码错误。", unknownPage);
        Assert.Contains("用户名或密码错误。", knownPage);
        Assert.DoesNotContain("再输错", knownPage);

        // The demo member account is used by other tests: clear the failure just recorded.
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await users.ResetAccessFailedCountAsync((await users.FindByNameAsync("member"))!);
    }

    [Fact]
    public async Task An_empty_form_gets_a_message_per_field_and_keeps_the_user_name()
    {
        using var client = NewClient();
        using var response = await PostLoginAsync(client, "  county ", "");
        var page = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Contains("请输入密码", page);
        Assert.Contains("value=\"county\"", page);
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/account/login", Xunit.TestContext.Current.CancellationToken);
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields), Xunit.TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}

[Collection(nameof(SqliteCollection))]
public sealed class HttpTestsOnSqlite(SqliteAppFixture app) : HttpTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class HttpTestsOnPostgreSql(PostgreSqlAppFixture app) : HttpTests(app);
