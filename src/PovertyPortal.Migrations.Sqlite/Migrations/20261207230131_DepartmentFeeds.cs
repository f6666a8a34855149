using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DepartmentFeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    InRegisterCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NearCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UnmatchedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedBatches_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedBatches_Townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HomeCheckTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FeedBatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Match = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Fact = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeCheckTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeCheckTasks_FeedBatches_FeedBatchId",
                        column: x => x.FeedBatchId,
                        principalTable: "FeedBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HomeCheckTasks_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HomeCheckTasks_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedRows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FeedBatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Village = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Amount = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Date = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Item = table.Column<string>(type: "TEXT", maxLength: 800, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Match = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MatchedVillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    HomeCheckTaskId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedRows_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedRows_FeedBatches_FeedBatchId",
                        column: x => x.FeedBatchId,
                        principalTable: "FeedBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedRows_HomeCheckTasks_HomeCheckTaskId",
                        column: x => x.HomeCheckTaskId,
                        principalTable: "HomeCheckTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedRows_Villages_MatchedVillageId",
                        column: x => x.MatchedVillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedBatches_CountyId_Department_Name_Year_Month",
                table: "FeedBatches",
                columns: new[] { "CountyId", "Department", "Name", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedBatches_TownshipId",
                table: "FeedBatches",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedRows_CountyId",
                table: "FeedRows",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedRows_FeedBatchId_RowNumber",
                table: "FeedRows",
                columns: new[] { "FeedBatchId", "RowNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedRows_HomeCheckTaskId",
                table: "FeedRows",
                column: "HomeCheckTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedRows_MatchedVillageId",
                table: "FeedRows",
                column: "MatchedVillageId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeCheckTasks_CountyId_TownshipId_VillageId_DueOn",
                table: "HomeCheckTasks",
                columns: new[] { "CountyId", "TownshipId", "VillageId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeCheckTasks_FeedBatchId",
                table: "HomeCheckTasks",
                column: "FeedBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeCheckTasks_HouseholdId",
                table: "HomeCheckTasks",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeCheckTasks_VillageId",
                table: "HomeCheckTasks",
                column: "VillageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedRows");

            migrationBuilder.DropTable(
                name: "HomeCheckTasks");

            migrationBuilder.DropTable(
                name: "FeedBatches");
        }
    }
}
