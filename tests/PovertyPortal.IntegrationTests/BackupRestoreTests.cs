using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PovertyPortal.Data;
using PovertyPortal.Data.Backup;
using PovertyPortal.Domain.Common;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// backup and restore (decision 0020) on a portal of its own: the test wipes its database, attachments and key file.
/// </summary>
public abstract class BackupRestoreTests(PortalAppFixture app)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private IConfiguration Configuration => app.Factory.Services.GetRequiredService<IConfiguration>();

    private string KeyFile => DatabaseServiceCollectionExtensions.PersonalDataKeyFile(Configuration);

    private string Attachments => AttachmentFiles.Directory(app.Factory.Services.GetRequiredService<PortalPaths>());

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "povertyportal-tests", $"backup-{Guid.NewGuid():N}");

    private async Task<IReadOnlyList<TableChecksum>> ChecksumsAsync()
    {
        await using var db = app.SystemDb();
        await db.Database.OpenConnectionAsync();
        return await TableChecksums.ComputeAsync(db.Model, db.Database.GetDbConnection(), null, app.Provider == DatabaseProvider.PostgreSql);
    }

    /// <summary>Row counts by plain COUNT(*), apart from the checksum code.</summary>
    private async Task<Dictionary<string, long>> CountsAsync(IEnumerable<string> tables)
    {
        await using var db = app.SystemDb();
        await db.Database.OpenConnectionAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    private async Task<int> RunAsync(Func<IServiceProvider, Task<int>> command)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await command(scope.ServiceProvider);
    }

    /// <summary>The database gone as after a lost disk: the SQLite file deleted, PostgreSQL's schema dropped.</summary>
    private async Task WipeDatabaseAsync()
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_backup_restored_after_a_wipe_gives_back_every_table_the_attachments_and_the_key_file()
    {
        var attachment = Path.Combine(Attachments, $"backup-test-{Guid.NewGuid():N}.bin");
        var content = RandomNumberGenerator.GetBytes(5000);
        await File.WriteAllBytesAsync(attachment, content);
        var key = await File.ReadAllBytesAsync(KeyFile);
        var folder = NewFolder();
        try
        {
            var before = await ChecksumsAsync();
            Assert.Equal(0, await RunAsync(s => BackupCommands.BackupAsync(s, Configuration, ["backup", "--out", folder])));

            var manifest = JsonSerializer.Deserialize<BackupCommands.Manifest>(await File.ReadAllTextAsync(Path.Combine(folder, BackupCommands.ManifestName)), Json)!;
            Assert.Equal(before, manifest.Tables);
            Assert.Contains(manifest.Tables, t => t.Table == "Households" && t.Rows > 100);
            Assert.Contains(manifest.Tables, t => t.Table == TableChecksums.MigrationsHistory && t.Rows > 0);
            Assert.Contains(manifest.Files, f => f.Path == $"attachments/{Path.GetFileName(attachment)}" && f.Size == content.Length);
            Assert.Contains(manifest.Files, f => f.Path == BackupCommands.KeyFileName);
            Assert.Contains("个人信息加密密钥", await File.ReadAllTextAsync(Path.Combine(folder, BackupCommands.WarningName)), StringComparison.Ordinal);

            await WipeDatabaseAsync();
            File.Delete(attachment);
            File.Delete(KeyFile);

            Assert.Equal(0, await RunAsync(s => BackupCommands.RestoreAsync(s, Configuration, ["restore", "--from", folder])));

            var after = await ChecksumsAsync();
            // Every table as backed up, but the audit log, which the restore ends with an entry of its own.
            Assert.Equal(manifest.Tables.Where(t => t.Table != "AuditLog"), after.Where(t => t.Table != "AuditLog"));
            var counts = await CountsAsync(manifest.Tables.Select(t => t.Table));
            Assert.All(manifest.Tables.Where(t => t.Table != "AuditLog"), t => Assert.Equal(t.Rows, counts[t.Table]));
            Assert.Equal(manifest.Tables.Single(t => t.Table == "AuditLog").Rows + 1, counts["AuditLog"]);
            Assert.Equal(content, await File.ReadAllBytesAsync(attachment));
            Assert.Equal(key, await File.ReadAllBytesAsync(KeyFile));

            await using var db = app.SystemDb();
            var restore = await db.AuditLog.OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal((AuditActions.Restore, AuditOutcome.Success), (restore.Action, restore.Outcome));
            Assert.Null(await AuditChain.VerifyAsync(db));
            // The personal data reads back with the restored key file.
            await PovertyPortal.Data.Encryption.PersonalDataRewriter.CheckKeysAsync(db);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            if (File.Exists(attachment)) File.Delete(attachment);
        }
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_anything_is_replaced()
    {
        var folder = NewFolder();
        try
        {
            Assert.Equal(0, await RunAsync(s => BackupCommands.BackupAsync(s, Configuration, ["backup", "--out", folder])));
            var database = Path.Combine(folder, app.Provider == DatabaseProvider.Sqlite ? "database.sqlite" : "database.dump");
            // One self-contained database file, no journal beside it.
            Assert.Equal([Path.GetFileName(database)], Directory.GetFiles(folder, "database*").Select(Path.GetFileName));
            var bytes = await File.ReadAllBytesAsync(database);
            bytes[bytes.Length / 2] ^= 0xFF;
            await File.WriteAllBytesAsync(database, bytes);
            var before = (await ChecksumsAsync()).Where(t => t.Table != "AuditLog").ToList();

            Assert.Equal(1, await RunAsync(s => BackupCommands.RestoreAsync(s, Configuration, ["restore", "--from", folder])));

            Assert.Equal(before, (await ChecksumsAsync()).Where(t => t.Table != "AuditLog"));
            await using var db = app.SystemDb();
            var refusal = await db.AuditLog.OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal((AuditActions.Restore, AuditOutcome.Denied), (refusal.Action, refusal.Outcome));
            Assert.Contains(Path.GetFileName(database), refusal.Detail, StringComparison.Ordinal);

            // A folder that is not empty is not written into: one backup, one folder.
            Assert.Equal(1, await RunAsync(s => BackupCommands.BackupAsync(s, Configuration, ["backup", "--out", folder])));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class BackupRestoreTestsOnSqlite(SqliteOwnKeysAppFixture app) : BackupRestoreTests(app), IClassFixture<SqliteOwnKeysAppFixture>;

public sealed class BackupRestoreTestsOnPostgreSql(PostgreSqlOwnKeysAppFixture app) : BackupRestoreTests(app), IClassFixture<PostgreSqlOwnKeysAppFixture>;
