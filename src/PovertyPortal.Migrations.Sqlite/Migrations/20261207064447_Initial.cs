using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PovertyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceTallies",
                columns: table => new
                {
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedItems = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Checks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceTallies", x => new { x.VillageId, x.Year, x.FailedItems });
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BenefitPrograms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenefitPrograms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BenefitTallies",
                columns: table => new
                {
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountInFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenefitTallies", x => new { x.VillageId, x.Year, x.ProgramId });
                });

            migrationBuilder.CreateTable(
                name: "Counties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdminCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FieldChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 2100, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 2100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: true),
                    HouseholdsCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdsUpdated = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdsUnchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersUpdated = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersUnchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    AreasCreated = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncomeTallies",
                columns: table => new
                {
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Band = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomeTallies", x => new { x.VillageId, x.Year, x.Band });
                });

            migrationBuilder.CreateTable(
                name: "PovertyLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    MonitoringAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    NearLineMultiple = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PovertyLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Townships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdminCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Townships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Townships_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Villages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdminCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IsPovertyVillage = table.Column<bool>(type: "INTEGER", nullable: false),
                    PovertyExitYear = table.Column<int>(type: "INTEGER", nullable: true),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Villages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Villages_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Villages_Townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSignInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CollectiveIncomeEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    IsStableOperating = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveIncomeEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectiveIncomeEntries_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Hamlets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hamlets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Hamlets_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndustryRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndustryRecords_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportProseVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Practices = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Closing = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportProseVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportProseVersions_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VillageGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VillageGroups_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VillageProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaSquareKm = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ForestMu = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ArableMu = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    PaddyMu = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    GroupCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HamletCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchCommitteeMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyGroups = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicWelfarePosts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftBehindChildren = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftBehindElderly = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftBehindWomen = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadingIndustries = table.Column<string>(type: "TEXT", nullable: false),
                    CollectiveIncomeSources = table.Column<string>(type: "TEXT", nullable: false),
                    CollectiveIncome = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VillageProfiles_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VillageProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Investment = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BeneficiaryHouseholds = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VillageProjects_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkTeams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    DispatchingUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AppointedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HandoverUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkTeams_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    HouseholdNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PrimaryCause = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SecondaryCause = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IdentificationYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExitYear = table.Column<int>(type: "INTEGER", nullable: true),
                    IsRelocated = table.Column<bool>(type: "INTEGER", nullable: false),
                    RelocationSite = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    MonitoringType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MonitoringIdentifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RiskEliminatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LivingMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_Townships_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Townships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_VillageGroups_VillageGroupId",
                        column: x => x.VillageGroupId,
                        principalTable: "VillageGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkLogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkLogs_Villages_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Villages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkLogs_WorkTeams_WorkTeamId",
                        column: x => x.WorkTeamId,
                        principalTable: "WorkTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkTeamMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkTeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkTeamMembers_WorkTeams_WorkTeamId",
                        column: x => x.WorkTeamId,
                        principalTable: "WorkTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    HousingGrade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssuranceChecks_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdStatusChanges_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncomeRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    WageIncome = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    OperatingIncome = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    PropertyIncome = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    TransferIncome = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    ProductionCosts = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    MeasuredMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectedMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasuredNet = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    ProjectedNet = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    AnnualNet = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    MemberYears = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    NetIncomePerCapita = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomeRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncomeRecords_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    ResidentIdTail = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EducationLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SchoolingStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Health = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    DisabilityGrade = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LabourAbility = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MigrantWorkPlace = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MigrantWorkMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    HasBasicMedicalInsurance = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasSeriousIllnessInsurance = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasPensionInsurance = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDeceased = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeceasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Members_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Microloans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Principal = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InterestSubsidy = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Repaid = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    LastRepaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Lender = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Microloans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Microloans_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkLogHouseholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkLogId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkLogHouseholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkLogHouseholds_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkLogHouseholds_WorkLogs_WorkLogId",
                        column: x => x.WorkLogId,
                        principalTable: "WorkLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkTeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkTeamMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Week = table.Column<int>(type: "INTEGER", nullable: false),
                    ArrivedAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    LeftAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    StayedNight = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceDays_WorkTeamMembers_WorkTeamMemberId",
                        column: x => x.WorkTeamMemberId,
                        principalTable: "WorkTeamMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AttendanceDays_WorkTeams_WorkTeamId",
                        column: x => x.WorkTeamId,
                        principalTable: "WorkTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Pairings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkTeamMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    CadreName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CadreUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CadreResidentId = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pairings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pairings_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Pairings_WorkTeamMembers_WorkTeamMemberId",
                        column: x => x.WorkTeamMemberId,
                        principalTable: "WorkTeamMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssuranceCheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Met = table.Column<bool>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssuranceItems_AssuranceChecks_AssuranceCheckId",
                        column: x => x.AssuranceCheckId,
                        principalTable: "AssuranceChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BenefitRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ImportBatchId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenefitRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BenefitRecords_BenefitPrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "BenefitPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BenefitRecords_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BenefitRecords_ImportBatches_ImportBatchId",
                        column: x => x.ImportBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BenefitRecords_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssistancePlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    PairingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistancePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssistancePlans_Pairings_PairingId",
                        column: x => x.PairingId,
                        principalTable: "Pairings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "BenefitPrograms",
                columns: new[] { "Id", "Code", "CreatedAt", "CreatedBy", "Group", "IsRetired", "Name", "SortOrder", "Unit", "UpdatedAt", "UpdatedBy" },
                values: new object[,]
                {
                    { 1, "IndustrySubsidy", 1308729802752000000L, "system", "ProductionSupport", false, "产业发展奖补", 10, "亩", null, null },
                    { 2, "Relocation", 1308729802752000000L, "system", "Relocation", false, "易地扶贫搬迁", 20, null, null, null },
                    { 3, "EcoForestSubsidy", 1308729802752000000L, "system", "EcoCompensation", false, "生态林补助", 30, "亩", null, null },
                    { 4, "PublicWelfarePost", 1308729802752000000L, "system", "EcoCompensation", false, "公益性岗位", 40, "个月", null, null },
                    { 5, "YuluPlan", 1308729802752000000L, "system", "Education", false, "雨露计划", 50, null, null, null },
                    { 6, "SchoolBusSubsidy", 1308729802752000000L, "system", "Education", false, "校车补助", 60, null, null, null },
                    { 7, "StudentLivingAllowance", 1308729802752000000L, "system", "Education", false, "生活补助", 70, null, null, null },
                    { 8, "Dibao", 1308729802752000000L, "system", "SocialSecurity", false, "低保", 80, null, null, null },
                    { 9, "Tekun", 1308729802752000000L, "system", "SocialSecurity", false, "特困供养", 90, null, null, null },
                    { 10, "InsurancePremiumWaiver", 1308729802752000000L, "system", "HealthSupport", false, "医保代缴", 100, null, null, null },
                    { 11, "SupplementaryInsurance", 1308729802752000000L, "system", "HealthSupport", false, "补充医疗保险/意外伤害保险", 110, null, null, null },
                    { 12, "HospitalReimbursement", 1308729802752000000L, "system", "HealthSupport", false, "住院报销", 120, null, null, null },
                    { 13, "Microloan", 1308729802752000000L, "system", "Finance", false, "小额信贷", 130, null, null, null },
                    { 14, "SolarIncome", 1308729802752000000L, "system", "Solar", false, "光伏扶贫收益", 140, null, null, null }
                });

            migrationBuilder.InsertData(
                table: "PovertyLines",
                columns: new[] { "Id", "Amount", "CreatedAt", "CreatedBy", "MonitoringAmount", "NearLineMultiple", "Province", "UpdatedAt", "UpdatedBy", "Year" },
                values: new object[,]
                {
                    { 1, 2800m, 1308729802752000000L, "system", null, 1.5m, "全国", null, null, 2014 },
                    { 2, 2855m, 1308729802752000000L, "system", null, 1.5m, "全国", null, null, 2015 },
                    { 3, 3000m, 1308729802752000000L, "system", null, 1.5m, "全国", null, null, 2016 },
                    { 4, 3335m, 1308729802752000000L, "system", null, 1.5m, "全国", null, null, 2017 },
                    { 5, 3535m, 1308729802752000000L, "system", null, 1.5m, "全国", null, null, 2018 },
                    { 6, 3747m, 1308729802752000000L, "system", null, 1.5m, "全国", null, null, 2019 },
                    { 7, 4100m, 1308729802752000000L, "system", 6000m, 1.5m, "全国", null, null, 2020 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CountyId_TownshipId_VillageId",
                table: "AspNetUsers",
                columns: new[] { "CountyId", "TownshipId", "VillageId" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TownshipId",
                table: "AspNetUsers",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_VillageId",
                table: "AspNetUsers",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistancePlans_PairingId_Year",
                table: "AssistancePlans",
                columns: new[] { "PairingId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceChecks_Dashboard",
                table: "AssuranceChecks",
                columns: new[] { "CountyId", "Year", "TownshipId", "VillageId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceChecks_HouseholdId_Year",
                table: "AssuranceChecks",
                columns: new[] { "HouseholdId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceChecks_VillageId_Year",
                table: "AssuranceChecks",
                columns: new[] { "VillageId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceItems_AssuranceCheckId_Kind",
                table: "AssuranceItems",
                columns: new[] { "AssuranceCheckId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceItems_CountyId_Kind_Met_TownshipId_VillageId_AssuranceCheckId",
                table: "AssuranceItems",
                columns: new[] { "CountyId", "Kind", "Met", "TownshipId", "VillageId", "AssuranceCheckId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceTallies_Dashboard",
                table: "AssuranceTallies",
                columns: new[] { "CountyId", "Year", "TownshipId", "VillageId", "FailedItems", "Checks" });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_OwnerType_OwnerId",
                table: "Attachments",
                columns: new[] { "OwnerType", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_CountyId_Week_WorkTeamMemberId_StayedNight",
                table: "AttendanceDays",
                columns: new[] { "CountyId", "Week", "WorkTeamMemberId", "StayedNight" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_TownshipId_Week_WorkTeamMemberId_StayedNight",
                table: "AttendanceDays",
                columns: new[] { "TownshipId", "Week", "WorkTeamMemberId", "StayedNight" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_VillageId_Date",
                table: "AttendanceDays",
                columns: new[] { "VillageId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_WorkTeamId",
                table: "AttendanceDays",
                column: "WorkTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceDays_WorkTeamMemberId_Date",
                table: "AttendanceDays",
                columns: new[] { "WorkTeamMemberId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_At",
                table: "AuditLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_CountyId_At",
                table: "AuditLog",
                columns: new[] { "CountyId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_BenefitPrograms_Code",
                table: "BenefitPrograms",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BenefitPrograms_Name",
                table: "BenefitPrograms",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BenefitRecords_CountyId_Year_ProgramId",
                table: "BenefitRecords",
                columns: new[] { "CountyId", "Year", "ProgramId" });

            migrationBuilder.CreateIndex(
                name: "IX_BenefitRecords_HouseholdId_Year",
                table: "BenefitRecords",
                columns: new[] { "HouseholdId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_BenefitRecords_ImportBatchId",
                table: "BenefitRecords",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_BenefitRecords_MemberId",
                table: "BenefitRecords",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_BenefitRecords_ProgramId",
                table: "BenefitRecords",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_BenefitRecords_VillageId_Year_ProgramId",
                table: "BenefitRecords",
                columns: new[] { "VillageId", "Year", "ProgramId" });

            migrationBuilder.CreateIndex(
                name: "IX_BenefitTallies_Dashboard",
                table: "BenefitTallies",
                columns: new[] { "CountyId", "Year", "TownshipId", "VillageId", "ProgramId", "Records", "Households", "AmountInFen" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveIncomeEntries_CountyId_Year",
                table: "CollectiveIncomeEntries",
                columns: new[] { "CountyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveIncomeEntries_VillageId_Year_Source",
                table: "CollectiveIncomeEntries",
                columns: new[] { "VillageId", "Year", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Counties_AdminCode",
                table: "Counties",
                column: "AdminCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FieldChanges_HouseholdId_At",
                table: "FieldChanges",
                columns: new[] { "HouseholdId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Hamlets_VillageId_Name",
                table: "Hamlets",
                columns: new[] { "VillageId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_Category_Status",
                table: "Households",
                columns: new[] { "CountyId", "Category", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_ExitYear",
                table: "Households",
                columns: new[] { "CountyId", "ExitYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_HouseholdNumber",
                table: "Households",
                columns: new[] { "CountyId", "HouseholdNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_Status_HouseholdNumber",
                table: "Households",
                columns: new[] { "CountyId", "Status", "HouseholdNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_CountyId_TownshipId_HouseholdNumber",
                table: "Households",
                columns: new[] { "CountyId", "TownshipId", "HouseholdNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard_Causes",
                table: "Households",
                columns: new[] { "CountyId", "Status", "PrimaryCause", "IdentificationYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard_Exits",
                table: "Households",
                columns: new[] { "CountyId", "Status", "ExitYear", "TownshipId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard_Monitoring",
                table: "Households",
                columns: new[] { "CountyId", "MonitoringType", "TownshipId", "VillageId", "MonitoringIdentifiedOn", "RiskEliminatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard_Registry",
                table: "Households",
                columns: new[] { "CountyId", "TownshipId", "VillageId", "Category", "Status", "IdentificationYear", "ExitYear", "LivingMembers" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_HouseholdNumber",
                table: "Households",
                column: "HouseholdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Households_TownshipId_VillageId",
                table: "Households",
                columns: new[] { "TownshipId", "VillageId" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_VillageGroupId",
                table: "Households",
                column: "VillageGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_VillageId_Status",
                table: "Households",
                columns: new[] { "VillageId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdStatusChanges_HouseholdId_EffectiveOn",
                table: "HouseholdStatusChanges",
                columns: new[] { "HouseholdId", "EffectiveOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdStatusChanges_VillageId_Status_Year",
                table: "HouseholdStatusChanges",
                columns: new[] { "VillageId", "Status", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_At",
                table: "ImportBatches",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_IncomeRecords_CountyId_Year_NetIncomePerCapita",
                table: "IncomeRecords",
                columns: new[] { "CountyId", "Year", "NetIncomePerCapita" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomeRecords_CountyId_Year_TownshipId_VillageId_NetIncomePerCapita_HouseholdId",
                table: "IncomeRecords",
                columns: new[] { "CountyId", "Year", "TownshipId", "VillageId", "NetIncomePerCapita", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomeRecords_HouseholdId_Year",
                table: "IncomeRecords",
                columns: new[] { "HouseholdId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncomeRecords_TownshipId_Year_NetIncomePerCapita",
                table: "IncomeRecords",
                columns: new[] { "TownshipId", "Year", "NetIncomePerCapita" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomeRecords_VillageId_Year",
                table: "IncomeRecords",
                columns: new[] { "VillageId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomeTallies_Dashboard",
                table: "IncomeTallies",
                columns: new[] { "CountyId", "Year", "Band", "TownshipId", "Records" });

            migrationBuilder.CreateIndex(
                name: "IX_IndustryRecords_VillageId_Year_Name",
                table: "IndustryRecords",
                columns: new[] { "VillageId", "Year", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Members_CountyId_ResidentId",
                table: "Members",
                columns: new[] { "CountyId", "ResidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_CountyId_ResidentIdTail",
                table: "Members",
                columns: new[] { "CountyId", "ResidentIdTail" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_HouseholdId",
                table: "Members",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_Name",
                table: "Members",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Microloans_CountyId_TownshipId_DueDate",
                table: "Microloans",
                columns: new[] { "CountyId", "TownshipId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Microloans_HouseholdId",
                table: "Microloans",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Microloans_VillageId_StartDate",
                table: "Microloans",
                columns: new[] { "VillageId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Pairings_HouseholdId",
                table: "Pairings",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Pairings_VillageId",
                table: "Pairings",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_Pairings_WorkTeamMemberId",
                table: "Pairings",
                column: "WorkTeamMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PovertyLines_Year_Province",
                table: "PovertyLines",
                columns: new[] { "Year", "Province" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportProseVersions_VillageId_Year_Version",
                table: "ReportProseVersions",
                columns: new[] { "VillageId", "Year", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Townships_AdminCode",
                table: "Townships",
                column: "AdminCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Townships_CountyId",
                table: "Townships",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageGroups_VillageId_Name",
                table: "VillageGroups",
                columns: new[] { "VillageId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VillageProfiles_VillageId_Year",
                table: "VillageProfiles",
                columns: new[] { "VillageId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VillageProjects_VillageId_CompletionDate",
                table: "VillageProjects",
                columns: new[] { "VillageId", "CompletionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Villages_AdminCode",
                table: "Villages",
                column: "AdminCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Villages_CountyId_TownshipId",
                table: "Villages",
                columns: new[] { "CountyId", "TownshipId" });

            migrationBuilder.CreateIndex(
                name: "IX_Villages_TownshipId",
                table: "Villages",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkLogHouseholds_HouseholdId",
                table: "WorkLogHouseholds",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkLogHouseholds_WorkLogId_HouseholdId",
                table: "WorkLogHouseholds",
                columns: new[] { "WorkLogId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkLogs_VillageId_Date_Type",
                table: "WorkLogs",
                columns: new[] { "VillageId", "Date", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkLogs_WorkTeamId",
                table: "WorkLogs",
                column: "WorkTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeamMembers_UserId",
                table: "WorkTeamMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeamMembers_WorkTeamId",
                table: "WorkTeamMembers",
                column: "WorkTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeams_VillageId_StartDate",
                table: "WorkTeams",
                columns: new[] { "VillageId", "StartDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AssistancePlans");

            migrationBuilder.DropTable(
                name: "AssuranceItems");

            migrationBuilder.DropTable(
                name: "AssuranceTallies");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "AttendanceDays");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "BenefitRecords");

            migrationBuilder.DropTable(
                name: "BenefitTallies");

            migrationBuilder.DropTable(
                name: "CollectiveIncomeEntries");

            migrationBuilder.DropTable(
                name: "FieldChanges");

            migrationBuilder.DropTable(
                name: "Hamlets");

            migrationBuilder.DropTable(
                name: "HouseholdStatusChanges");

            migrationBuilder.DropTable(
                name: "IncomeRecords");

            migrationBuilder.DropTable(
                name: "IncomeTallies");

            migrationBuilder.DropTable(
                name: "IndustryRecords");

            migrationBuilder.DropTable(
                name: "Microloans");

            migrationBuilder.DropTable(
                name: "PovertyLines");

            migrationBuilder.DropTable(
                name: "ReportProseVersions");

            migrationBuilder.DropTable(
                name: "VillageProfiles");

            migrationBuilder.DropTable(
                name: "VillageProjects");

            migrationBuilder.DropTable(
                name: "WorkLogHouseholds");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Pairings");

            migrationBuilder.DropTable(
                name: "AssuranceChecks");

            migrationBuilder.DropTable(
                name: "BenefitPrograms");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "WorkLogs");

            migrationBuilder.DropTable(
                name: "WorkTeamMembers");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "WorkTeams");

            migrationBuilder.DropTable(
                name: "VillageGroups");

            migrationBuilder.DropTable(
                name: "Villages");

            migrationBuilder.DropTable(
                name: "Townships");

            migrationBuilder.DropTable(
                name: "Counties");
        }
    }
}
