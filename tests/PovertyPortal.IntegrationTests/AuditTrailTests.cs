using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Audit;
using PovertyPortal.Web.Features.Users;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.IntegrationTests;

/// <summary>Issue 15, second part: the audit log's IP and outcome, hash chain, append-only rules, retention and viewer scope.</summary>
public abstract class AuditTrailTests(PortalAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];

    private async Task<long> WriteAsync(string userName, string action, string? target = null, string address = "10.1.2.3")
    {
        await using var scope = await app.ScopeForAsync(userName);
        scope.ServiceProvider.GetRequiredService<ClientAddress>().Set(address);
        var detail = Unique("d");
        await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(userName, action, AuditOutcome.Success, target, detail: detail, cancellationToken: Ct);
        await using var db = app.SystemDb();
        return await db.AuditLog.Where(a => a.Detail == detail).Select(a => a.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task Every_entry_has_an_address_an_outcome_the_actors_county_and_the_chain_verifies()
    {
        var id = await WriteAsync("county", AuditActions.RevealPhone, "户 1");
        await using (var scope = await app.ScopeForAsync("township"))
        {
            // The old signature still works and takes its outcome from the action.
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync("township", AuditActions.SignInFailed, cancellationToken: Ct);
        }
        await using var db = app.SystemDb();
        var entry = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
        var county = await db.Users.Where(u => u.UserName == "county").Select(u => u.CountyId).SingleAsync(Ct);
        Assert.Equal(("10.1.2.3", AuditOutcome.Success, "户 1", county), (entry.IpAddress, entry.Outcome, entry.Target, entry.CountyId));
        Assert.Equal(64, entry.Hash.Length);
        var failed = await db.AuditLog.AsNoTracking().Where(a => a.UserName == "township" && a.Action == AuditActions.SignInFailed).OrderBy(a => a.Id).LastAsync(Ct);
        Assert.Equal((AuditOutcome.Failed, ClientAddress.Local), (failed.Outcome, failed.IpAddress));
        // Every entry written so far, by the demo loader, sign-ins and handlers alike, has an address and a hash.
        Assert.False(await db.AuditLog.AnyAsync(a => a.IpAddress == null || a.Hash == "", Ct));
        Assert.Null(await AuditChain.VerifyAsync(db, Ct));
    }

    [Fact]
    public async Task The_portal_cannot_change_or_remove_an_entry()
    {
        var id = await WriteAsync("admin", AuditActions.SignIn);
        await using (var db = app.SystemDb())
        {
            var entry = await db.AuditLog.SingleAsync(a => a.Id == id, Ct);
            entry.Detail = "改过";
            Assert.Contains("只能追加", (await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct))).Message);
        }
        await using (var db = app.SystemDb())
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync(a => a.Id == id, Ct));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        }
        await using var check = app.SystemDb();
        Assert.NotEqual("改过", (await check.AuditLog.AsNoTracking().SingleAsync(a => a.Id == id, Ct)).Detail);
    }

    [Fact]
    public async Task The_database_refuses_an_update_or_a_delete_of_a_recent_entry()
    {
        var id = await WriteAsync("admin", AuditActions.SignIn);
        await using var db = app.SystemDb();
        await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE \"AuditLog\" SET \"Detail\" = 'x' WHERE \"Id\" = {id}", Ct));
        await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditLog\" WHERE \"Id\" = {id}", Ct));
        // ExecuteDelete skips the interceptor; the trigger still refuses.
        await Assert.ThrowsAnyAsync<DbException>(() => db.AuditLog.Where(a => a.Id == id).ExecuteDeleteAsync(Ct));
        Assert.True(await db.AuditLog.AnyAsync(a => a.Id == id, Ct));
    }

    [Fact]
    public async Task Verify_audit_finds_a_row_changed_behind_the_triggers_back()
    {
        var id = await WriteAsync("admin", AuditActions.SignIn);
        await WriteAsync("admin", AuditActions.SignOut);
        await using var db = app.SystemDb();
        var original = await db.AuditLog.AsNoTracking().Where(a => a.Id == id).Select(a => a.Detail).SingleAsync(Ct);
        await WithoutTriggersAsync(db, () => db.Database.ExecuteSqlAsync($"UPDATE \"AuditLog\" SET \"Detail\" = 'tampered' WHERE \"Id\" = {id}", Ct));
        try
        {
            var broken = await AuditChain.VerifyAsync(db, Ct);
            Assert.Equal(id, broken?.Id);
            await using var scope = app.Factory.Services.CreateAsyncScope();
            Assert.Equal(1, await AuditCommands.VerifyAsync(scope.ServiceProvider));
        }
        finally
        {
            await WithoutTriggersAsync(db, () => db.Database.ExecuteSqlAsync($"UPDATE \"AuditLog\" SET \"Detail\" = {original} WHERE \"Id\" = {id}", Ct));
        }
        Assert.Null(await AuditChain.VerifyAsync(db, Ct));
        await using var again = app.Factory.Services.CreateAsyncScope();
        Assert.Equal(0, await AuditCommands.VerifyAsync(again.ServiceProvider));
    }

    /// <summary>Tampering as an attacker with the owner's rights would: PostgreSQL disables the trigger, SQLite drops and restores it.</summary>
    private async Task WithoutTriggersAsync(PortalDbContext db, Func<Task> action)
    {
        if (app.Provider == DatabaseProvider.PostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditLog\" DISABLE TRIGGER audit_log_append_only", Ct);
            try { await action(); }
            finally { await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditLog\" ENABLE TRIGGER audit_log_append_only", Ct); }
            return;
        }
        var sql = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE name = 'AuditLog_NoUpdate'").SingleAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditLog_NoUpdate\"", Ct);
        try { await action(); }
        finally { await db.Database.ExecuteSqlRawAsync(sql, Ct); }
    }

    [Fact]
    public async Task Purge_refuses_a_date_within_180_days_and_deletes_only_older_rows()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var recent = DateTime.UtcNow.AddDays(-100).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => AuditCommands.PurgeAsync(scope.ServiceProvider, ["purge-audit", "--before", recent]));
            Assert.Contains("180", refusal.Message);
            Assert.Equal(2, await AuditCommands.PurgeAsync(scope.ServiceProvider, ["purge-audit"]));
        }

        // A database of its own: old rows must come first in the chain, as they do in a real one.
        var (options, drop) = await FreshDatabaseAsync();
        try
        {
            var now = DateTimeOffset.UtcNow;
            await using (var db = new PortalDbContext(options, new SystemScopeSource("test")))
            {
                foreach (var days in new[] { 400, 300, 200, 10, 1 })
                {
                    await AuditChain.AppendAsync(db, new AuditLogEntry { At = now.AddDays(-days), Action = AuditActions.SignIn, UserName = $"u{days}", IpAddress = "local" }, Ct);
                }
                // A row older than the retention is refused too when the database's clock says it is recent: none here.
                Assert.Equal(3, await AuditChain.PurgeAsync(db, now.AddDays(-190), now, Ct));
                Assert.Equal(["u10", "u1"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.UserName!).ToListAsync(Ct));
                // The first remaining row's predecessor is gone: accepted, and the rest verifies.
                Assert.Null(await AuditChain.VerifyAsync(db, Ct));
                await Assert.ThrowsAsync<InvalidOperationException>(() => AuditChain.PurgeAsync(db, now.AddDays(-179), now, Ct));
            }
        }
        finally
        {
            await drop();
        }
    }

    private async Task<(DbContextOptions<PortalDbContext> Options, Func<Task> Drop)> FreshDatabaseAsync()
    {
        string connectionString;
        Func<Task> drop;
        if (app.Provider == DatabaseProvider.PostgreSql)
        {
            var name = $"portal_audit_{Guid.NewGuid():N}";
            await using (var server = new NpgsqlConnection(PostgreSqlAppFixture.ServerConnectionString))
            {
                await server.OpenAsync(Ct);
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
                await create.ExecuteNonQueryAsync(Ct);
            }
            connectionString = new NpgsqlConnectionStringBuilder(PostgreSqlAppFixture.ServerConnectionString) { Database = name, Pooling = false }.ConnectionString;
            drop = async () =>
            {
                await using var server = new NpgsqlConnection(PostgreSqlAppFixture.ServerConnectionString);
                await server.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
                await command.ExecuteNonQueryAsync();
            };
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), "povertyportal-tests", $"audit-{Guid.NewGuid():N}.db");
            connectionString = $"Data Source={path};Pooling=false";
            drop = () => { SqliteConnection.ClearAllPools(); File.Delete(path); return Task.CompletedTask; };
        }
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, app.Provider, connectionString, app.Cipher)
            .AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System));
        await using (var db = new PortalDbContext(builder.Options, new SystemScopeSource("migrate")))
        {
            await db.Database.MigrateAsync(Ct);
        }
        return (builder.Options, drop);
    }

    [Fact]
    public async Task The_viewer_shows_a_county_supervisor_their_county_only_and_the_export_is_audited()
    {
        var own = await WriteAsync("township", AuditActions.RevealResidentId, "成员 7");
        long foreign;
        await using (var db = app.SystemDb())
        {
            var entry = new AuditLogEntry { At = DateTimeOffset.UtcNow, Action = AuditActions.ExportRegister, UserName = "elsewhere", CountyId = 999_999, IpAddress = "10.9.9.9" };
            await AuditChain.AppendAsync(db, entry, Ct);
            foreign = entry.Id;
        }
        async Task<IReadOnlyList<long>> IdsAsync(string user, ListAuditLog.Query query)
        {
            await using var scope = await app.ScopeForAsync(user);
            return (await scope.ServiceProvider.GetRequiredService<ListAuditLog>().HandleAsync(query, Ct)).Rows.Select(r => r.Id).ToList();
        }
        var all = new ListAuditLog.Query { PageSize = 1000 };
        Assert.Contains(own, await IdsAsync("county", all));
        Assert.DoesNotContain(foreign, await IdsAsync("county", all));
        Assert.Contains(foreign, await IdsAsync("admin", all));
        Assert.Empty(await IdsAsync("township", all));
        Assert.Equal([own], await IdsAsync("county", new ListAuditLog.Query { UserName = "township", Action = AuditActions.RevealResidentId, Text = "成员 7" }));

        await using (var scope = await app.ScopeForAsync("county"))
        {
            using var stream = new MemoryStream();
            var count = await scope.ServiceProvider.GetRequiredService<ExportAuditLog>().WriteAsync(new ListAuditLog.Query { UserName = "township" }, stream, Ct);
            Assert.True(count >= 1);
            Assert.Equal((byte)'P', stream.ToArray()[0]);
        }
        await using var check = app.SystemDb();
        Assert.True(await check.AuditLog.AnyAsync(a => a.Action == AuditActions.ExportAuditLog && a.UserName == "county" && a.Detail!.Contains("用户=township"), Ct));
    }

    [Fact]
    public async Task A_role_or_scope_change_records_the_old_and_the_new()
    {
        await using var db = app.SystemDb();
        var official = await db.Users.SingleAsync(u => u.UserName == "township", Ct);
        var village = await db.Villages.Where(v => v.TownshipId == official.TownshipId).Select(v => v.Id).FirstAsync(Ct);
        await using var scope = await app.ScopeForAsync("county");
        var handler = scope.ServiceProvider.GetRequiredService<SaveUser>();
        var userName = Unique("zhao");
        var created = await handler.HandleAsync(new SaveUser.Command
        {
            UserName = userName, DisplayName = "赵一", Role = PortalRoles.TownshipOfficial,
            CountyId = official.CountyId, TownshipId = official.TownshipId, InitialPassword = "Qingshi-2026-xyz",
        }, Ct);
        Assert.True(created.Succeeded, created.Outcome.Summary);
        var updated = await handler.HandleAsync(new SaveUser.Command
        {
            Id = created.Value, UserName = userName, DisplayName = "赵一", Role = PortalRoles.WorkTeamLeader,
            CountyId = official.CountyId, TownshipId = official.TownshipId, VillageId = village,
        }, Ct);
        Assert.True(updated.Succeeded, updated.Outcome.Summary);
        var change = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == AuditActions.RoleChanged && a.RecordId == created.Value, Ct);
        Assert.Equal("county", change.UserName);
        Assert.StartsWith(PortalRoles.Label(PortalRoles.TownshipOfficial), change.Detail, StringComparison.Ordinal);
        Assert.Contains($"→ {PortalRoles.Label(PortalRoles.WorkTeamLeader)}", change.Detail, StringComparison.Ordinal);
        Assert.Contains($"村 {village}）", change.Detail, StringComparison.Ordinal);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class AuditTrailTestsOnSqlite(SqliteAppFixture app) : AuditTrailTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class AuditTrailTestsOnPostgreSql(PostgreSqlAppFixture app) : AuditTrailTests(app);
