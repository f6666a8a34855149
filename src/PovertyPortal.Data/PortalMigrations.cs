using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using PovertyPortal.Data.Encryption;

namespace PovertyPortal.Data;

/// <summary>Applies the migrations: on start (SQLite by default), by `migrate`, and before `generate-county`.</summary>
public static class PortalMigrations
{
    public static async Task ApplyAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        // Npgsql's provider reads the history table before creating it and logs a failed command on every first
        // migration of an existing, empty database (npgsql/efcore.pg#3407); creating it first keeps that log clean.
        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        await db.Database.MigrateAsync(cancellationToken);
        // SQLite plans with the statistics ANALYZE left; an index a migration adds has none, and without them the planner
        // kept walking a county's index for a village (issue 18's village checks: 20 s instead of 1). PRAGMA optimize
        // analyzes what lacks statistics, and little else.
        if (pending && db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002", cancellationToken);
        // Personal data stored before encryption, or under a key rotated out since, is brought to the current key.
        await PersonalDataRewriter.RewriteAsync(db, cancellationToken);
    }
}
