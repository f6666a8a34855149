using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data;

/// <summary>
/// Writes the households an import creates, with their members and first status step, without EF Core's change
/// tracker (decision 0005): SaveChanges cost about half a second per 1,000 new households, most of a large import.
/// The rows are those SaveChanges would write: the columns come from the EF model, each value goes through the
/// property's value converter and type mapping, audit fields and versions are filled as the save interceptor fills
/// them for an added row (which gets no field history there either), and every household is checked against the
/// context's scope as ScopeGuard would. It runs on the context's connection inside its transaction: a failure rolls
/// back everything. Household ids are taken first (PostgreSQL's identity sequence, SQLite's next rowids), then each
/// table is written: SQLite by one prepared INSERT, reused; PostgreSQL by binary COPY. Other providers keep the EF path.
/// </summary>
public static class NewHouseholdRows
{
    public static bool IsSupported(PortalDbContext db) => db.Database.IsSqlite() || db.Database.IsNpgsql();

    /// <summary>Writes one batch of new households; <paramref name="now"/> is their CreatedAt.</summary>
    public static async Task WriteAsync(PortalDbContext db, IReadOnlyList<Household> households, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("New households are written only inside the import's transaction.");
        foreach (var household in households) Stamp(db, household, now);
        // The first status steps count in their year: an import may not write into a locked township year (decision 0032).
        await YearLockInterceptor.CheckAsync(db, households.SelectMany(h => h.StatusHistory), cancellationToken);

        // Household ids are taken before writing, so that members and status steps can be written table by table.
        var householdTable = new Table(db, typeof(Household), withId: true);
        var memberTable = new Table(db, typeof(Member), withId: false);
        var stepTable = new Table(db, typeof(HouseholdStatusChange), withId: false);
        var ids = await NextIdsAsync(transaction, householdTable.Name, households.Count, cancellationToken);
        for (var i = 0; i < households.Count; i++)
        {
            var household = households[i];
            household.Id = ids[i];
            foreach (var member in household.Members) member.HouseholdId = household.Id;
            foreach (var step in household.StatusHistory) step.HouseholdId = household.Id;
        }
        var members = households.SelectMany(h => h.Members).ToList<object>();
        var steps = households.SelectMany(h => h.StatusHistory).ToList<object>();
        if (transaction.Connection is NpgsqlConnection connection)
        {
            await CopyAsync(connection, householdTable, households, cancellationToken);
            await CopyAsync(connection, memberTable, members, cancellationToken);
            await CopyAsync(connection, stepTable, steps, cancellationToken);
            return;
        }
        SqliteInsert(transaction, householdTable, households.ToList<object>());
        SqliteInsert(transaction, memberTable, members);
        SqliteInsert(transaction, stepTable, steps);
    }

    /// <summary>
    /// Writes many new rows of one area-bound kind that nothing else refers to yet (a round's drawn sample: 7,500 rows
    /// in one draw), the same way: scope-checked and stamped as SaveChanges would, inserted by COPY or one prepared
    /// INSERT inside the caller's transaction; the database gives their ids, which are not read back.
    /// </summary>
    public static async Task WriteAsync<T>(PortalDbContext db, IReadOnlyList<T> rows, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class, IAreaBound
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("New rows are written only inside the caller's transaction.");
        foreach (var row in rows)
        {
            ScopeGuard.CheckAdded(db, row);
            AuditSaveChangesInterceptor.StampAdded(row, now, db.ActingUserName);
        }
        if (typeof(IYearBound).IsAssignableFrom(typeof(T))) await YearLockInterceptor.CheckAsync(db, rows.Cast<IYearBound>(), cancellationToken);
        var table = new Table(db, typeof(T), withId: false);
        if (transaction.Connection is NpgsqlConnection connection) await CopyAsync(connection, table, rows, cancellationToken);
        else SqliteInsert(transaction, table, rows.ToList<object>());
    }

    /// <summary>What ScopeGuard, AuditSaveChangesInterceptor and HouseholdSizeInterceptor do for an added household and its rows.</summary>
    private static void Stamp(PortalDbContext db, Household household, DateTimeOffset now)
    {
        // The import already refused rows outside the user's area; this makes sure this path cannot write one.
        ScopeGuard.CheckAdded(db, household);
        AuditSaveChangesInterceptor.StampAdded(household, now, db.ActingUserName);
        household.CountLivingMembers();
        foreach (var member in household.Members) AuditSaveChangesInterceptor.StampAdded(member, now, db.ActingUserName);
    }

