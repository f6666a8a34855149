using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.Dashboard;
using PovertyPortal.Domain.Assurance;

namespace PovertyPortal.Data;

/// <summary>The records a dashboard tally counts.</summary>
public enum TallyKind
{
    Benefits,
    Incomes,
    Assurance,
}

/// <summary>
/// Recounts the dashboard's tallies (<see cref="BenefitTally"/>, <see cref="IncomeTally"/>, <see cref="AssuranceTally"/>)
/// from the records they count, one village's year at a time: DELETE the year's tally rows, INSERT … SELECT them again.
/// A recount, not an increment, so a tally cannot drift from its records, whatever the save changed (decision 0011).
/// The SQL is the same on the three databases (quoted names, ROUND(x, 0), FLOOR, CAST, COUNT(DISTINCT) and derived
/// tables are common to all) but for how a false boolean is written.
/// </summary>
public static class DashboardTallies
{
    /// <summary>A village's year: what one recount replaces.</summary>
    public readonly record struct Key(int VillageId, int Year);

    private const string OneVillageYear = """WHERE "VillageId" = {0} AND "Year" = {1}""";

    private static string Table(TallyKind kind) => kind switch
    {
        TallyKind.Benefits => "BenefitTallies",
        TallyKind.Incomes => "IncomeTallies",
        _ => "AssuranceTallies",
    };

    /// <summary>The INSERT … SELECT of one tally, for the records <paramref name="where"/> picks (empty: all).</summary>
    private static string Insert(TallyKind kind, string where, bool postgres) => kind switch
    {
        // Amounts are added as whole fen: exact on SQLite too, where they are REAL (PortalDbContext.StoreAsReal).
        TallyKind.Benefits => $"""
            INSERT INTO "BenefitTallies" ("CountyId", "TownshipId", "VillageId", "Year", "ProgramId", "Records", "Households", "AmountInFen")
            SELECT MIN("CountyId"), MIN("TownshipId"), "VillageId", "Year", "ProgramId",
                COUNT(*), COUNT(DISTINCT "HouseholdId"), CAST(SUM(ROUND("Amount" * 100, 0)) AS BIGINT)
            FROM "BenefitRecords" {where}
            GROUP BY "VillageId", "Year", "ProgramId"
            """,
        TallyKind.Incomes => $"""
            INSERT INTO "IncomeTallies" ("CountyId", "TownshipId", "VillageId", "Year", "Band", "Records")
            SELECT MIN("CountyId"), MIN("TownshipId"), "VillageId", "Year", {IncomeBand}, COUNT(*)
            FROM "IncomeRecords" {where}
            GROUP BY "VillageId", "Year", {IncomeBand}
            """,
        // Each check's failed items as bits, looked up on the (AssuranceCheckId, Kind) key, then checks counted per set.
        _ => $"""
            INSERT INTO "AssuranceTallies" ("CountyId", "TownshipId", "VillageId", "Year", "FailedItems", "Checks")
            SELECT MIN(c."CountyId"), MIN(c."TownshipId"), c."VillageId", c."Year", c."FailedItems", COUNT(*)
            FROM (
                SELECT "CountyId", "TownshipId", "VillageId", "Year", COALESCE((
                    SELECT SUM(CASE i."Kind" {string.Join(" ", Enum.GetValues<AssuranceItemKind>().Select(k => $"WHEN '{k}' THEN {AssuranceTally.Bit(k)}"))} ELSE 0 END)
                    FROM "AssuranceItems" AS i
                    WHERE i."AssuranceCheckId" = "AssuranceChecks"."Id" AND i."Met" = {(postgres ? "FALSE" : "0")}), 0) AS "FailedItems"
                FROM "AssuranceChecks" {where}) AS c
            GROUP BY c."VillageId", c."Year", c."FailedItems"
            """,
    };

    private const string IncomeBand = """CAST(FLOOR("NetIncomePerCapita" / 1000) AS INTEGER)""";

    private static string[] Statements(DbContext db, TallyKind kind, bool all) =>
    [
        $"""DELETE FROM "{Table(kind)}" {(all ? "" : OneVillageYear)}""",
        Insert(kind, all ? "" : OneVillageYear, db.Database.IsNpgsql()),
    ];

    /// <summary>Recounts the given village-years; runs in the caller's transaction.</summary>
    public static async Task RecountAsync(DbContext db, IReadOnlyDictionary<TallyKind, HashSet<Key>> touched, CancellationToken cancellationToken = default)
    {
        foreach (var (kind, keys) in touched)
        {
            var statements = Statements(db, kind, all: false);
            foreach (var key in keys)
            {
                foreach (var sql in statements) await db.Database.ExecuteSqlRawAsync(sql, [key.VillageId, key.Year], cancellationToken);
            }
        }
    }

    /// <summary>
    /// Recounts every tally, in one transaction: after records were written without EF (the benchmark's generated
    /// county), and as the repair `recount-tallies` runs. The migrations that made the tables filled them the same way.
    /// </summary>
    public static async Task RecountAllAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.InTransactionAsync(async token =>
        {
            // Every village locked, as a save locks its own: a save running meanwhile waits instead of inserting the same
            // tally rows as this recount (one of the two would fail on the key).
            if (LockSql(db, villageIds: null) is { } lockAll) await db.Database.ExecuteSqlRawAsync(lockAll, token);
            foreach (var kind in Enum.GetValues<TallyKind>())
            {
                foreach (var sql in Statements(db, kind, all: true)) await db.Database.ExecuteSqlRawAsync(sql, token);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Locks the villages whose tallies a save will recount (null: every village), before it writes, in id order. Two
    /// saves touching one village then recount one after the other, each seeing the other's committed records; without
    /// it PostgreSQL's READ COMMITTED would let each recount miss the other's rows, and the last to commit would win.
    /// SQLite needs nothing: its writers already take turns (Microsoft.Data.Sqlite begins transactions IMMEDIATE).
    /// </summary>
    public static string? LockSql(DbContext db, IReadOnlyList<int>? villageIds)
    {
        if (villageIds is { Count: 0 } || db.Database.IsSqlite()) return null;
        var which = villageIds is null ? "" : $"""WHERE "Id" IN ({string.Join(", ", villageIds.Select((_, i) => $"{{{i}}}"))})""";
        return db.Database.IsNpgsql()
            ? $"""SELECT "Id" FROM "Villages" {which} ORDER BY "Id" FOR NO KEY UPDATE"""
            : $"""SELECT "Id" FROM "Villages" WITH (UPDLOCK, HOLDLOCK) {which}""";
    }
}
