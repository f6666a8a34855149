using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PovertyPortal.Data.Encryption;

/// <summary>
/// Brings every encrypted column to the current key: values stored before encryption existed are encrypted, values
/// under an older key are re-encrypted (decision 0016). Runs after the migrations on every start and `migrate`, and
/// at once after `rotate-personal-data-key`; a run that was interrupted is finished by the next one.
/// <para>
/// It writes with plain SQL, page by page in id order, so that neither the audit stamps nor the field history take a
/// re-encryption for a change: the values mean what they meant.
/// </para>
/// </summary>
public static class PersonalDataRewriter
{
    private const int PageSize = 2000;

    /// <summary>Returns how many rows it rewrote.</summary>
    public static async Task<int> RewriteAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var cipher = CipherOf(db);
        var rewritten = 0;
        var plainTables = new List<string>();
        foreach (var table in Tables(db.Model))
        {
            var (rows, plain) = await RewriteTableAsync(db, cipher, table, cancellationToken);
            rewritten += rows;
            if (plain) plainTables.Add(table.Name);
        }
        if (plainTables.Count > 0) await ForgetPlainPagesAsync(db, plainTables, cancellationToken);
        return rewritten;
    }

    /// <summary>
    /// An UPDATE leaves the plain value it replaced in the file (SQLite's free pages and write-ahead log, PostgreSQL's
    /// dead row versions) until that space is reused. Once, after plain values were encrypted, the tables are rewritten.
    /// SQL Server's ghost cleanup does the same on its own schedule (deploy/README.md says to rebuild the indexes).
    /// </summary>
    private static async Task ForgetPlainPagesAsync(PortalDbContext db, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
        else if (db.Database.IsNpgsql())
        {
            // The table names come from the model, not from input.
#pragma warning disable EF1002
            foreach (var table in tables) await db.Database.ExecuteSqlRawAsync($"VACUUM FULL {Quote(table)}", cancellationToken);
#pragma warning restore EF1002
        }
    }

    /// <summary>
    /// Decrypts one stored value of each encrypted column, so that a start with the wrong key file stops at once with
    /// a message that says so, instead of failing on the first page that shows a phone.
    /// </summary>
    public static async Task CheckKeysAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var cipher = CipherOf(db);
        var sqlServer = IsSqlServer(db);
        var connection = db.Database.GetDbConnection();
        var openedHere = connection.State != System.Data.ConnectionState.Open;
        if (openedHere) await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var table in Tables(db.Model))
            {
                foreach (var column in table.Columns)
                {
                    await using var command = Command(connection, $"SELECT {(sqlServer ? "TOP 1 " : "")}{Quote(column.Name)} FROM {Quote(table.Name)} "
                        + $"WHERE {Quote(column.Name)} LIKE 'pd%'{(sqlServer ? "" : " LIMIT 1")}");
                    if (await command.ExecuteScalarAsync(cancellationToken) is string stored) cipher.Decrypt(stored, column.Converter.Column);
                }
            }
        }
        finally
        {
            if (openedHere) await db.Database.CloseConnectionAsync();
        }
    }

    public static PersonalDataCipher CipherOf(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<PersonalDataOptionsExtension>()?.Cipher
            ?? throw new InvalidOperationException("PortalDbContext 未配置个人信息加密（UsePersonalDataCipher）。");

    private sealed record Column(string Name, IEncryptedConverter Converter);

    private sealed record Table(string Name, string IdColumn, IReadOnlyList<Column> Columns);

    private static IEnumerable<Table> Tables(IModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            var name = entity.GetTableName();
            if (name is null) continue;
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var columns = entity.GetProperties()
                .Where(p => p.GetValueConverter() is IEncryptedConverter)
                .Select(p => new Column(p.GetColumnName(store)!, (IEncryptedConverter)p.GetValueConverter()!))
                .ToList();
            if (columns.Count == 0) continue;
            yield return new Table(name, entity.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!, columns);
        }
    }

    /// <summary>How many rows it rewrote, and whether any of them held a plain value.</summary>
    private static async Task<(int Rows, bool Plain)> RewriteTableAsync(PortalDbContext db, PersonalDataCipher cipher, Table table, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var openedHere = connection.State != System.Data.ConnectionState.Open;
        if (openedHere) await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var current = cipher.CurrentPrefix;
            // The prefix has no LIKE wildcard in it ("pd" + digits + ":").
            var stale = string.Join(" OR ", table.Columns.Select(c => c.Converter.ConvertsNulls
                ? $"({Quote(c.Name)} IS NULL OR {Quote(c.Name)} NOT LIKE '{current}%')"
                : $"({Quote(c.Name)} IS NOT NULL AND {Quote(c.Name)} NOT LIKE '{current}%')"));
            var sqlServer = IsSqlServer(db);
            var select = $"SELECT {(sqlServer ? $"TOP {PageSize} " : "")}{Quote(table.IdColumn)}, "
                + string.Join(", ", table.Columns.Select(c => Quote(c.Name)))
                + $" FROM {Quote(table.Name)} WHERE {Quote(table.IdColumn)} > @last AND ({stale}) ORDER BY {Quote(table.IdColumn)}"
                + (sqlServer ? "" : $" LIMIT {PageSize}");
            var update = $"UPDATE {Quote(table.Name)} SET "
                + string.Join(", ", table.Columns.Select((c, i) => $"{Quote(c.Name)} = @v{i}"))
                + $" WHERE {Quote(table.IdColumn)} = @id";

            var rewritten = 0;
            var plain = false;
            var last = 0L;
            while (true)
            {
                var page = new List<(long Id, object?[] Values)>(PageSize);
                await using (var command = Command(connection, select))
                {
                    Parameter(command, "@last", last);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var values = new object?[table.Columns.Count];
                        for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i + 1) ? null : reader.GetValue(i + 1);
                        page.Add((Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), values));
                    }
                }
                if (page.Count == 0) return (rewritten, plain);
                plain |= page.Any(row => row.Values.Any(v => v is not null && !(v is string s && PersonalDataCipher.IsEncrypted(s))));

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = Command(connection, update))
                {
                    command.Transaction = transaction;
                    for (var i = 0; i < table.Columns.Count; i++) Parameter(command, $"@v{i}", null);
                    Parameter(command, "@id", 0L);
                    foreach (var (id, values) in page)
                    {
                        for (var i = 0; i < table.Columns.Count; i++)
                        {
                            command.Parameters[i].Value = (object?)Current(cipher, table.Columns[i], values[i]) ?? DBNull.Value;
                        }
                        command.Parameters[table.Columns.Count].Value = id;
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                }
                await transaction.CommitAsync(cancellationToken);
                rewritten += page.Count;
                last = page[^1].Id;
            }
        }
        finally
        {
            if (openedHere) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The value as the current key stores it.</summary>
    private static string? Current(PersonalDataCipher cipher, Column column, object? stored)
    {
        var text = stored as string;
        if (text is not null && text.StartsWith(cipher.CurrentPrefix, StringComparison.Ordinal)) return text;
        var plain = text is not null && PersonalDataCipher.IsEncrypted(text)
            ? cipher.Decrypt(text, column.Converter.Column)
            : column.Converter.PlainText(stored);
        return plain is null ? null : cipher.Encrypt(plain, column.Converter.Column, column.Converter.Deterministic);
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null) parameter.DbType = System.Data.DbType.String;
        command.Parameters.Add(parameter);
    }

    private static bool IsSqlServer(DbContext db) => db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true;

    private static string Quote(string name) => $"\"{name}\"";
}
