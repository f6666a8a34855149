using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardStoredWeekAndRealAmounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Week",
                table: "AttendanceDays",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // First, before the REAL columns below: SQLite rebuilds those tables at the end of the migration, and SQL run
            // while a rebuild is pending draws a warning at every first start.
            // Hand-written: the week number of the days recorded before this migration (ResidencyCompliance.WeekNumber:
            // whole weeks since Monday 1 January of year 1). Keep it when this migration is regenerated.
            migrationBuilder.Sql("""UPDATE "AttendanceDays" SET "Week" = CAST(julianday("Date") - julianday('0001-01-01') AS INTEGER) / 7;""");

            migrationBuilder.DropIndex(
                name: "IX_IncomeRecords_TownshipId_Year",
                table: "IncomeRecords");

            migrationBuilder.DropIndex(
                name: "IX_AssuranceItems_CountyId_Kind_Met",
                table: "AssuranceItems");

            migrationBuilder.AlterColumn<double>(
                name: "Repaid",
                table: "Microloans",
                type: "REAL",
                precision: 14,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 14,
                oldScale: 2);

            migrationBuilder.AlterColumn<double>(
                name: "Principal",
                table: "Microloans",
                type: "REAL",
                precision: 14,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 14,
                oldScale: 2);

            migrationBuilder.AlterColumn<double>(
                name: "NetIncomePerCapita",
                table: "IncomeRecords",
                type: "REAL",
                precision: 14,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 14,
                oldScale: 2);

            migrationBuilder.AlterColumn<double>(
                name: "Amount",
                table: "BenefitRecords",
                type: "REAL",
                precision: 14,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 14,
                oldScale: 2);

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

            migrationBuilder.AlterColumn<decimal>(
                name: "Repaid",
                table: "Microloans",
                type: "TEXT",
                precision: 14,
                scale: 2,
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 14,
                oldScale: 2);

            migrationBuilder.AlterColumn<decimal>(
                name: "Principal",
                table: "Microloans",
                type: "TEXT",
                precision: 14,
                scale: 2,
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 14,
                oldScale: 2);

            migrationBuilder.AlterColumn<decimal>(
                name: "NetIncomePerCapita",
                table: "IncomeRecords",
                type: "TEXT",
                precision: 14,
                scale: 2,
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 14,
                oldScale: 2);

            migrationBuilder.AlterColumn<decimal>(
                name: "Amount",
                table: "BenefitRecords",
                type: "TEXT",
                precision: 14,
                scale: 2,
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 14,
                oldScale: 2);

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
