using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_At",
                table: "ImportBatches",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportBatches");
        }
    }
}
