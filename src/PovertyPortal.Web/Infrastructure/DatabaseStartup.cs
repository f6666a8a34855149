using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Users;
using PovertyPortal.DemoData;
using Microsoft.AspNetCore.Identity;

namespace PovertyPortal.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>
    /// On start: applies migrations when Database:MigrateOnStart is on (the embedded default), makes sure the roles
    /// exist, and in demo mode loads the demo county and prints the accounts.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        var logger = services.GetRequiredService<ILogger<PortalDbContext>>();
        var (provider, _) = DatabaseServiceCollectionExtensions.ReadSettings(app.Configuration, "");

        await using (var db = new PortalDbContext(options, new SystemScopeSource("startup")))
        {
            if (app.Configuration.GetValue("Database:MigrateOnStart", provider == DatabaseProvider.Sqlite))
            {
                await PortalMigrations.ApplyAsync(db);
            }
            await PersonalDataRewriter.CheckKeysAsync(db);
            await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        }

        if (DemoDataSeeder.IsEnabled(app.Configuration, app.Environment))
        {
            var accounts = await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
            logger.LogWarning("Demo mode: demo data loaded; demo accounts share the password {Password}", DemoDataSeeder.DemoPassword);
            foreach (var account in accounts)
            {
                logger.LogInformation("Demo account {UserName}: {Role}, {Area}", account.UserName, PortalRoles.Label(account.Role), account.AreaDescription);
            }
        }
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
