using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DashboardTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BenefitRecords_Dashboard",
                table: "BenefitRecords");

            migrationBuilder.CreateTable(
                name: "BenefitTallies",
                columns: table => new
                {
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    ProgramId = table.Column<int>(type: "int", nullable: false),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    Records = table.Column<int>(type: "int", nullable: false),
                    Households = table.Column<int>(type: "int", nullable: false),
                    AmountInFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenefitTallies", x => new { x.VillageId, x.Year, x.ProgramId });
                });

            migrationBuilder.CreateTable(
                name: "IncomeTallies",
                columns: table => new
                {
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Band = table.Column<int>(type: "int", nullable: false),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    Records = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomeTallies", x => new { x.VillageId, x.Year, x.Band });
                });

            migrationBuilder.CreateIndex(
                name: "IX_BenefitTallies_Dashboard",
                table: "BenefitTallies",
                columns: new[] { "CountyId", "Year", "TownshipId", "VillageId", "ProgramId", "Records", "Households", "AmountInFen" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomeTallies_Dashboard",
                table: "IncomeTallies",
                columns: new[] { "CountyId", "Year", "Band", "TownshipId", "Records" });

            // Fill the tallies from the records already there; from now on each save recounts what it touched
            // (DashboardTallyInterceptor). The same statements as DashboardTallies.RecountAllAsync, written out so this
            // migration keeps doing what it did when that code changes.
            migrationBuilder.Sql("""
                INSERT INTO "BenefitTallies" ("CountyId", "TownshipId", "VillageId", "Year", "ProgramId", "Records", "Households", "AmountInFen")
                SELECT MIN("CountyId"), MIN("TownshipId"), "VillageId", "Year", "ProgramId",
                    COUNT(*), COUNT(DISTINCT "HouseholdId"), CAST(SUM(ROUND("Amount" * 100, 0)) AS BIGINT)
                FROM "BenefitRecords"
                GROUP BY "VillageId", "Year", "ProgramId"
                """);
            migrationBuilder.Sql("""
                INSERT INTO "IncomeTallies" ("CountyId", "TownshipId", "VillageId", "Year", "Band", "Records")
                SELECT MIN("CountyId"), MIN("TownshipId"), "VillageId", "Year", CAST(FLOOR("NetIncomePerCapita" / 1000) AS INTEGER), COUNT(*)
                FROM "IncomeRecords"
                GROUP BY "VillageId", "Year", CAST(FLOOR("NetIncomePerCapita" / 1000) AS INTEGER)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BenefitTallies");

            migrationBuilder.DropTable(
                name: "IncomeTallies");

            migrationBuilder.CreateIndex(
                name: "IX_BenefitRecords_Dashboard",
                table: "BenefitRecords",
                columns: new[] { "CountyId", "Year", "TownshipId", "VillageId", "ProgramId", "HouseholdId", "Amount" });
        }
    }
}
