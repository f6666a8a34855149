using Microsoft.EntityFrameworkCore;

namespace PovertyPortal.Data;

/// <summary>
/// Recounts the dashboard's tallies (<see cref="Domain.Dashboard.BenefitTally"/>, <see cref="Domain.Dashboard.IncomeTally"/>)
/// from the records they count, one village's year at a time: DELETE the year's tally rows, INSERT … SELECT them again.
/// A recount, not an increment, so a tally cannot drift from its records, whatever the save changed (decision 0011).
/// The SQL is the same on the three databases: quoted names, ROUND(x, 0), FLOOR, CAST and COUNT(DISTINCT) are common to all.
/// </summary>
public static class DashboardTallies
{
    /// <summary>A village's year: what one recount replaces.</summary>
    public readonly record struct Key(int VillageId, int Year);

    // Amounts are added as whole fen: exact on SQLite too, where they are REAL (PortalDbContext.StoreAsReal).
    private const string BenefitColumns = """
        SELECT MIN("CountyId"), MIN("TownshipId"), "VillageId", "Year", "ProgramId",
            COUNT(*), COUNT(DISTINCT "HouseholdId"), CAST(SUM(ROUND("Amount" * 100, 0)) AS BIGINT)
        FROM "BenefitRecords"
        """;

    private const string BenefitInsert = """
        INSERT INTO "BenefitTallies" ("CountyId", "TownshipId", "VillageId", "Year", "ProgramId", "Records", "Households", "AmountInFen")
        """;

    private const string Band = """CAST(FLOOR("NetIncomePerCapita" / 1000) AS INTEGER)""";

    private const string IncomeColumns = $"""
        SELECT MIN("CountyId"), MIN("TownshipId"), "VillageId", "Year", {Band}, COUNT(*)
        FROM "IncomeRecords"
        """;

    private const string IncomeInsert = """
        INSERT INTO "IncomeTallies" ("CountyId", "TownshipId", "VillageId", "Year", "Band", "Records")
        """;

    private const string OneVillageYear = """WHERE "VillageId" = {0} AND "Year" = {1}""";

    private static IEnumerable<string> BenefitStatements(bool all) => all
        ? ["""DELETE FROM "BenefitTallies" """,
            $"""{BenefitInsert} {BenefitColumns} GROUP BY "VillageId", "Year", "ProgramId" """]
        : [$"""DELETE FROM "BenefitTallies" {OneVillageYear}""",
            $"""{BenefitInsert} {BenefitColumns} {OneVillageYear} GROUP BY "VillageId", "Year", "ProgramId" """];

    private static IEnumerable<string> IncomeStatements(bool all) => all
        ? ["""DELETE FROM "IncomeTallies" """,
            $"""{IncomeInsert} {IncomeColumns} GROUP BY "VillageId", "Year", {Band}"""]
        : [$"""DELETE FROM "IncomeTallies" {OneVillageYear}""",
            $"""{IncomeInsert} {IncomeColumns} {OneVillageYear} GROUP BY "VillageId", "Year", {Band}"""];

    /// <summary>Recounts the given village-years; runs in the caller's transaction.</summary>
    public static async Task RecountAsync(DbContext db, IEnumerable<Key> benefits, IEnumerable<Key> incomes, CancellationToken cancellationToken = default)
    {
        foreach (var (statements, keys) in new[] { (BenefitStatements(all: false), benefits), (IncomeStatements(all: false), incomes) })
        {
            foreach (var key in keys)
            {
                foreach (var sql in statements)
                    await db.Database.ExecuteSqlRawAsync(sql, [key.VillageId, key.Year], cancellationToken);
            }
        }
    }

    public static void Recount(DbContext db, IEnumerable<Key> benefits, IEnumerable<Key> incomes)
    {
        foreach (var (statements, keys) in new[] { (BenefitStatements(all: false), benefits), (IncomeStatements(all: false), incomes) })
        {
            foreach (var key in keys)
            {
                foreach (var sql in statements) db.Database.ExecuteSqlRaw(sql, key.VillageId, key.Year);
            }
        }
    }

    /// <summary>
    /// Recounts every tally, in one transaction: after records were written without EF (the benchmark's generated
    /// county), and as the repair `--recount-tallies` runs. The migration that made the tables filled them the same way.
    /// </summary>
    public static async Task RecountAllAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var sql in BenefitStatements(all: true).Concat(IncomeStatements(all: true)))
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Locks the villages whose tallies a save will recount, before it writes, in id order. Two saves touching one
    /// village then recount one after the other, each seeing the other's committed records; without it PostgreSQL's
    /// READ COMMITTED would let each recount miss the other's rows, and the last to commit would win. SQLite needs
    /// nothing: its writers already take turns (Microsoft.Data.Sqlite begins transactions IMMEDIATE).
    /// </summary>
    public static string? LockSql(DbContext db, IReadOnlyList<int> villageIds)
    {
        if (villageIds.Count == 0 || db.Database.IsSqlite()) return null;
        var ids = string.Join(", ", villageIds.Select((_, i) => $"{{{i}}}"));
        return db.Database.IsNpgsql()
            ? $"""SELECT "Id" FROM "Villages" WHERE "Id" IN ({ids}) ORDER BY "Id" FOR NO KEY UPDATE"""
            : $"""SELECT "Id" FROM "Villages" WITH (UPDLOCK, HOLDLOCK) WHERE "Id" IN ({ids})""";
    }
}
