using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.DataChecks;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// Several instances on one database (issue 21, decision 0034): the data-protection key ring kept in the database is
/// shared, so what one instance protects (a sign-in cookie) another reads, and it is stored only encrypted with the
/// certificate; the nightly run is claimed by exactly one instance.
/// </summary>
public abstract class ScaleOutTests(PortalAppFixture app)
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "povertyportal-tests", "scale-out-" + Guid.NewGuid().ToString("N"));
    private static readonly Lazy<string> Certificate = new(WriteCertificate);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_protected_by_one_instance_is_read_by_another_and_the_keys_are_stored_encrypted()
    {
        using var first = Instance();
        using var second = Instance();
        var protectedByFirst = first.GetDataProtector("PovertyPortal.Auth").Protect("签到凭据");

        Assert.Equal("签到凭据", second.GetDataProtector("PovertyPortal.Auth").Unprotect(protectedByFirst));
        await using var db = app.SystemDb();
        var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync(Cancel);
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("EncryptedXmlDecryptor", k.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", k.Xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Without_a_certificate_the_database_key_store_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:KeyStore"] = "Database",
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPortalDataProtection(configuration));
        Assert.Contains("DataProtection:CertificatePath", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_waking_for_the_same_night_run_it_once()
    {
        // A night of its own, far ahead, so reruns and the other provider's run never meet it.
        var night = new DateOnly(2200, 1, 1).AddDays(Random.Shared.Next(0, 300_000));
        var first = ActivatorUtilities.CreateInstance<NightlyDataChecks>(app.Factory.Services);
        var second = ActivatorUtilities.CreateInstance<NightlyDataChecks>(app.Factory.Services);

        var claims = await Task.WhenAll(first.ClaimNightAsync(night, Cancel), second.ClaimNightAsync(night, Cancel));

        Assert.Single(claims, claimed => claimed);
        Assert.False(await first.ClaimNightAsync(night, Cancel));
        Assert.True(await first.ClaimNightAsync(night.AddDays(1), Cancel));
        await using var db = app.SystemDb();
        Assert.Equal(1, await db.ScheduledRuns.CountAsync(r => r.Job == NightlyDataChecks.Job && r.RunDate == night, Cancel));
    }

    /// <summary>The data protection of one more instance: the portal's own setup, on the fixture's database.</summary>
    private ServiceProvider Instance()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:KeyStore"] = "Database",
            ["DataProtection:CertificatePath"] = Certificate.Value,
            ["DataProtection:CertificatePassword"] = "test-only",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new DatabaseKeyRepository(app.Factory.Services.GetRequiredService<IServiceScopeFactory>()));
        services.AddPortalDataProtection(configuration);
        return services.BuildServiceProvider();
    }

    private static string WriteCertificate()
    {
        Directory.CreateDirectory(Folder);
        return SignInSettings.WriteCertificate(Folder);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ScaleOutTestsOnSqlite(SqliteAppFixture app) : ScaleOutTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class ScaleOutTestsOnPostgreSql(PostgreSqlAppFixture app) : ScaleOutTests(app);
