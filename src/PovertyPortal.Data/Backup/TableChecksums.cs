using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PovertyPortal.Data.Backup;

/// <summary>One table's row count and SHA-256 over its rows, as a backup's manifest records them (decision 0020).</summary>
public sealed record TableChecksum(string Table, long Rows, string Sha256);

/// <summary>
/// Counts and hashes every table of the model (and the migrations history) on a connection: the backup writes them into
/// its manifest, the restore compares the restored database with them. Rows are read in the order of their primary key
/// (text keys in byte order on PostgreSQL, whatever the database's collation), columns in the order of their names, and
/// each value is written in an invariant form, so the same rows give the same hash on any machine with the same provider.
/// </summary>
public static class TableChecksums
{
    public const string MigrationsHistory = "__EFMigrationsHistory";

    public static async Task<IReadOnlyList<TableChecksum>> ComputeAsync(
        IModel model, DbConnection connection, DbTransaction? transaction, bool postgres, CancellationToken cancellationToken = default)
    {
        var sums = new List<TableChecksum>();
        List<Column> history = [new("MigrationId", true), new("ProductVersion", true)];
        var tables = model.GetRelationalModel().Tables
            .Select(t => new Table(t.Name, [.. t.Columns.Select(Column.Of)], [.. (t.PrimaryKey?.Columns ?? t.Columns).Select(Column.Of)]))
            .Append(new Table(MigrationsHistory, history, history.Take(1).ToList()))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var (name, columns, key) in tables)
        {
            var select = string.Join(", ", columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => Quote(c.Name)));
            var order = string.Join(", ", key.Select(c => postgres && c.IsText ? $"{Quote(c.Name)} COLLATE \"C\"" : Quote(c.Name)));
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT {select} FROM {Quote(name)} ORDER BY {order}";
            command.CommandTimeout = 600;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        hash.AppendData(Encoding.UTF8.GetBytes(Canonical(reader.IsDBNull(i) ? null : reader.GetValue(i))));
                        hash.AppendData("\u001f"u8);
                    }
                    hash.AppendData("\u001e"u8);
                }
            }
            sums.Add(new TableChecksum(name, rows, Convert.ToHexStringLower(hash.GetHashAndReset())));
        }
        return sums;
    }

    private sealed record Column(string Name, bool IsText)
    {
        public static Column Of(IColumnBase column) => new(column.Name, column.ProviderClrType == typeof(string));
    }

    private sealed record Table(string Name, List<Column> Columns, List<Column> Key);

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    // A null differs from an empty string; numbers and times are written in one invariant, round-tripping form.
    private static string Canonical(object? value) => value switch
    {
        null => "\u0000",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
