using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardExitsIndexHouseholdId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_Dashboard_Exits",
                table: "Households");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard_Exits",
                table: "Households",
                columns: new[] { "CountyId", "Status", "ExitYear", "TownshipId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_Dashboard_Exits",
                table: "Households");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard_Exits",
                table: "Households",
                columns: new[] { "CountyId", "Status", "ExitYear", "TownshipId" });
        }
    }
}
