using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.DemoData;

/// <summary>
/// Loads the demo county of seeds/demo-county.json and the demo accounts. Idempotent: what exists is left alone,
/// so it runs on every start of a demo instance. Never runs unless Demo:Enabled is true.
/// </summary>
public sealed class DemoDataSeeder(
    DbContextOptions<PortalDbContext> options,
    UserManager<PortalUser> users,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>The one password of all demo accounts; it exists only in demo mode.</summary>
    public const string DemoPassword = "Demo@2026-Portal";

    public sealed record DemoAccount(string UserName, string DisplayName, string Role, string AreaDescription);

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var plan = DemoCountyPlan.Load(Path.Combine(AppContext.BaseDirectory, "seeds", "demo-county.json"));
        await using var db = new PortalDbContext(options, new SystemScopeSource("demo-seed"));

        var county = await db.Counties.Include(c => c.Townships).ThenInclude(t => t.Villages).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.AdminCode == plan.County.AdminCode, cancellationToken);
        if (county is null)
        {
            // One transaction: a demo county is there whole or not at all. A retry builds it afresh.
            County? built = null;
            await db.Database.InTransactionAsync(async token =>
            {
                db.ChangeTracker.Clear();
                built = DemoAreas.Build(plan);
                foreach (var village in built.Townships.SelectMany(t => t.Villages)) village.County = built;
                db.Counties.Add(built);
                await db.SaveChangesAsync(token);
                foreach (var village in built.Townships.SelectMany(t => t.Villages))
                {
                    db.Households.AddRange(DemoHouseholds.Build(plan, village, village.Groups));
                    db.WorkTeams.AddRange(DemoWorkTeams.Build(plan, village));
                }
                await db.SaveChangesAsync(token);
            }, cancellationToken);
            county = built!;
            logger.LogInformation("Demo county {County} loaded", county.Name);
        }

        var townships = county.Townships.OrderBy(t => t.AdminCode).ToList();
        var seedVillageCode = plan.AllVillages().First(v => v.Source?.StartsWith("范文第1篇", StringComparison.Ordinal) == true).AdminCode;
        var seedVillage = townships.SelectMany(t => t.Villages).First(v => v.AdminCode == seedVillageCode);
        await DemoHouseholdRecordsSeeder.SeedAsync(options, seedVillage, cancellationToken);
        var otherTownship = townships.First(t => t.Id != seedVillage.TownshipId);
        var seedTownship = townships.First(t => t.Id == seedVillage.TownshipId);

        var accounts = new List<(DemoAccount Account, int? County, int? Township, int? Village)>
        {
            (new("admin", "系统管理员", PortalRoles.SystemAdmin, "全部地区"), null, null, null),
            (new("county", "周明远", PortalRoles.CountySupervisor, county.Name), county.Id, null, null),
            (new("township", "李春华", PortalRoles.TownshipOfficial, seedTownship.Name), county.Id, seedTownship.Id, null),
            (new("township2", "赵国庆", PortalRoles.TownshipOfficial, otherTownship.Name), county.Id, otherTownship.Id, null),
            (new("leader", "陈志刚", PortalRoles.WorkTeamLeader, seedVillage.Name), county.Id, seedTownship.Id, seedVillage.Id),
            (new("member", "吴晓燕", PortalRoles.WorkTeamMember, seedVillage.Name), county.Id, seedTownship.Id, seedVillage.Id),
            // Community correction (issue 19): the county justice bureau and the 司法所 of the two townships above.
            (new("justice", "郑文博", PortalRoles.JusticeBureau, $"{county.Name}司法局"), county.Id, null, null),
            (new("sifasuo", "黄志强", PortalRoles.JudicialOffice, $"{seedTownship.Name}司法所"), county.Id, seedTownship.Id, null),
            (new("sifasuo2", "彭建军", PortalRoles.JudicialOffice, $"{otherTownship.Name}司法所"), county.Id, otherTownship.Id, null),
        };
        foreach (var (account, countyId, townshipId, villageId) in accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            var user = new PortalUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                CountyId = countyId,
                TownshipId = townshipId,
                VillageId = villageId,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("；", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, account.Role);
        }
        await VillageWorkDemoSeeder.SeedAsync(db, seedVillage, (await users.FindByNameAsync("leader"))?.Id,
            (await users.FindByNameAsync("member"))?.Id, cancellationToken);
        var otherVillages = townships.SelectMany(t => t.Villages).Where(v => v.Id != seedVillage.Id).ToList();
        await VillageWorkDemoSeeder.SeedAttendanceAsync(db, otherVillages, cancellationToken);
        await DemoHouseholdRecordsSeeder.SeedChecksAsync(options, otherVillages, cancellationToken);
        await RectificationDemoSeeder.SeedAsync(db, seedVillage, otherTownship,
            new RectificationDemoSeeder.Actors(await ActorAsync("leader"), await ActorAsync("township"), await ActorAsync("county")), clock, cancellationToken);
        await ProcedureDemoSeeder.SeedAsync(db, seedVillage, clock, cancellationToken);
        await InspectionDemoSeeder.SeedAsync(db, county.Id,
            [await GroupAccountAsync("township"), await GroupAccountAsync("township2"), await GroupAccountAsync("county")], clock, cancellationToken);
        var correctionWatch = System.Diagnostics.Stopwatch.StartNew();
        var correctionCases = await CorrectionDemoSeeder.SeedAsync(db, county, townships, plan.County.Surnames,
            new CorrectionDemoSeeder.Staff((await users.FindByNameAsync("justice"))?.Id, new Dictionary<int, string>
            {
                [seedTownship.Id] = "黄志强",
                [otherTownship.Id] = "彭建军",
            }), clock, cancellationToken);
        if (correctionCases > 0) logger.LogInformation("Demo correction cases loaded: {Count} in {Milliseconds} ms", correctionCases, correctionWatch.ElapsedMilliseconds);
        return accounts.Select(a => a.Account).ToList();
    }

    private async Task<Domain.Rectification.ProblemActor> ActorAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"演示账号 {userName} 不存在");
        var role = (await users.GetRolesAsync(user)).First();
        return new Domain.Rectification.ProblemActor(user.Id, user.DisplayName, role);
    }

    private async Task<InspectionDemoSeeder.GroupAccount> GroupAccountAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"演示账号 {userName} 不存在");
        return new InspectionDemoSeeder.GroupAccount(user.Id, user.DisplayName, user.TownshipId);
    }

    /// <summary>Whether this instance runs with demo data: on by default in Development only.</summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Demo:Enabled", environment.IsDevelopment());
}
