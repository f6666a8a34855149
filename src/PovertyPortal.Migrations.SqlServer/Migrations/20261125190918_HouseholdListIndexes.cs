using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class HouseholdListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Members_Name",
                table: "Members",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_Category_Status",
                table: "Households",
                columns: new[] { "CountyId", "Category", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_ExitYear",
                table: "Households",
                columns: new[] { "CountyId", "ExitYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_Status_HouseholdNumber",
                table: "Households",
                columns: new[] { "CountyId", "Status", "HouseholdNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_TownshipId_HouseholdNumber",
                table: "Households",
                columns: new[] { "CountyId", "TownshipId", "HouseholdNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_HouseholdNumber",
                table: "Households",
                column: "HouseholdNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_Name",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Households_CountyId_Category_Status",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_CountyId_ExitYear",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_CountyId_Status_HouseholdNumber",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_CountyId_TownshipId_HouseholdNumber",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_HouseholdNumber",
                table: "Households");
        }
    }
}
