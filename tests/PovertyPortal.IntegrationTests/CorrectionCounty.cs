using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Users;
using PovertyPortal.IntegrationTests.Infrastructure;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// A county of a test's own for community correction: two townships, a justice bureau account and a 司法所 account
/// per township, so that a test never touches the demo county's cases (CorrectionDemoDataTests counts them).
/// </summary>
public sealed record CorrectionCounty(int CountyId, int TownshipA, int TownshipB, string Bureau, string OfficeA, string OfficeB, string CountyName)
{
    /// <param name="code">A 6-digit county code unique to the test.</param>
    /// <param name="prefix">Starts the accounts' user names, unique to the test class.</param>
    public static async Task<CorrectionCounty> CreateAsync(PortalAppFixture app, string code, string prefix)
    {
        int countyId, a, b;
        var name = "矫统" + code[^2..] + "县";
        await using (var db = app.SystemDb())
        {
            var county = await DataCheckCounty.CreateAsync(db, code, name);
            var other = new Township { CountyId = county.County.Id, AdminCode = code + "002000", Name = name + "乙镇" };
            db.Townships.Add(other);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            (countyId, a, b) = (county.County.Id, county.Township.Id, other.Id);
        }
        var bureau = await UserAsync(app, prefix + code + "b", PortalRoles.JusticeBureau, countyId, null);
        var officeA = await UserAsync(app, prefix + code + "a", PortalRoles.JudicialOffice, countyId, a);
        var officeB = await UserAsync(app, prefix + code + "c", PortalRoles.JudicialOffice, countyId, b);
        return new CorrectionCounty(countyId, a, b, bureau, officeA, officeB, name);
    }

    public static async Task<string> UserAsync(PortalAppFixture app, string userName, string role, int countyId, int? townshipId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = userName, DisplayName = "矫正测试", CountyId = countyId, TownshipId = townshipId,
            CreatedAt = DateTimeOffset.UtcNow, PasswordChangedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, DemoDataSeeder.DemoPassword);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user.UserName;
    }
}
