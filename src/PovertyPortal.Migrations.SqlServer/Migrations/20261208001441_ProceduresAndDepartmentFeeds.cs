using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ProceduresAndDepartmentFeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProcedureCaseId",
                table: "HouseholdStatusChanges",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: true),
                    Department = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    Mapping = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RowCount = table.Column<int>(type: "int", nullable: false),
                    InRegisterCount = table.Column<int>(type: "int", nullable: false),
                    NearCount = table.Column<int>(type: "int", nullable: false),
                    UnmatchedCount = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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
                name: "ProcedureRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    NoticeDays = table.Column<int>(type: "int", nullable: false),
                    IdentificationDays = table.Column<int>(type: "int", nullable: false),
                    ExitDays = table.Column<int>(type: "int", nullable: false),
                    ReturnDays = table.Column<int>(type: "int", nullable: false),
                    MonitoringDays = table.Column<int>(type: "int", nullable: false),
                    RiskEliminationDays = table.Column<int>(type: "int", nullable: false),
                    RemovalDays = table.Column<int>(type: "int", nullable: false),
                    StableIncomeMonths = table.Column<int>(type: "int", nullable: false),
                    KeepMonitoringWithoutLabour = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureRules_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Batch = table.Column<int>(type: "int", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Contact = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PostedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicNotices_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicNotices_Townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicNotices_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HomeCheckTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FeedBatchId = table.Column<int>(type: "int", nullable: false),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    Match = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    HouseholdId = table.Column<int>(type: "int", nullable: true),
                    MemberId = table.Column<int>(type: "int", nullable: true),
                    PersonName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ResidentId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Fact = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Item = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Department = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Finding = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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
                name: "ProcedureCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    HouseholdId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ClueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Evidence = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ProposedCategory = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    ProposedCause = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    ProposedMonitoringType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    ProposedYear = table.Column<int>(type: "int", nullable: true),
                    ProposedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    VillageReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewParticipants = table.Column<int>(type: "int", nullable: true),
                    VotesFor = table.Column<int>(type: "int", nullable: true),
                    VotesAgainst = table.Column<int>(type: "int", nullable: true),
                    VotesAbstaining = table.Column<int>(type: "int", nullable: true),
                    ReviewAttendance = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    VillageReviewBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    PublicNoticeId = table.Column<int>(type: "int", nullable: true),
                    TownshipReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TownshipReviewBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    TownshipOpinion = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CountyDecisionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CountyDecisionBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CountyOpinion = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ReturnedFrom = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    RevisionRequest = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Revisions = table.Column<int>(type: "int", nullable: false),
                    ClosingReason = table.Column<string>(type: "nvarchar(600)", maxLength: 600, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcedureCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcedureCases_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcedureCases_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcedureCases_PublicNotices_PublicNoticeId",
                        column: x => x.PublicNoticeId,
                        principalTable: "PublicNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcedureCases_Townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcedureCases_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedRows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FeedBatchId = table.Column<int>(type: "int", nullable: false),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: true),
                    RowNumber = table.Column<int>(type: "int", nullable: false),
                    ResidentId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    VillageCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Village = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    Amount = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Date = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Item = table.Column<string>(type: "nvarchar(800)", maxLength: 800, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    Match = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    MatchedVillageId = table.Column<int>(type: "int", nullable: true),
                    HouseholdId = table.Column<int>(type: "int", nullable: true),
                    MemberId = table.Column<int>(type: "int", nullable: true),
                    HomeCheckTaskId = table.Column<int>(type: "int", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "NoticeObjections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    PublicNoticeId = table.Column<int>(type: "int", nullable: false),
                    ProcedureCaseId = table.Column<int>(type: "int", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Objector = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnsweredBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Upheld = table.Column<bool>(type: "bit", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeObjections_ProcedureCases_ProcedureCaseId",
                        column: x => x.ProcedureCaseId,
                        principalTable: "ProcedureCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NoticeObjections_PublicNotices_PublicNoticeId",
                        column: x => x.PublicNoticeId,
                        principalTable: "PublicNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdStatusChanges_ProcedureCaseId",
                table: "HouseholdStatusChanges",
                column: "ProcedureCaseId");

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

            migrationBuilder.CreateIndex(
                name: "IX_NoticeObjections_ProcedureCaseId_AnsweredOn",
                table: "NoticeObjections",
                columns: new[] { "ProcedureCaseId", "AnsweredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeObjections_PublicNoticeId",
                table: "NoticeObjections",
                column: "PublicNoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureCases_CountyId_Stage_DueOn",
                table: "ProcedureCases",
                columns: new[] { "CountyId", "Stage", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureCases_CountyId_TownshipId_VillageId_Stage_DueOn",
                table: "ProcedureCases",
                columns: new[] { "CountyId", "TownshipId", "VillageId", "Stage", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureCases_HouseholdId",
                table: "ProcedureCases",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureCases_PublicNoticeId",
                table: "ProcedureCases",
                column: "PublicNoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureCases_TownshipId",
                table: "ProcedureCases",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureCases_VillageId",
                table: "ProcedureCases",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcedureRules_CountyId",
                table: "ProcedureRules",
                column: "CountyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicNotices_CountyId_TownshipId_EndsOn",
                table: "PublicNotices",
                columns: new[] { "CountyId", "TownshipId", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicNotices_TownshipId",
                table: "PublicNotices",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicNotices_VillageId_Year_Batch",
                table: "PublicNotices",
                columns: new[] { "VillageId", "Year", "Batch" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_HouseholdStatusChanges_ProcedureCases_ProcedureCaseId",
                table: "HouseholdStatusChanges",
                column: "ProcedureCaseId",
                principalTable: "ProcedureCases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_HouseholdStatusChanges_ProcedureCases_ProcedureCaseId",
                table: "HouseholdStatusChanges");

            migrationBuilder.DropTable(
                name: "FeedRows");

            migrationBuilder.DropTable(
                name: "NoticeObjections");

            migrationBuilder.DropTable(
                name: "ProcedureRules");

            migrationBuilder.DropTable(
                name: "HomeCheckTasks");

            migrationBuilder.DropTable(
                name: "ProcedureCases");

            migrationBuilder.DropTable(
                name: "FeedBatches");

            migrationBuilder.DropTable(
                name: "PublicNotices");

            migrationBuilder.DropIndex(
                name: "IX_HouseholdStatusChanges_ProcedureCaseId",
                table: "HouseholdStatusChanges");

            migrationBuilder.DropColumn(
                name: "ProcedureCaseId",
                table: "HouseholdStatusChanges");
        }
    }
}
