using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Data.Backup;
using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// `backup --out DIR` and `restore --from DIR` (decision 0020): the database, the attachments folder and the
/// personal-data key file, with a manifest of every table's rows and checksum and every file's size and SHA-256.
/// A restore checks the files before it touches anything and the tables after, and reports success only when all agree.
/// </summary>
public static class BackupCommands
{
    public const string ManifestName = "manifest.json";
    public const string KeyFileName = "personal-data-keys.json";
    public const string AttachmentsFolder = "attachments";
    public const string WarningName = "重要-本备份含个人信息密钥.txt";

    private const string KeyWarning =
        "本备份含个人信息加密密钥（personal-data-keys.json）：持有本备份者可读出全部身份证号、电话和健康信息。" +
        "请把备份存放在只有管理员能读取的位置（如加密磁盘、权限 700 的目录），与日常文件分开保管，不要通过即时通讯或电子邮件传送。";

    public sealed record FileEntry(string Path, long Size, string Sha256);

    public sealed record Manifest(int Format, DateTimeOffset CreatedAt, string Provider, string? LastMigration,
        IReadOnlyList<TableChecksum> Tables, IReadOnlyList<FileEntry> Files);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> BackupAsync(IServiceProvider services, IConfiguration configuration, string[] args)
    {
        if (CommandLine.Option(args, "--out") is not { Length: > 0 } outArg)
        {
            await Console.Error.WriteLineAsync("用法：backup --out 目录（目录须不存在或为空）");
            return 2;
        }
        var folder = Path.GetFullPath(outArg);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await Console.Error.WriteLineAsync($"目录 {folder} 不是空的：请为每次备份指定一个新目录。");
            return 1;
        }
        var (provider, connectionString) = DatabaseServiceCollectionExtensions.ReadSettings(configuration, services.GetRequiredService<PortalPaths>().DefaultSqliteConnectionString);
        var databaseFile = DatabaseBackup.FileName(provider);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var options = services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await using var db = new PortalDbContext(options, new SystemScopeSource("backup"));
        var lastMigration = (await db.Database.GetAppliedMigrationsAsync()).LastOrDefault();
        var tables = await DatabaseBackup.BackupAsync(db, provider, connectionString, Path.Combine(folder, databaseFile));

