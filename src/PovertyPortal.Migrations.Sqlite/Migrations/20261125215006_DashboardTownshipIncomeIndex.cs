using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardTownshipIncomeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_IncomeRecords_TownshipId_Year",
                table: "IncomeRecords",
                columns: new[] { "TownshipId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncomeRecords_TownshipId_Year",
                table: "IncomeRecords");
        }
    }
}
