using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PovertyPortal.Migrations.PostgreSql.Migrations
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
            if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL") return;
            // TRUNCATE skips row triggers, so a statement trigger refuses it too.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' OR TG_OP = 'TRUNCATE' THEN
                        RAISE EXCEPTION '审计日志只能追加，不能修改' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    IF OLD."At" > now() - interval '180 days' THEN
                        RAISE EXCEPTION '审计日志至少保留 180 天，不能删除' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    RETURN OLD;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "AuditLog"
                    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "AuditLog"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL") return;
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_log_no_truncate ON "AuditLog";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_log_append_only ON "AuditLog";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_log_append_only();");
        }
    }
}
