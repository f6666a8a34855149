using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PovertyPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class YearEndSnapshot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "YearEndSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    FrozenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FrozenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PovertyLineInFen = table.Column<long>(type: "bigint", nullable: true),
                    NearLineInFen = table.Column<long>(type: "bigint", nullable: true),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Members = table.Column<int>(type: "integer", nullable: false),
                    IncomeRecords = table.Column<int>(type: "integer", nullable: false),
                    BenefitRecords = table.Column<int>(type: "integer", nullable: false),
                    AssuranceChecks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearEndSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YearEndSnapshots_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotBenefits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SnapshotId = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    TownshipId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    ProgramId = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false),
                    AmountInFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotBenefits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SnapshotBenefits_YearEndSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "YearEndSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotChangeExplanations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromSnapshotId = table.Column<int>(type: "integer", nullable: false),
                    ToSnapshotId = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    TownshipId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotChangeExplanations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SnapshotChangeExplanations_YearEndSnapshots_FromSnapshotId",
                        column: x => x.FromSnapshotId,
                        principalTable: "YearEndSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SnapshotChangeExplanations_YearEndSnapshots_ToSnapshotId",
                        column: x => x.ToSnapshotId,
                        principalTable: "YearEndSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotHouseholds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SnapshotId = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    TownshipId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    HouseholdNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HeadName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PrimaryCause = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SecondaryCause = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IdentificationYear = table.Column<int>(type: "integer", nullable: true),
                    ExitYear = table.Column<int>(type: "integer", nullable: true),
                    IsRegistered = table.Column<bool>(type: "boolean", nullable: false),
                    IsExited = table.Column<bool>(type: "boolean", nullable: false),
                    IsMonitored = table.Column<bool>(type: "boolean", nullable: false),
                    IsRiskEliminated = table.Column<bool>(type: "boolean", nullable: false),
                    MonitoringType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    MonitoringIdentifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RiskEliminatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LivingMembers = table.Column<int>(type: "integer", nullable: false),
                    IsRelocated = table.Column<bool>(type: "boolean", nullable: false),
                    RelocationSite = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HasIncome = table.Column<bool>(type: "boolean", nullable: false),
                    WageIncomeInFen = table.Column<long>(type: "bigint", nullable: false),
                    OperatingIncomeInFen = table.Column<long>(type: "bigint", nullable: false),
                    PropertyIncomeInFen = table.Column<long>(type: "bigint", nullable: false),
                    TransferIncomeInFen = table.Column<long>(type: "bigint", nullable: false),
                    ProductionCostsInFen = table.Column<long>(type: "bigint", nullable: false),
                    AnnualNetInFen = table.Column<long>(type: "bigint", nullable: false),
                    MemberYears = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    NetIncomePerCapitaInFen = table.Column<long>(type: "bigint", nullable: false),
                    HasAssuranceCheck = table.Column<bool>(type: "boolean", nullable: false),
                    MetItems = table.Column<int>(type: "integer", nullable: false),
                    FailedItems = table.Column<int>(type: "integer", nullable: false),
                    HousingGrade = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotHouseholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SnapshotHouseholds_YearEndSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "YearEndSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SnapshotId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    TownshipId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Relationship = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Gender = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SchoolingStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Health = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: false),
                    DisabilityGrade = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LabourAbility = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HasBasicMedicalInsurance = table.Column<bool>(type: "boolean", nullable: false),
                    HasSeriousIllnessInsurance = table.Column<bool>(type: "boolean", nullable: false),
                    HasPensionInsurance = table.Column<bool>(type: "boolean", nullable: false),
                    IsDeceased = table.Column<bool>(type: "boolean", nullable: false),
                    DeceasedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SnapshotMembers_YearEndSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "YearEndSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotBenefits_SnapshotId_CountyId_TownshipId_VillageId_P~",
                table: "SnapshotBenefits",
                columns: new[] { "SnapshotId", "CountyId", "TownshipId", "VillageId", "ProgramId" });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotBenefits_SnapshotId_HouseholdId",
                table: "SnapshotBenefits",
                columns: new[] { "SnapshotId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotChangeExplanations_FromSnapshotId_ToSnapshotId_Hous~",
                table: "SnapshotChangeExplanations",
                columns: new[] { "FromSnapshotId", "ToSnapshotId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotChangeExplanations_ToSnapshotId",
                table: "SnapshotChangeExplanations",
                column: "ToSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotHouseholds_SnapshotId_CountyId_TownshipId_VillageId",
                table: "SnapshotHouseholds",
                columns: new[] { "SnapshotId", "CountyId", "TownshipId", "VillageId" });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotHouseholds_SnapshotId_HouseholdId",
                table: "SnapshotHouseholds",
                columns: new[] { "SnapshotId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotMembers_SnapshotId_CountyId_TownshipId_VillageId",
                table: "SnapshotMembers",
                columns: new[] { "SnapshotId", "CountyId", "TownshipId", "VillageId" });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotMembers_SnapshotId_HouseholdId",
                table: "SnapshotMembers",
                columns: new[] { "SnapshotId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_YearEndSnapshots_CountyId_Year",
                table: "YearEndSnapshots",
                columns: new[] { "CountyId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SnapshotBenefits");

            migrationBuilder.DropTable(
                name: "SnapshotChangeExplanations");

            migrationBuilder.DropTable(
                name: "SnapshotHouseholds");

            migrationBuilder.DropTable(
                name: "SnapshotMembers");

            migrationBuilder.DropTable(
                name: "YearEndSnapshots");
        }
    }
}