        var attachments = AttachmentFiles.Directory(services.GetRequiredService<PortalPaths>());
        CopyFolder(attachments, Path.Combine(folder, AttachmentsFolder));
        var keyFile = DatabaseServiceCollectionExtensions.PersonalDataKeyFile(configuration);
        File.Copy(keyFile, Path.Combine(folder, KeyFileName));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(folder, KeyFileName), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(Path.Combine(folder, WarningName), KeyWarning + Environment.NewLine);

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Describe(folder, path)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var manifest = new Manifest(1, services.GetRequiredService<TimeProvider>().GetUtcNow(), provider.ToString(), lastMigration, tables, files);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestName), JsonSerializer.Serialize(manifest, Json));

        await services.GetRequiredService<AuditLog>().WriteAsync("backup", AuditActions.Backup, AuditOutcome.Success, $"备份到 {folder}",
            detail: $"{tables.Count} 张表 {tables.Sum(t => t.Rows)} 行，{files.Count} 个文件（含个人信息密钥文件）");
        Console.WriteLine($"已备份到 {folder}：{tables.Count} 张表共 {tables.Sum(t => t.Rows)} 行，附件 {files.Count(f => f.Path.StartsWith(AttachmentsFolder + "/", StringComparison.Ordinal))} 个。");
        Console.WriteLine($"警告：{KeyWarning}");
        return 0;
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, IConfiguration configuration, string[] args)
    {
        if (CommandLine.Option(args, "--from") is not { Length: > 0 } fromArg)
        {
            await Console.Error.WriteLineAsync("用法：restore --from 备份目录（请先停止门户）");
            return 2;
        }
        var folder = Path.GetFullPath(fromArg);
        var manifestPath = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifestPath))
        {
            await Console.Error.WriteLineAsync($"{folder} 中没有 {ManifestName}：不是本门户的备份，或备份不完整。");
            return 1;
        }
        Manifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(manifestPath), Json)
                ?? throw new JsonException("空文件");
        }
        catch (JsonException e)
        {
            await Console.Error.WriteLineAsync($"备份清单 {ManifestName} 已损坏，拒绝恢复：{e.Message}");
            return 1;
        }
        var (provider, connectionString) = DatabaseServiceCollectionExtensions.ReadSettings(configuration, services.GetRequiredService<PortalPaths>().DefaultSqliteConnectionString);
        if (manifest.Provider != provider.ToString())
        {
            await Console.Error.WriteLineAsync($"备份来自 {manifest.Provider} 数据库，当前配置的是 {provider}：不能跨数据库类型恢复。");
            return 1;
        }

        // Every file as the manifest says, before anything is replaced: a damaged set is refused whole.
        var damaged = manifest.Files.Where(f => !Matches(Path.Combine(folder, f.Path), f)).Select(f => f.Path).ToList();
        var databaseFile = DatabaseBackup.FileName(provider);
        if (manifest.Files.All(f => f.Path != databaseFile) || manifest.Files.All(f => f.Path != KeyFileName)) damaged.Add("（清单中缺少数据库或密钥文件）");
        if (damaged.Count > 0)
        {
            await Console.Error.WriteLineAsync($"备份已损坏，拒绝恢复，未作任何修改。与清单不符的文件：{string.Join("，", damaged)}");
            await AuditRefusalAsync(services, configuration, folder, damaged);
            return 1;
        }

        var stamp = services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        // The key file first: the database's context is built with the cipher, which would otherwise make a new key.
        var keyFile = DatabaseServiceCollectionExtensions.PersonalDataKeyFile(configuration);
        PutAside(keyFile, stamp, Path.Combine(folder, KeyFileName));
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        File.Copy(Path.Combine(folder, KeyFileName), keyFile, overwrite: true);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var options = services.GetRequiredService<DbContextOptions<PortalDbContext>>();
        IReadOnlyList<TableChecksum> restored;
        await using (var db = new PortalDbContext(options, new SystemScopeSource("restore")))
        {
            restored = await DatabaseBackup.RestoreAsync(db, provider, connectionString, Path.Combine(folder, databaseFile));
        }

        var attachments = AttachmentFiles.Directory(services.GetRequiredService<PortalPaths>());
        if (Directory.EnumerateFileSystemEntries(attachments).Any()) Directory.Move(attachments, $"{attachments}.before-restore-{stamp}");
        CopyFolder(Path.Combine(folder, AttachmentsFolder), attachments);

        var wrong = manifest.Tables.Select(t => (Expected: t, Actual: restored.FirstOrDefault(r => r.Table == t.Table)))
            .Where(p => p.Actual != p.Expected).Select(p => p.Expected.Table)
            .Concat(restored.Where(r => manifest.Tables.All(t => t.Table != r.Table) && r.Rows > 0).Select(r => r.Table)).ToList();
        var wrongFiles = manifest.Files.Where(f => f.Path.StartsWith(AttachmentsFolder + "/", StringComparison.Ordinal))
            .Where(f => !Matches(Path.Combine(attachments, f.Path[(AttachmentsFolder.Length + 1)..]), f))
            .Select(f => f.Path).ToList();
        var auditLog = services.GetRequiredService<AuditLog>();
        if (wrong.Count + wrongFiles.Count > 0)
        {
            await auditLog.WriteAsync("restore", AuditActions.Restore, AuditOutcome.Failed, $"从 {folder} 恢复",
                detail: $"恢复后校验不符：{string.Join("，", wrong.Concat(wrongFiles))}");
            await Console.Error.WriteLineAsync($"恢复后校验失败，数据不可用：与备份清单不符的表或文件：{string.Join("，", wrong.Concat(wrongFiles))}");
            return 1;
        }
        // Written after the check, into the restored log: the check covered the backup's rows only.
        await auditLog.WriteAsync("restore", AuditActions.Restore, AuditOutcome.Success, $"从 {folder} 恢复",
            detail: $"备份时间 {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC，{manifest.Tables.Count} 张表 {manifest.Tables.Sum(t => t.Rows)} 行，{manifest.Files.Count} 个文件，全部校验一致");
        Console.WriteLine($"已从 {folder} 恢复并校验：{manifest.Tables.Count} 张表共 {manifest.Tables.Sum(t => t.Rows)} 行、{manifest.Files.Count} 个文件与备份清单一致。");
        Console.WriteLine($"个人信息密钥文件已放到 {keyFile}。请重新启动门户；用户需重新登录。");
        return 0;
    }

    /// <summary>
    /// A refused restore is recorded in the database it left alone, when that database can take an entry: on a new
    /// machine without a key file or tables the refusal is on the console only (resolving the audit log would make a key).
    /// </summary>
    private static async Task AuditRefusalAsync(IServiceProvider services, IConfiguration configuration, string folder, List<string> damaged)
    {
        if (!File.Exists(DatabaseServiceCollectionExtensions.PersonalDataKeyFile(configuration))) return;
        try
        {
            await services.GetRequiredService<AuditLog>().WriteAsync("restore", AuditActions.Restore, AuditOutcome.Denied, $"从 {folder} 恢复",
                detail: $"备份已损坏，拒绝恢复：{string.Join("，", damaged)}");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"（拒绝恢复未能记入审计日志：{e.Message}）");
        }
    }

    private static FileEntry Describe(string root, string path)
    {
        using var stream = File.OpenRead(path);
        return new FileEntry(Path.GetRelativePath(root, path).Replace('\\', '/'), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    private static bool Matches(string path, FileEntry entry)
    {
        if (!File.Exists(path)) return false;
        using var stream = File.OpenRead(path);
        return stream.Length == entry.Size && Convert.ToHexStringLower(SHA256.HashData(stream)) == entry.Sha256;
    }

    /// <summary>An existing file that differs from the one coming in is kept beside it (name.before-restore-time), never lost.</summary>
    private static void PutAside(string path, string stamp, string incoming)
    {
        if (!File.Exists(path) || File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(incoming))) return;
        File.Move(path, $"{path}.before-restore-{stamp}");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
