using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AuditLogAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written SQL (decision 0015): the database itself refuses to change or remove an audit entry. UPDATE is
            // always refused; DELETE only for rows younger than the 180-day retention (Cybersecurity Law art. 21), so
            // purge-audit can remove older rows and nothing else can remove newer ones.
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.SqlServer") return;
            migrationBuilder.Sql("""
                CREATE TRIGGER [AuditLog_AppendOnly] ON [AuditLog] AFTER UPDATE, DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF EXISTS (SELECT 1 FROM inserted)
                       OR EXISTS (SELECT 1 FROM deleted WHERE [At] > DATEADD(day, -180, SYSDATETIMEOFFSET()))
                    BEGIN
                        ROLLBACK TRANSACTION;
                        THROW 51500, N'审计日志只能追加；删除仅限 180 天以前的记录', 1;
                    END
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.SqlServer") return;
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AuditLog_AppendOnly];");
        }
    }
}
