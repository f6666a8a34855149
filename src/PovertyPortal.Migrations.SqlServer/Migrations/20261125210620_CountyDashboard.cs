using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CountyDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LivingMembers",
                table: "Households",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Households registered before the column existed: their living members, counted once (HouseholdSizeInterceptor keeps it since).
            migrationBuilder.Sql("""UPDATE [Households] SET [LivingMembers] = (SELECT COUNT(*) FROM [Members] AS m WHERE m.[HouseholdId] = [Households].[Id] AND m.[IsDeceased] = 0);""");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard_Causes",
                table: "Households",
                columns: new[] { "CountyId", "Status", "PrimaryCause", "IdentificationYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard_Exits",
                table: "Households",
                columns: new[] { "CountyId", "Status", "ExitYear", "TownshipId" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard_Monitoring",
                table: "Households",
                columns: new[] { "CountyId", "MonitoringType", "TownshipId", "VillageId", "MonitoringIdentifiedOn", "RiskEliminatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard_Registry",
                table: "Households",
                columns: new[] { "CountyId", "TownshipId", "VillageId", "Category", "Status", "IdentificationYear", "ExitYear", "LivingMembers" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_Dashboard_Causes",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Dashboard_Exits",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Dashboard_Monitoring",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Dashboard_Registry",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "LivingMembers",
                table: "Households");
        }
    }
}
