using System.Data;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PovertyPortal.Data.Backup;

/// <summary>
/// The database part of `backup` and `restore` (decision 0020): SQLite through its online backup API, PostgreSQL through
/// pg_dump and pg_restore. Each answers the checksums of exactly what it wrote, taken from the copy (SQLite) or from the
/// snapshot pg_dump read (PostgreSQL), so a portal writing meanwhile cannot make the manifest disagree with the dump.
/// </summary>
public static class DatabaseBackup
{
    public static string FileName(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "database.sqlite",
        DatabaseProvider.PostgreSql => "database.dump",
        _ => throw new InvalidOperationException(
            "SQL Server 数据库请用其自身的备份（BACKUP DATABASE / RESTORE DATABASE，由数据库管理员执行）；本命令只备份附件和个人信息密钥文件以外的 SQLite 与 PostgreSQL 数据库。"),
    };

    public static async Task<IReadOnlyList<TableChecksum>> BackupAsync(
        PortalDbContext db, DatabaseProvider provider, string connectionString, string file, CancellationToken cancellationToken = default)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            await using (var source = new SqliteConnection(connectionString))
            await using (var copy = new SqliteConnection(ReadOnlyFile(file, readOnly: false)))
            {
                await source.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                // The online backup copies a consistent state page by page while the portal keeps writing.
                source.BackupDatabase(copy);
                // One self-contained file: a copy of a WAL database would otherwise leave -wal and -shm files beside it.
                await using var journal = copy.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE";
                await journal.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var written = new SqliteConnection(ReadOnlyFile(file, readOnly: true));
            await written.OpenAsync(cancellationToken);
            return await TableChecksums.ComputeAsync(db.Model, written, null, postgres: false, cancellationToken);
        }

        _ = FileName(provider);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // One snapshot for pg_dump and for the checksums: what is counted is what was dumped.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            var snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
            await PostgresTools.RunAsync("pg_dump", connectionString,
                ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={file}"], cancellationToken);
        }
        var sums = await TableChecksums.ComputeAsync(db.Model, connection, transaction, postgres: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sums;
    }

    /// <summary>Replaces the configured database's content with the backup's and answers the restored tables' checksums.</summary>
    public static async Task<IReadOnlyList<TableChecksum>> RestoreAsync(
        PortalDbContext db, DatabaseProvider provider, string connectionString, string file, CancellationToken cancellationToken = default)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var target = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource))!);
            await using (var source = new SqliteConnection(ReadOnlyFile(file, readOnly: true)))
            await using (var destination = new SqliteConnection(target))
            {
                await source.OpenAsync(cancellationToken);
                await destination.OpenAsync(cancellationToken);
                source.BackupDatabase(destination);
            }
            SqliteConnection.ClearAllPools();
            await using var restored = new SqliteConnection(target);
            await restored.OpenAsync(cancellationToken);
            return await TableChecksums.ComputeAsync(db.Model, restored, null, postgres: false, cancellationToken);
        }

        _ = FileName(provider);
        // One transaction: a restore that fails half-way leaves the database as it was.
        await PostgresTools.RunAsync("pg_restore", connectionString,
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file], cancellationToken);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await TableChecksums.ComputeAsync(db.Model, connection, null, postgres: true, cancellationToken);
    }

    private static string ReadOnlyFile(string file, bool readOnly) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();
}

/// <summary>pg_dump and pg_restore: found on PATH or under /usr/lib/postgresql/*/bin (the newest), run with the portal's connection.</summary>
public static class PostgresTools
{
    public static string Find(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .OrderByDescending(d => d.Version).Select(d => Path.Combine(d.Dir, "bin", tool)).FirstOrDefault(File.Exists)
            : null;
        return installed ?? throw new InvalidOperationException(
            $"找不到 {tool}：请安装与数据库版本相同或更新的 PostgreSQL 客户端（Debian/Ubuntu：apt-get install postgresql-client），或把 {tool} 所在的目录加入 PATH。");
    }

    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (settings.Host is { Length: > 0 } host) start.ArgumentList.Add($"--host={host}");
        start.ArgumentList.Add($"--port={settings.Port.ToString(CultureInfo.InvariantCulture)}");
        if (settings.Username is { Length: > 0 } user) start.ArgumentList.Add($"--username={user}");
        start.ArgumentList.Add($"--dbname={settings.Database}");
        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The password goes by the environment, never on the command line where `ps` shows it.
        if (settings.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"无法启动 {tool}。");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} 执行失败（退出码 {process.ExitCode}）：{(await errors).Trim()} {(await output).Trim()}".Trim());
    }
}
