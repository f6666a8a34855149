using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DashboardCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_BenefitRecords_Dashboard",
                table: "BenefitRecords",
                columns: new[] { "CountyId", "Year", "TownshipId", "VillageId", "ProgramId", "HouseholdId", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceChecks_Dashboard",
                table: "AssuranceChecks",
                columns: new[] { "CountyId", "Year", "TownshipId", "VillageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BenefitRecords_Dashboard",
                table: "BenefitRecords");

            migrationBuilder.DropIndex(
                name: "IX_AssuranceChecks_Dashboard",
                table: "AssuranceChecks");
        }
    }
}
