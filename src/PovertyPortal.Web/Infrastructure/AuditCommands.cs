using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>verify-audit and purge-audit (decision 0015): the audit log's hash chain and its retention.</summary>
public static class AuditCommands
{
    public static async Task<int> VerifyAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await using var db = new PortalDbContext(options, new SystemScopeSource("verify-audit"));
        var count = await db.AuditLog.CountAsync();
        if (await AuditChain.VerifyAsync(db) is { } broken)
        {
            await Console.Error.WriteLineAsync($"审计日志哈希链在第 {broken.Id} 行断开：{broken.Reason}。");
            return 1;
        }
        // After a purge the first row's predecessor is gone; its own hash is checked, its link cannot be.
        Console.WriteLine($"审计日志哈希链完整：{count} 行（第一行的前一行可能已按保留期清理，其衔接无法核对）。");
        return 0;
    }

    public static async Task<int> PurgeAsync(IServiceProvider services, string[] args)
    {
        var index = Array.IndexOf(args, "--before");
        if (index < 0 || index + 1 >= args.Length
            || !DateOnly.TryParseExact(args[index + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            await Console.Error.WriteLineAsync("用法：purge-audit --before yyyy-MM-dd（至少保留 180 天）");
            return 2;
        }
        var clock = services.GetRequiredService<TimeProvider>();
        var before = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var options = services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await using var db = new PortalDbContext(options, new SystemScopeSource("purge-audit"));
        var deleted = await AuditChain.PurgeAsync(db, before, clock.GetUtcNow());
        // The purge itself is an audited act, written after it so that it stays in the log.
        await services.GetRequiredService<AuditLog>().WriteAsync("purge-audit", AuditActions.PurgeAuditLog, AuditOutcome.Success,
            $"{date:yyyy-MM-dd} 之前的审计日志", detail: $"删除 {deleted} 行");
        Console.WriteLine($"已删除 {date:yyyy-MM-dd} 之前的审计日志 {deleted} 行。");
        return 0;
    }
}
