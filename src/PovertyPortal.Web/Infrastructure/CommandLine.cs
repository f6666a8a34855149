using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.DemoData;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// Commands for county IT staff, run as `dotnet run --project src/PovertyPortal.Web -- COMMAND`:
///   migrate                                   apply migrations to the configured database
///   create-admin --user NAME [--name 姓名]    create the first system administrator; the password is read from
///                                             standard input (or PORTAL_ADMIN_PASSWORD) and never from the command line
///   generate-county --households N [--townships 20] [--seed 1]
///                                             write a synthetic county for benchmarks (GenerateCountyCommand)
///   import FILE --user USERNAME [--dry-run] [--create-areas]   import a register file (.xlsx, .xls, .csv)
///   recount-tallies                           recount the dashboard's tallies from their records (decision 0011):
///                                             after records were written by SQL outside the portal
///   report --village CODE_OR_NAME --year YYYY --format pdf|docx --out PATH [--user USERNAME] [--public]
///                                             the village's performance report (ReportCommand)
///   verify-audit                              walk the audit log's hash chain; non-zero at the first broken row
///   purge-audit --before yyyy-MM-dd           delete audit entries older than the date (at least 180 days ago)
///   rotate-personal-data-key                  add a new current key to the personal-data key file and re-encrypt
///                                             every encrypted value with it (decision 0016); run with the portal stopped
///   backup --out DIR                          database, attachments and the personal-data key file, with a manifest of
///                                             counts and checksums (decision 0020)
///   restore --from DIR                        checks a backup, puts it in place and checks it again; portal stopped
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "create-admin" or "generate-county" or "import" or "report" or "recount-tallies" or "verify-audit" or "purge-audit" or "rotate-personal-data-key" or "backup" or "restore";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            return args[0] switch
            {
                "migrate" => await MigrateAsync(services),
                "create-admin" => await CreateAdminAsync(services, args),
                "generate-county" => await GenerateCountyCommand.RunAsync(services, args),
                "import" => await ImportCommand.RunAsync(services, args),
                "report" => await ReportCommand.RunAsync(services, args),
                "recount-tallies" => await RecountTalliesAsync(services),
                "verify-audit" => await AuditCommands.VerifyAsync(services),
                "purge-audit" => await AuditCommands.PurgeAsync(services, args),
                "rotate-personal-data-key" => await PersonalDataCommands.RotateKeyAsync(services, app.Configuration),
                "backup" => await BackupCommands.BackupAsync(services, app.Configuration, args),
                "restore" => await BackupCommands.RestoreAsync(services, app.Configuration, args),
                _ => 2,
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException
            or PovertyPortal.Data.Encryption.PersonalDataKeyException or InvalidDataException or IOException)
        {
            await Console.Error.WriteLineAsync($"执行失败：{ex.Message}");
            return 1;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await using var db = new PortalDbContext(options, new SystemScopeSource("migrate"));
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await PortalMigrations.ApplyAsync(db);
        await DatabaseStartup.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        Console.WriteLine(pending.Count == 0 ? "数据库已是最新，无需迁移。" : $"已应用 {pending.Count} 个迁移：{string.Join("，", pending)}");
        return 0;
    }

    private static async Task<int> RecountTalliesAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await using var db = new PortalDbContext(options, new SystemScopeSource("recount-tallies"));
        await DashboardTallies.RecountAllAsync(db);
        Console.WriteLine($"已重新统计：政策享受 {await db.BenefitTallies.CountAsync()} 行，收入档位 {await db.IncomeTallies.CountAsync()} 行。");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        var userName = Option(args, "--user");
        if (string.IsNullOrWhiteSpace(userName))
        {
            await Console.Error.WriteLineAsync("用法：create-admin --user 用户名 [--name 姓名]，密码从标准输入读取");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("PORTAL_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected) Console.Write("请输入管理员密码：");
            password = Console.ReadLine();
        }
        if (ChinesePasswordValidator.Check(password, userName) is { } error)
        {
            await Console.Error.WriteLineAsync(error);
            return 1;
        }

        await DatabaseStartup.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await Console.Error.WriteLineAsync($"用户名“{userName}”已存在。");
            return 1;
        }
        var user = new PortalUser
        {
            UserName = userName,
            DisplayName = Option(args, "--name") ?? "系统管理员",
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join("；", created.Errors.Select(e => e.Description)));
            return 1;
        }
        await users.AddToRoleAsync(user, PortalRoles.SystemAdmin);
        Console.WriteLine($"已创建系统管理员“{userName}”。");
        return 0;
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
