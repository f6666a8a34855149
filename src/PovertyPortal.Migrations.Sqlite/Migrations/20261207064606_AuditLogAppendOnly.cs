using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.Sqlite.Migrations
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
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite") return;
            // At is stored as DateTimeOffsetToBinaryConverter's long: (ticks / 1000) << 11 | offset minutes, offset 0
            // here (all UTC). ">> 11" gives units of 1/10,000 s since 0001-01-01, which is julianday 1721425.5.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditLog_NoUpdate" BEFORE UPDATE ON "AuditLog"
                BEGIN
                    SELECT RAISE(ABORT, '审计日志只能追加，不能修改');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditLog_NoEarlyDelete" BEFORE DELETE ON "AuditLog"
                WHEN (OLD."At" >> 11) > CAST((julianday('now', '-180 days') - 1721425.5) * 864000000 AS INTEGER)
                BEGIN
                    SELECT RAISE(ABORT, '审计日志至少保留 180 天，不能删除');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite") return;
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditLog_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditLog_NoEarlyDelete";""");
        }
    }
}
