using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DataChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataCheckFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    RuleCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SubjectKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    HouseholdId = table.Column<int>(type: "int", nullable: true),
                    MemberId = table.Column<int>(type: "int", nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastRunId = table.Column<long>(type: "bigint", nullable: false),
                    ProblemId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataCheckFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataCheckFindings_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DataCheckRuleSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    RuleCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    IsDisabled = table.Column<bool>(type: "bit", nullable: false),
                    DisabledReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    SendsToLedger = table.Column<bool>(type: "bit", nullable: false),
                    LedgerResponsiblePerson = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    LedgerDeadlineDays = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataCheckRuleSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataCheckRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: true),
                    VillageId = table.Column<int>(type: "int", nullable: true),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Trigger = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RulesRun = table.Column<int>(type: "int", nullable: false),
                    OpenFindings = table.Column<int>(type: "int", nullable: false),
                    NewFindings = table.Column<int>(type: "int", nullable: false),
                    ResolvedFindings = table.Column<int>(type: "int", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataCheckRuns", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "BenefitPrograms",
                columns: new[] { "Id", "Code", "CreatedAt", "CreatedBy", "Group", "IsRetired", "Name", "SortOrder", "Unit", "UpdatedAt", "UpdatedBy" },
                values: new object[] { 15, "DisabilitySubsidy", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "SocialSecurity", false, "残疾人两项补贴", 150, null, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_DataCheckFindings_CountyId_RuleCode_ResolvedAt",
                table: "DataCheckFindings",
                columns: new[] { "CountyId", "RuleCode", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DataCheckFindings_CountyId_TownshipId_VillageId_ResolvedAt",
                table: "DataCheckFindings",
                columns: new[] { "CountyId", "TownshipId", "VillageId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DataCheckFindings_HouseholdId",
                table: "DataCheckFindings",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_DataCheckFindings_ProblemId",
                table: "DataCheckFindings",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_DataCheckRuleSettings_CountyId_RuleCode",
                table: "DataCheckRuleSettings",
                columns: new[] { "CountyId", "RuleCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataCheckRuns_CountyId_StartedAt",
                table: "DataCheckRuns",
                columns: new[] { "CountyId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataCheckFindings");

            migrationBuilder.DropTable(
                name: "DataCheckRuleSettings");

            migrationBuilder.DropTable(
                name: "DataCheckRuns");

            migrationBuilder.DeleteData(
                table: "BenefitPrograms",
                keyColumn: "Id",
                keyValue: 15);
        }
    }
}
