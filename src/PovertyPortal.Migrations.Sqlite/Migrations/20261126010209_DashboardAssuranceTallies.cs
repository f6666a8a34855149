using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardAssuranceTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssuranceTallies",
                columns: table => new
                {
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedItems = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Checks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceTallies", x => new { x.VillageId, x.Year, x.FailedItems });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceTallies_Dashboard",
                table: "AssuranceTallies",
                columns: new[] { "CountyId", "Year", "TownshipId", "VillageId", "FailedItems", "Checks" });

            // Fill the tally from the checks already there; from now on each save recounts what it touched
            // (DashboardTallyInterceptor). The statement of DashboardTallies.RecountAllAsync as it is today, written out so
            // this migration keeps doing what it did when that code changes. Bits: AssuranceTally.Bit.
            migrationBuilder.Sql("""
                INSERT INTO "AssuranceTallies" ("CountyId", "TownshipId", "VillageId", "Year", "FailedItems", "Checks")
                SELECT MIN(c."CountyId"), MIN(c."TownshipId"), c."VillageId", c."Year", c."FailedItems", COUNT(*)
                FROM (
                    SELECT "CountyId", "TownshipId", "VillageId", "Year", COALESCE((
                        SELECT SUM(CASE i."Kind" WHEN 'Food' THEN 1 WHEN 'Clothing' THEN 2 WHEN 'CompulsoryEducation' THEN 4
                            WHEN 'BasicMedical' THEN 8 WHEN 'HousingSafety' THEN 16 WHEN 'DrinkingWaterQuality' THEN 32
                            WHEN 'DrinkingWaterQuantity' THEN 64 WHEN 'Electricity' THEN 128 WHEN 'Television' THEN 256 ELSE 0 END)
                        FROM "AssuranceItems" AS i
                        WHERE i."AssuranceCheckId" = "AssuranceChecks"."Id" AND i."Met" = 0), 0) AS "FailedItems"
                    FROM "AssuranceChecks") AS c
                GROUP BY c."VillageId", c."Year", c."FailedItems"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssuranceTallies");
        }
    }
}
