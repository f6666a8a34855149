using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InspectionsAndLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "VillageId",
                table: "FieldChanges",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<int>(
                name: "HouseholdId",
                table: "FieldChanges",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<int>(
                name: "VillageId",
                table: "Attachments",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.CreateTable(
                name: "ChecklistTemplateItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Per = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AnswerType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistTemplateItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistTemplateItems_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegisteredQuota = table.Column<int>(type: "INTEGER", nullable: false),
                    MonitoredQuota = table.Column<int>(type: "INTEGER", nullable: false),
                    SampleSeed = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionRounds_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ItemText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponsibleUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ResponsibleUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OriginalDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FixedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FixedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    FixedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FixedByRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CheckNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecheckDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecheckNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Problems_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Problems_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Problems_Townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Problems_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Per = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AnswerType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistItems_ChecklistTemplateItems_TemplateItemId",
                        column: x => x.TemplateItemId,
                        principalTable: "ChecklistTemplateItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChecklistItems_InspectionRounds_InspectionRoundId",
                        column: x => x.InspectionRoundId,
                        principalTable: "InspectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionPairs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectingTownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectedTownshipId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionPairs_InspectionRounds_InspectionRoundId",
                        column: x => x.InspectionRoundId,
                        principalTable: "InspectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectionPairs_Townships_InspectedTownshipId",
                        column: x => x.InspectedTownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionPairs_Townships_InspectingTownshipId",
                        column: x => x.InspectingTownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineExtensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NewDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProblemEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AttachmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemEvidence_Attachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemEvidence_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProblemSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ByRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemSteps_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectionPairId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChecklistItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    Compliance = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Number = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionAnswers_ChecklistItems_ChecklistItemId",
                        column: x => x.ChecklistItemId,
                        principalTable: "ChecklistItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionAnswers_InspectionPairs_InspectionPairId",
                        column: x => x.InspectionPairId,
                        principalTable: "InspectionPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionGroupMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionPairId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionGroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionGroupMembers_InspectionPairs_InspectionPairId",
                        column: x => x.InspectionPairId,
                        principalTable: "InspectionPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SampledHouseholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectionPairId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReplacesHouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsWithdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawnReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VisitMode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SampledHouseholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SampledHouseholds_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SampledHouseholds_InspectionPairs_InspectionPairId",
                        column: x => x.InspectionPairId,
                        principalTable: "InspectionPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SampledHouseholds_InspectionRounds_InspectionRoundId",
                        column: x => x.InspectionRoundId,
                        principalTable: "InspectionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SampledHouseholds_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectionPairId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectionAnswerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChecklistItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ItemText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FixedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_InspectionAnswers_InspectionAnswerId",
                        column: x => x.InspectionAnswerId,
                        principalTable: "InspectionAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_InspectionPairs_InspectionPairId",
                        column: x => x.InspectionPairId,
                        principalTable: "InspectionPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FieldChanges_EntityType_EntityId_At",
                table: "FieldChanges",
                columns: new[] { "EntityType", "EntityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistItems_InspectionRoundId_Area_Order",
                table: "ChecklistItems",
                columns: new[] { "InspectionRoundId", "Area", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistItems_TemplateItemId",
                table: "ChecklistItems",
                column: "TemplateItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistTemplateItems_CountyId_Area_Order",
                table: "ChecklistTemplateItems",
                columns: new[] { "CountyId", "Area", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_ProblemId_At",
                table: "DeadlineExtensions",
                columns: new[] { "ProblemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionAnswers_ChecklistItemId",
                table: "InspectionAnswers",
                column: "ChecklistItemId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionAnswers_InspectionPairId_HouseholdId_VillageId_ChecklistItemId",
                table: "InspectionAnswers",
                columns: new[] { "InspectionPairId", "HouseholdId", "VillageId", "ChecklistItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionAnswers_InspectionRoundId_ChecklistItemId_Compliance",
                table: "InspectionAnswers",
                columns: new[] { "InspectionRoundId", "ChecklistItemId", "Compliance" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_InspectionAnswerId",
                table: "InspectionFindings",
                column: "InspectionAnswerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_InspectionPairId_Disposition",
                table: "InspectionFindings",
                columns: new[] { "InspectionPairId", "Disposition" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_InspectionRoundId_TownshipId_Area",
                table: "InspectionFindings",
                columns: new[] { "InspectionRoundId", "TownshipId", "Area" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_ProblemId",
                table: "InspectionFindings",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionGroupMembers_InspectionPairId_Role",
                table: "InspectionGroupMembers",
                columns: new[] { "InspectionPairId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionGroupMembers_UserId",
                table: "InspectionGroupMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPairs_InspectedTownshipId",
                table: "InspectionPairs",
                column: "InspectedTownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPairs_InspectingTownshipId",
                table: "InspectionPairs",
                column: "InspectingTownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPairs_InspectionRoundId_InspectedTownshipId",
                table: "InspectionPairs",
                columns: new[] { "InspectionRoundId", "InspectedTownshipId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPairs_InspectionRoundId_InspectingTownshipId",
                table: "InspectionPairs",
                columns: new[] { "InspectionRoundId", "InspectingTownshipId" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRounds_CountyId_Year_StartDate",
                table: "InspectionRounds",
                columns: new[] { "CountyId", "Year", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemEvidence_AttachmentId",
                table: "ProblemEvidence",
                column: "AttachmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemEvidence_ProblemId_At",
                table: "ProblemEvidence",
                columns: new[] { "ProblemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_CountyId_ResponsibleUserId_Status",
                table: "Problems",
                columns: new[] { "CountyId", "ResponsibleUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_CountyId_Status_Deadline",
                table: "Problems",
                columns: new[] { "CountyId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_CountyId_Status_RecheckDueOn",
                table: "Problems",
                columns: new[] { "CountyId", "Status", "RecheckDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_CountyId_TownshipId_VillageId_Status_Deadline",
                table: "Problems",
                columns: new[] { "CountyId", "TownshipId", "VillageId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_HouseholdId",
                table: "Problems",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_TownshipId",
                table: "Problems",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_VillageId",
                table: "Problems",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSteps_ProblemId_At",
                table: "ProblemSteps",
                columns: new[] { "ProblemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SampledHouseholds_CountyId_HouseholdId",
                table: "SampledHouseholds",
                columns: new[] { "CountyId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_SampledHouseholds_HouseholdId",
                table: "SampledHouseholds",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_SampledHouseholds_InspectionPairId_VillageId_IsWithdrawn_CompletedAt",
                table: "SampledHouseholds",
                columns: new[] { "InspectionPairId", "VillageId", "IsWithdrawn", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SampledHouseholds_InspectionRoundId_HouseholdId",
                table: "SampledHouseholds",
                columns: new[] { "InspectionRoundId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_SampledHouseholds_VillageId",
                table: "SampledHouseholds",
                column: "VillageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineExtensions");

            migrationBuilder.DropTable(
                name: "InspectionFindings");

            migrationBuilder.DropTable(
                name: "InspectionGroupMembers");

            migrationBuilder.DropTable(
                name: "ProblemEvidence");

            migrationBuilder.DropTable(
                name: "ProblemSteps");

            migrationBuilder.DropTable(
                name: "SampledHouseholds");

            migrationBuilder.DropTable(
                name: "InspectionAnswers");

            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "ChecklistItems");

            migrationBuilder.DropTable(
                name: "InspectionPairs");

            migrationBuilder.DropTable(
                name: "ChecklistTemplateItems");

            migrationBuilder.DropTable(
                name: "InspectionRounds");

            migrationBuilder.DropIndex(
                name: "IX_FieldChanges_EntityType_EntityId_At",
                table: "FieldChanges");

            migrationBuilder.AlterColumn<int>(
                name: "VillageId",
                table: "FieldChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "HouseholdId",
                table: "FieldChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "VillageId",
                table: "Attachments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
