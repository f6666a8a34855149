using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExitYearListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_CountyId_ExitYear",
                table: "Households");

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_ExitYear_HouseholdNumber",
                table: "Households",
                columns: new[] { "CountyId", "ExitYear", "HouseholdNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_CountyId_ExitYear_HouseholdNumber",
                table: "Households");

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_ExitYear",
                table: "Households",
                columns: new[] { "CountyId", "ExitYear" });
        }
    }
}
