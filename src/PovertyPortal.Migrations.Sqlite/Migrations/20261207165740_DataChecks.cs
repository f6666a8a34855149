using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisabledReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SendsToLedger = table.Column<bool>(type: "INTEGER", nullable: false),
                    LedgerResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    LedgerDeadlineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataCheckRuleSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataCheckRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RulesRun = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenFindings = table.Column<int>(type: "INTEGER", nullable: false),
                    NewFindings = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedFindings = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataCheckRuns", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "BenefitPrograms",
                columns: new[] { "Id", "Code", "CreatedAt", "CreatedBy", "Group", "IsRetired", "Name", "SortOrder", "Unit", "UpdatedAt", "UpdatedBy" },
                values: new object[] { 15, "DisabilitySubsidy", 1308729802752000000L, "system", "SocialSecurity", false, "残疾人两项补贴", 150, null, null, null });

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
