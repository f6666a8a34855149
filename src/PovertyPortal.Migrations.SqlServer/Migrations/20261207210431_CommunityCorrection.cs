using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PovertyPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CommunityCorrection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    IsWorkingDay = table.Column<bool>(type: "bit", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionSubjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CaseOfficerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Gender = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ResidentId = table.Column<string>(type: "nvarchar(96)", maxLength: 96, nullable: true),
                    Phone = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    IsMedicalParole = table.Column<bool>(type: "bit", nullable: false),
                    Crime = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Sentence = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecisionOrganName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CaseNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SupervisionLevel = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    EntrustedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EntrustingOrgan = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    EntrustingOrganName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    AssessmentTeam = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AssessmentExtended = table.Column<bool>(type: "bit", nullable: false),
                    AssessmentExtensionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    AssessmentConclusion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    ResidenceFinding = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    FamilyFinding = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ConductFinding = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    OffenceImpactFinding = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CommunityAndVictimOpinion = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ProposedProhibitions = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AssessmentRepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentsReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HasJudgment = table.Column<bool>(type: "bit", nullable: false),
                    HasExecutionNotice = table.Column<bool>(type: "bit", nullable: false),
                    HasParoleCertificate = table.Column<bool>(type: "bit", nullable: false),
                    HasGuaranteeLetter = table.Column<bool>(type: "bit", nullable: false),
                    MissingDocumentsNotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReceiptReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ForwardedToOfficeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SearchStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SearchNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CorrectionStart = table.Column<DateOnly>(type: "date", nullable: true),
                    CorrectionEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnouncedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnouncementIdentityChecked = table.Column<bool>(type: "bit", nullable: false),
                    AnnouncementContentRead = table.Column<bool>(type: "bit", nullable: false),
                    AnnouncementGuaranteeRead = table.Column<bool>(type: "bit", nullable: false),
                    AnnouncementResponsibilitySigned = table.Column<bool>(type: "bit", nullable: false),
                    AnnouncementTalkHeld = table.Column<bool>(type: "bit", nullable: false),
                    PlanMadeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Plan = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    PlanReviewDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastReportOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastHealthReportOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastMedicalReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastVisitOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WarningCount = table.Column<int>(type: "int", nullable: false),
                    AbscondedSince = table.Column<DateOnly>(type: "date", nullable: true),
                    SummaryOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppraisalOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Appraisal = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TerminationReason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    TerminationNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    IsMinor = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectionSubjects_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CorrectionSubjects_Townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionGroupMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    SubjectId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Gender = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    IsJudicialOfficeStaff = table.Column<bool>(type: "bit", nullable: false),
                    KnowsYouthWork = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionGroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectionGroupMembers_CorrectionSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "CorrectionSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    SubjectId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Ground = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    SubmittedTo = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DocumentNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DecisionDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectionProposals_CorrectionSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "CorrectionSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionWarnings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    SubjectId = table.Column<int>(type: "int", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Ground = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Facts = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DecisionNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionWarnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectionWarnings_CorrectionSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "CorrectionSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeaveRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    SubjectId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    OriginalTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Destination = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Companion = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ExceptionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OfficeOpinion = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    OfficeDecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OfficeDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CountyDecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CountyDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RefusalReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ExtendedByProxy = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaveRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeaveRequests_CorrectionSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "CorrectionSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResidenceChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    SubjectId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MoveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NewAddress = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NewCountyBureau = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    OfficeOpinion = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    NewCountyConsentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NewCountyConsentReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RefusalReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    FilesTransferredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedAtNewPlaceOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidenceChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidenceChanges_CorrectionSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "CorrectionSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: false),
                    SubjectId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "decimal(5,1)", precision: 5, scale: 1, nullable: false),
                    ByPhone = table.Column<bool>(type: "bit", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionRecords_CorrectionSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "CorrectionSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CalendarDays",
                columns: new[] { "Date", "IsWorkingDay", "Name" },
                values: new object[,]
                {
                    { new DateOnly(2026, 1, 1), false, "元旦" },
                    { new DateOnly(2026, 1, 2), false, "元旦" },
                    { new DateOnly(2026, 1, 3), false, "元旦" },
                    { new DateOnly(2026, 1, 4), true, "元旦调休上班" },
                    { new DateOnly(2026, 2, 14), true, "春节调休上班" },
                    { new DateOnly(2026, 2, 15), false, "春节" },
                    { new DateOnly(2026, 2, 16), false, "春节" },
                    { new DateOnly(2026, 2, 17), false, "春节" },
                    { new DateOnly(2026, 2, 18), false, "春节" },
                    { new DateOnly(2026, 2, 19), false, "春节" },
                    { new DateOnly(2026, 2, 20), false, "春节" },
                    { new DateOnly(2026, 2, 21), false, "春节" },
                    { new DateOnly(2026, 2, 22), false, "春节" },
                    { new DateOnly(2026, 2, 23), false, "春节" },
                    { new DateOnly(2026, 2, 28), true, "春节调休上班" },
                    { new DateOnly(2026, 4, 4), false, "清明节" },
                    { new DateOnly(2026, 4, 5), false, "清明节" },
                    { new DateOnly(2026, 4, 6), false, "清明节" },
                    { new DateOnly(2026, 5, 1), false, "劳动节" },
                    { new DateOnly(2026, 5, 2), false, "劳动节" },
                    { new DateOnly(2026, 5, 3), false, "劳动节" },
                    { new DateOnly(2026, 5, 4), false, "劳动节" },
                    { new DateOnly(2026, 5, 5), false, "劳动节" },
                    { new DateOnly(2026, 5, 9), true, "劳动节调休上班" },
                    { new DateOnly(2026, 6, 19), false, "端午节" },
                    { new DateOnly(2026, 6, 20), false, "端午节" },
                    { new DateOnly(2026, 6, 21), false, "端午节" },
                    { new DateOnly(2026, 9, 20), true, "国庆节调休上班" },
                    { new DateOnly(2026, 9, 25), false, "中秋节" },
                    { new DateOnly(2026, 9, 26), false, "中秋节" },
                    { new DateOnly(2026, 9, 27), false, "中秋节" },
                    { new DateOnly(2026, 10, 1), false, "国庆节" },
                    { new DateOnly(2026, 10, 2), false, "国庆节" },
                    { new DateOnly(2026, 10, 3), false, "国庆节" },
                    { new DateOnly(2026, 10, 4), false, "国庆节" },
                    { new DateOnly(2026, 10, 5), false, "国庆节" },
                    { new DateOnly(2026, 10, 6), false, "国庆节" },
                    { new DateOnly(2026, 10, 7), false, "国庆节" },
                    { new DateOnly(2026, 10, 10), true, "国庆节调休上班" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionGroupMembers_SubjectId",
                table: "CorrectionGroupMembers",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionProposals_CountyId_DecidedOn",
                table: "CorrectionProposals",
                columns: new[] { "CountyId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionProposals_SubjectId_ProposedOn",
                table: "CorrectionProposals",
                columns: new[] { "SubjectId", "ProposedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionSubjects_CountyId_Stage",
                table: "CorrectionSubjects",
                columns: new[] { "CountyId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionSubjects_CountyId_TownshipId_Stage",
                table: "CorrectionSubjects",
                columns: new[] { "CountyId", "TownshipId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionSubjects_TownshipId",
                table: "CorrectionSubjects",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionWarnings_CountyId_IssuedOn",
                table: "CorrectionWarnings",
                columns: new[] { "CountyId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionWarnings_SubjectId_IssuedOn",
                table: "CorrectionWarnings",
                columns: new[] { "SubjectId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveRequests_CountyId_Status_From",
                table: "LeaveRequests",
                columns: new[] { "CountyId", "Status", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaveRequests_SubjectId_From",
                table: "LeaveRequests",
                columns: new[] { "SubjectId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidenceChanges_CountyId_Status",
                table: "ResidenceChanges",
                columns: new[] { "CountyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidenceChanges_SubjectId",
                table: "ResidenceChanges",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRecords_CountyId_Kind_Date_TownshipId_SubjectId_Hours",
                table: "SupervisionRecords",
                columns: new[] { "CountyId", "Kind", "Date", "TownshipId", "SubjectId", "Hours" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionRecords_SubjectId_Kind_Date",
                table: "SupervisionRecords",
                columns: new[] { "SubjectId", "Kind", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CorrectionGroupMembers");

            migrationBuilder.DropTable(
                name: "CorrectionProposals");

            migrationBuilder.DropTable(
                name: "CorrectionWarnings");

            migrationBuilder.DropTable(
                name: "LeaveRequests");

            migrationBuilder.DropTable(
                name: "ResidenceChanges");

            migrationBuilder.DropTable(
                name: "SupervisionRecords");

            migrationBuilder.DropTable(
                name: "CorrectionSubjects");
        }
    }
}
