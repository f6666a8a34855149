using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DashboardStoredWeekAndRealAmounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncomeRecords_TownshipId_Year",
                table: "IncomeRecords");

            migrationBuilder.DropIndex(
                name: "IX_AssuranceItems_CountyId_Kind_Met",
                table: "AssuranceItems");

            migrationBuilder.AddColumn<int>(
                name: "Week",
                table: "AttendanceDays",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Hand-written: the week number of the days recorded before this migration (ResidencyCompliance.WeekNumber:
            // whole weeks since Monday 1 January of year 1). Keep it when this migration is regenerated.
            migrationBuilder.Sql("""UPDATE [AttendanceDays] SET [Week] = DATEDIFF(day, CAST('0001-01-01' AS date), [Date]) / 7;""");

            migrationBuilder.CreateIndex(
                name: "IX_IncomeRecords_CountyId_Year_TownshipId_VillageId_NetIncomePerCapita_HouseholdId",
                table: "IncomeRecords",
                columns: new[] { "CountyId", "Year", "TownshipId", "VillageId", "NetIncomePerCapita", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomeRecords_TownshipId_Year_NetIncomePerCapita",
                table: "IncomeRecords",
                columns: new[] { "TownshipId", "Year", "NetIncomePerCapita" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_CountyId_Week_WorkTeamMemberId_StayedNight",
                table: "AttendanceDays",
                columns: new[] { "CountyId", "Week", "WorkTeamMemberId", "StayedNight" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_TownshipId_Week_WorkTeamMemberId_StayedNight",
                table: "AttendanceDays",
                columns: new[] { "TownshipId", "Week", "WorkTeamMemberId", "StayedNight" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceItems_CountyId_Kind_Met_TownshipId_VillageId_AssuranceCheckId",
                table: "AssuranceItems",
                columns: new[] { "CountyId", "Kind", "Met", "TownshipId", "VillageId", "AssuranceCheckId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncomeRecords_CountyId_Year_TownshipId_VillageId_NetIncomePerCapita_HouseholdId",
                table: "IncomeRecords");

            migrationBuilder.DropIndex(
                name: "IX_IncomeRecords_TownshipId_Year_NetIncomePerCapita",
                table: "IncomeRecords");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceDays_CountyId_Week_WorkTeamMemberId_StayedNight",
                table: "AttendanceDays");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceDays_TownshipId_Week_WorkTeamMemberId_StayedNight",
                table: "AttendanceDays");

            migrationBuilder.DropIndex(
                name: "IX_AssuranceItems_CountyId_Kind_Met_TownshipId_VillageId_AssuranceCheckId",
                table: "AssuranceItems");

            migrationBuilder.DropColumn(
                name: "Week",
                table: "AttendanceDays");

            migrationBuilder.CreateIndex(
                name: "IX_IncomeRecords_TownshipId_Year",
                table: "IncomeRecords",
                columns: new[] { "TownshipId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceItems_CountyId_Kind_Met",
                table: "AssuranceItems",
                columns: new[] { "CountyId", "Kind", "Met" });
        }
    }
}