    /// <summary>A table's columns as the EF model maps them; values come out as the provider stores them.</summary>
    private sealed class Table
    {
        public Table(PortalDbContext db, Type entity, bool withId)
        {
            var type = db.Model.FindEntityType(entity)!;
            Name = type.GetTableName()!;
            var table = StoreObjectIdentifier.Table(Name, type.GetSchema());
            Columns = type.GetProperties().Where(p => withId || !p.IsPrimaryKey())
                .Select(p => new Column(p.GetColumnName(table)!, p.GetRelationalTypeMapping(), p.GetGetter())).ToArray();
        }

        public string Name { get; }
        public Column[] Columns { get; }

        public object? Value(int column, object entity)
        {
            var c = Columns[column];
            var value = c.Getter.GetClrValueUsingContainingEntity(entity);
            // A converter that converts nulls (the encrypted disability grade) is given them too, as SaveChanges does.
            return c.Mapping.Converter is not { } converter || (value is null && !converter.ConvertsNulls) ? value : converter.ConvertToProvider(value);
        }

        public string ColumnList => string.Join(", ", Columns.Select(c => Quote(c.Name)));
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter);

    private static string Quote(string name) => $"\"{name}\"";

    /// <summary>
    /// One prepared single-row INSERT, reused, its parameters made by the columns' type mappings as SaveChanges makes
    /// them. (Multi-row INSERTs were three times slower: Microsoft.Data.Sqlite binds each parameter by name, and
    /// SQLite finds a name by a linear search.)
    /// </summary>
    private static void SqliteInsert(DbTransaction transaction, Table table, List<object> rows)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({table.ColumnList}) VALUES ("
            + string.Join(", ", table.Columns.Select((_, i) => $"@p{i}")) + ")";
        for (var i = 0; i < table.Columns.Length; i++)
        {
            command.Parameters.Add(table.Columns[i].Mapping.CreateParameter(command, $"@p{i}", null, nullable: true));
        }
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Length; i++) command.Parameters[i].Value = table.Value(i, row) ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Ids for new households: from the identity sequence on PostgreSQL (as INSERT would take them); on SQLite the next
    /// rowids, which is what INSERT would give too: the import's transaction holds the only write lock.
    /// </summary>
    private static async Task<int[]> NextIdsAsync(DbTransaction transaction, string table, int count, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        if (transaction.Connection is NpgsqlConnection)
        {
            command.CommandText = "SELECT nextval(pg_get_serial_sequence(@table, 'Id')) FROM generate_series(1, @count)";
            command.Parameters.Add(new NpgsqlParameter("table", Quote(table)));
            command.Parameters.Add(new NpgsqlParameter("count", count));
            var ids = new List<int>(count);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) ids.Add(checked((int)reader.GetInt64(0)));
            }
            ids.Sort();
            return ids.ToArray();
        }
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM {Quote(table)}";
        var last = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(last + 1, count).ToArray();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Table table, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {Quote(table.Name)} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < table.Columns.Length; i++)
            {
                var value = table.Value(i, row);
                if (value is null) await importer.WriteNullAsync(cancellationToken);
                else await importer.WriteAsync(value, PostgreSqlType(value), cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>The binary format of each provider value the three tables hold (varchar columns take text).</summary>
    private static NpgsqlDbType PostgreSqlType(object value) => value switch
    {
        string => NpgsqlDbType.Text,
        int => NpgsqlDbType.Integer,
        long => NpgsqlDbType.Bigint,
        bool => NpgsqlDbType.Boolean,
        Guid => NpgsqlDbType.Uuid,
        DateOnly => NpgsqlDbType.Date,
        DateTimeOffset or DateTime => NpgsqlDbType.TimestampTz,
        double => NpgsqlDbType.Double,
        decimal => NpgsqlDbType.Numeric,
        _ => throw new NotSupportedException($"No COPY type for {value.GetType().Name}"),
    };
}
