using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>rotate-personal-data-key (decision 0016): a new current key, and every encrypted value moved to it.</summary>
public static class PersonalDataCommands
{
    public static async Task<int> RotateKeyAsync(IServiceProvider services, IConfiguration configuration)
    {
        var path = DatabaseServiceCollectionExtensions.PersonalDataKeyFile(configuration);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"个人信息密钥文件 {path} 不存在：轮换只能在已有密钥文件上进行。");
            return 1;
        }
        // The new key is saved before any row moves to it, with the old keys kept: an interrupted run leaves every row
        // readable, and the next start or `migrate` finishes moving them.
        var rotated = PersonalDataKeyRing.Load(path).WithNewKey();
        rotated.Save(path);

        var options = new DbContextOptionsBuilder<PortalDbContext>(services.GetRequiredService<DbContextOptions<PortalDbContext>>())
            .UsePersonalDataCipher(new PersonalDataCipher(rotated));
        int rewritten;
        await using (var db = new PortalDbContext(options.Options, new SystemScopeSource("rotate-personal-data-key")))
        {
            rewritten = await PersonalDataRewriter.RewriteAsync(db);
        }
        await services.GetRequiredService<AuditLog>().WriteAsync("rotate-personal-data-key", AuditActions.RotatePersonalDataKey, AuditOutcome.Success,
            $"个人信息加密密钥 {rotated.CurrentKeyId}", detail: $"重新加密 {rewritten} 行");
        Console.WriteLine($"已启用新密钥 {rotated.CurrentKeyId}，重新加密 {rewritten} 行。旧密钥仍保留在 {path} 中，用于读取轮换前的备份。");
        return 0;
    }
}
