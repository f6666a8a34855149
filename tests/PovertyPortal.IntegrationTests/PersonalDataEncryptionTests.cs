using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.IntegrationTests;

/// <summary>Encryption at rest (decision 0016): what the database holds, and that the portal still finds what it must.</summary>
public abstract partial class PersonalDataEncryptionTests(PortalAppFixture app)
{
    // An 18-character ID number and a mobile number, as a copy of the database would show them in plain.
    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])")]
    private static partial Regex ResidentIdPattern();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex MobilePattern();

    /// <summary>Every text column of every table the portal maps, read as the database holds it.</summary>
    private async Task<List<(string Table, string Column, string Value)>> RawTextAsync()
    {
        await using var db = app.SystemDb();
        var values = new List<(string, string, string)>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => (p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType) == typeof(string)))
            {
                var column = property.GetColumnName(store)!;
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) values.Add((table, column, reader.GetString(0)));
            }
        }
        return values;
    }

    [Fact]
    public async Task The_database_holds_no_ID_number_phone_or_health_in_plain()
    {
        // A history of a phone and an ID change, besides the demo county's members, phones, teams and pairings.
        await using (var scope = await app.ScopeForAsync("township"))
        {
            await using var db = app.SystemDb();
            var township = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
            var household = await db.Households.Include(h => h.StatusHistory).FirstAsync(h => h.TownshipId == township);
            var save = scope.ServiceProvider.GetRequiredService<SaveHousehold>();
            var command = SaveHousehold.Command.From(household, DateTimeOffset.UtcNow);
            command.Phone = "13912345678";
            Assert.True((await save.HandleAsync(command)).Succeeded);
        }
        await using (var scope = await app.ScopeForAsync("leader"))
        {
            await using var db = app.SystemDb();
            var village = await db.Users.Where(u => u.UserName == "leader").Select(u => u.VillageId!.Value).SingleAsync();
            var household = await db.Households.Where(h => h.VillageId == village).OrderByDescending(h => h.Id).Select(h => h.Id).FirstAsync();
            var pairing = await scope.ServiceProvider.GetRequiredService<Web.Features.WorkTeams.SavePairing>().HandleAsync(new Web.Features.WorkTeams.SavePairing.Command
            {
                VillageId = village, HouseholdId = household, CadreName = "程立新", CadreUnit = "县农业农村局",
                CadreResidentId = ResidentId.Create("421122", new DateOnly(1979, 6, 1), 321, Gender.Male).Value, StartDate = new DateTime(2026, 3, 1),
            });
            Assert.True(pairing.Succeeded, pairing.Outcome.Summary);
        }

        // Account ids (GUIDs) and the audit chain's SHA-256 digests are hex, whose digits can spell an 11-digit mobile
        // number or an ID by chance: random by construction, not personal data.
        var raw = (await RawTextAsync()).Where(v => !Guid.TryParse(v.Value, out _) && !(v.Value.Length == 64 && v.Value.All(char.IsAsciiHexDigitLower))).ToList();
        Assert.Empty(raw.Where(v => ResidentIdPattern().IsMatch(v.Value)).Select(v => $"{v.Table}.{v.Column}"));
        Assert.Empty(raw.Where(v => MobilePattern().IsMatch(v.Value)).Select(v => $"{v.Table}.{v.Column}"));
        foreach (var column in new[] { "ResidentId", "ResidentIdTail", "Health", "DisabilityGrade" })
        {
            var stored = raw.Where(v => v.Table == "Members" && v.Column == column).ToList();
            Assert.True(stored.Count > 100, $"Members.{column}: {stored.Count}");
            Assert.All(stored, v => Assert.StartsWith("pd1:", v.Value, StringComparison.Ordinal));
        }
        await using (var db = app.SystemDb())
        {
            // A NULL beside the encrypted health would tell which members have a disability grade.
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"Members\" WHERE \"DisabilityGrade\" IS NULL";
            Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Contains(raw, v => v.Table == "Households" && v.Column == "Phone");
        Assert.Contains(raw, v => v.Table == "WorkTeamMembers" && v.Column == "Phone");
        Assert.Contains(raw, v => v.Table == "Pairings" && v.Column == "CadreResidentId");
        Assert.Contains(raw, v => v.Table == "FieldChanges" && v.Column == "NewValue");
        Assert.All(raw.Where(v => v.Column is "Phone" or "CadreResidentId" or "OldValue" or "NewValue"),
            v => Assert.True(PersonalDataCipher.IsEncrypted(v.Value), $"{v.Table}.{v.Column}"));

        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // The file itself, free pages and the write-ahead log included, as a copy of data/*.db would carry it.
            var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                Assert.DoesNotMatch(ResidentIdPattern(), Encoding.Latin1.GetString(copy.ToArray()));
            }
        }
    }

    [Fact]
    public async Task Whole_ID_and_last_four_digit_searches_and_the_one_ID_rule_work_on_encrypted_columns()
    {
        await using var db = app.SystemDb();
        var township = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var sample = await db.Members.Include(m => m.Household).FirstAsync(m => m.TownshipId == township && !m.IsDeceased);
        Assert.Equal(1, await db.Members.CountAsync(m => m.CountyId == sample.CountyId && m.ResidentId == sample.ResidentId));

        await using var scope = await app.ScopeForAsync("township");
        var list = scope.ServiceProvider.GetRequiredService<ListHouseholds>();
        Assert.Contains((await list.HandleAsync(new ListHouseholds.Query { Text = sample.ResidentId })).Rows, r => r.Id == sample.HouseholdId);
        Assert.Contains((await list.HandleAsync(new ListHouseholds.Query { Text = sample.ResidentId[^4..] })).Rows, r => r.Id == sample.HouseholdId);

        // The same person a second time in another household of the township is refused by the encrypted index's equality.
        var other = await db.Households.FirstAsync(h => h.TownshipId == township && h.Id != sample.HouseholdId);
        var result = await scope.ServiceProvider.GetRequiredService<SaveMember>().HandleAsync(new SaveMember.Command
        {
            HouseholdId = other.Id, Name = sample.Name, ResidentId = sample.ResidentId, Relationship = Relationship.Other,
            Gender = sample.Gender, BirthDate = sample.BirthDate.ToDateTime(TimeOnly.MinValue),
        });
        Assert.False(result.Succeeded);
        Assert.Contains(sample.Household!.HouseholdNumber, result.Outcome[nameof(SaveMember.Command.ResidentId)]);
    }

    [Fact]
    public async Task Values_stored_before_encryption_are_encrypted_by_the_next_migrate_and_read_back_unchanged()
    {
        await using var db = app.SystemDb();
        var member = await db.Members.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
        var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == member.HouseholdId);
        // The row as a database from before decision 0016 held it.
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Members\" SET \"ResidentId\" = {0}, \"ResidentIdTail\" = {1}, \"Health\" = 'Disabled', \"DisabilityGrade\" = '2' WHERE \"Id\" = {2}",
            member.ResidentId, member.ResidentId[^4..], member.Id);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Households\" SET \"Phone\" = '13700001111' WHERE \"Id\" = {0}", household.Id);

        await PortalMigrations.ApplyAsync(db);

        Assert.DoesNotContain(await RawTextAsync(), v => v.Value == member.ResidentId || v.Value == "13700001111" || v.Value == "Disabled");
        await using var check = app.SystemDb();
        var read = await check.Members.AsNoTracking().SingleAsync(m => m.ResidentId == member.ResidentId);
        Assert.Equal((member.Id, member.ResidentId[^4..], HealthStatus.Disabled, (int?)2), (read.Id, read.ResidentIdTail, read.Health, read.DisabilityGrade));
        Assert.Equal("13700001111", (await check.Households.AsNoTracking().SingleAsync(h => h.Id == household.Id)).Phone);

        // Put back as it was, for the other tests of this portal.
        var restore = await check.Members.SingleAsync(m => m.Id == member.Id);
        (restore.Health, restore.DisabilityGrade) = (member.Health, member.DisabilityGrade);
        var restoredHousehold = await check.Households.SingleAsync(h => h.Id == household.Id);
        restoredHousehold.Phone = household.Phone;
        await check.SaveChangesAsync();
    }

    [Fact]
    public async Task A_key_file_that_did_not_encrypt_the_data_stops_the_start_with_a_message_that_says_so()
    {
        var options = DatabaseServiceCollectionExtensions.Configure(
            new DbContextOptionsBuilder<PortalDbContext>(), app.Provider, app.ConnectionString, TestKeys.Unrelated);
        await using var db = new PortalDbContext((DbContextOptions<PortalDbContext>)options.Options, new SystemScopeSource("test"));
        var refusal = await Assert.ThrowsAsync<PersonalDataKeyException>(() => PersonalDataRewriter.CheckKeysAsync(db));
        Assert.Contains("密钥文件不是加密这些数据的那一份", refusal.Message, StringComparison.Ordinal);

        await using var portal = app.SystemDb();
        await PersonalDataRewriter.CheckKeysAsync(portal);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class PersonalDataEncryptionTestsOnSqlite(SqliteAppFixture app) : PersonalDataEncryptionTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class PersonalDataEncryptionTestsOnPostgreSql(PostgreSqlAppFixture app) : PersonalDataEncryptionTests(app);

/// <summary>
/// rotate-personal-data-key on a portal of its own: the rotation changes the key file that portal was started with.
/// </summary>
public abstract class PersonalDataKeyRotationTests(PortalAppFixture app)
{
    [Fact]
    public async Task Rotating_the_key_moves_every_value_to_the_new_key_and_keeps_the_old_one_for_old_backups()
    {
        string residentId;
        await using (var db = app.SystemDb())
        {
            residentId = await db.Members.OrderBy(m => m.Id).Select(m => m.ResidentId).FirstAsync();
        }
        var configuration = app.Factory.Services.GetRequiredService<IConfiguration>();
        var keyFile = DatabaseServiceCollectionExtensions.PersonalDataKeyFile(configuration);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await PersonalDataCommands.RotateKeyAsync(scope.ServiceProvider, configuration));
        }

        var rotated = PersonalDataKeyRing.Load(keyFile);
        Assert.Equal(2, rotated.CurrentKeyId);
        Assert.Equal([1, 2], rotated.KeyIds.Order());
        var options = DatabaseServiceCollectionExtensions.Configure(
            new DbContextOptionsBuilder<PortalDbContext>(), app.Provider, app.ConnectionString, new PersonalDataCipher(rotated));
        await using (var db = new PortalDbContext((DbContextOptions<PortalDbContext>)options.Options, new SystemScopeSource("test")))
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"ResidentId\", \"Health\", \"DisabilityGrade\" FROM \"Members\" UNION ALL SELECT \"Phone\", \"Phone\", \"Phone\" FROM \"Households\" WHERE \"Phone\" IS NOT NULL";
            var count = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    count++;
                    for (var i = 0; i < 3; i++) Assert.StartsWith("pd2:", reader.GetString(i), StringComparison.Ordinal);
                }
            }
            Assert.True(count > 100);
            // The deterministic columns are found by the new key's equality, and read back as they were.
            Assert.Equal(residentId, await db.Members.Where(m => m.ResidentId == residentId).Select(m => m.ResidentId).SingleAsync());
            await PersonalDataRewriter.CheckKeysAsync(db);
        }

        // The key ring the portal started with has no key 2: a start with it would stop, saying which key is missing.
        await using var stale = app.SystemDb();
        var refusal = await Assert.ThrowsAsync<PersonalDataKeyException>(() => PersonalDataRewriter.CheckKeysAsync(stale));
        Assert.Contains("密钥 2", refusal.Message, StringComparison.Ordinal);
        await using var audit = new PortalDbContext((DbContextOptions<PortalDbContext>)options.Options, new SystemScopeSource("test"));
        Assert.Equal("重新加密", (await audit.AuditLog.SingleAsync(a => a.Action == Domain.Common.AuditActions.RotatePersonalDataKey)).Detail![..4]);
    }
}

public sealed class PersonalDataKeyRotationTestsOnSqlite(SqliteOwnKeysAppFixture app) : PersonalDataKeyRotationTests(app), IClassFixture<SqliteOwnKeysAppFixture>;

public sealed class PersonalDataKeyRotationTestsOnPostgreSql(PostgreSqlOwnKeysAppFixture app) : PersonalDataKeyRotationTests(app), IClassFixture<PostgreSqlOwnKeysAppFixture>;
