using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Data;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Benefits;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Features.Users;
using PovertyPortal.Web.Features.WorkTeams;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// Writes that belong together are committed together (issue 16, "Faults"): an account and its role, members and
/// their household's living count, a household and its pairings; and a benefit import never guesses a household.
/// </summary>
public abstract class AtomicWriteTests(PortalAppFixture app)
{
    private const string Password = "Qingshi-2026-xyz";

    private static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];

    private static T Get<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Makes a role unfindable by Identity (its normalized name changed) while the work runs.</summary>
    private async Task WithRoleBrokenAsync(string role, Func<Task> work)
    {
        await using var db = app.SystemDb();
        var normalized = role.ToUpperInvariant();
        await db.Roles.Where(r => r.Name == role).ExecuteUpdateAsync(s => s.SetProperty(r => r.NormalizedName, "BROKEN-" + normalized));
        try
        {
            await work();
        }
        finally
        {
            await db.Roles.Where(r => r.Name == role).ExecuteUpdateAsync(s => s.SetProperty(r => r.NormalizedName, normalized));
        }
    }

    [Fact]
    public async Task An_account_whose_role_cannot_be_given_is_neither_created_nor_changed()
    {
        await using var db = app.SystemDb();
        var leader = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "leader");
        await using var scope = await app.ScopeForAsync("county");
        var save = Get<SaveUser>(scope);

        var existingName = UniqueName("zhou");
        var created = await save.HandleAsync(new SaveUser.Command
        {
            UserName = existingName, DisplayName = "周小平", Role = PortalRoles.TownshipOfficial,
            CountyId = leader.CountyId, TownshipId = leader.TownshipId, InitialPassword = Password,
        });
        Assert.True(created.Succeeded, created.Outcome.Summary);

        var newName = UniqueName("liu");
        await WithRoleBrokenAsync(PortalRoles.WorkTeamLeader, async () =>
        {
            await Assert.ThrowsAnyAsync<InvalidOperationException>(() => save.HandleAsync(new SaveUser.Command
            {
                UserName = newName, DisplayName = "刘新", Role = PortalRoles.WorkTeamLeader,
                CountyId = leader.CountyId, TownshipId = leader.TownshipId, VillageId = leader.VillageId, InitialPassword = Password,
            }));
            await Assert.ThrowsAnyAsync<InvalidOperationException>(() => save.HandleAsync(new SaveUser.Command
            {
                Id = created.Value, UserName = existingName, DisplayName = "周小平", Role = PortalRoles.WorkTeamLeader,
                CountyId = leader.CountyId, TownshipId = leader.TownshipId, VillageId = leader.VillageId,
            }));
        });

        Assert.False(await db.Users.AnyAsync(u => u.UserName == newName));
        var kept = await db.Users.AsNoTracking().SingleAsync(u => u.Id == created.Value);
        Assert.Null(kept.VillageId);
        var roles = await db.UserRoles.Where(r => r.UserId == created.Value).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([PortalRoles.TownshipOfficial], roles);
        Assert.False(await db.AuditLog.AnyAsync(a => a.RecordId == created.Value && a.Action == Domain.Common.AuditActions.UserUpdated));
    }

    /// <summary>Fails the living-member recount that follows a save's writes.</summary>
    private sealed class FailRecount : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("\"LivingMembers\"", StringComparison.Ordinal) && command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException("recount failed (test)")
                : ValueTask.FromResult(result);
    }

    [Fact]
    public async Task A_member_marked_deceased_is_not_saved_when_the_living_count_cannot_follow()
    {
        int memberId, householdId, living;
        await using (var db = app.SystemDb())
        {
            var member = await db.Members.AsNoTracking().Where(m => !m.IsDeceased).OrderBy(m => m.Id).Skip(3).FirstAsync();
            (memberId, householdId) = (member.Id, member.HouseholdId);
            living = await db.Households.Where(h => h.Id == householdId).Select(h => h.LivingMembers).SingleAsync();
        }

        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, app.Provider, app.ConnectionString, app.Cipher)
            .AddInterceptors(DatabaseServiceCollectionExtensions.Interceptors(TimeProvider.System))
            .AddInterceptors(new FailRecount());
        await using (var faulty = new PortalDbContext(options.Options, new SystemScopeSource("test")))
        {
            var member = await faulty.Members.SingleAsync(m => m.Id == memberId);
            member.IsDeceased = true;
            await Assert.ThrowsAsync<InvalidOperationException>(() => faulty.SaveChangesAsync());
        }

        await using var check = app.SystemDb();
        Assert.False(await check.Members.Where(m => m.Id == memberId).Select(m => m.IsDeceased).SingleAsync());
        Assert.Equal(living, await check.Households.Where(h => h.Id == householdId).Select(h => h.LivingMembers).SingleAsync());
        Assert.Equal(living, await check.Members.CountAsync(m => m.HouseholdId == householdId && !m.IsDeceased));
    }

    [Fact]
    public async Task A_moved_household_takes_its_pairings_along_and_leaves_its_visits_with_the_old_villages_logs()
    {
        int from, to;
        await using (var db = app.SystemDb())
        {
            var leader = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "leader");
            from = leader.VillageId!.Value;
            to = await db.Villages.Where(v => v.TownshipId == leader.TownshipId && v.Id != from).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        }

        int householdId;
        await using (var township = await app.ScopeForAsync("township"))
        {
            var household = await Get<SaveHousehold>(township).HandleAsync(new SaveHousehold.Command
            {
                VillageId = from, HouseholdNumber = $"MV{Environment.TickCount64 % 1000000:000000}", Category = PovertyCategory.General,
                PrimaryCause = PovertyCause.Illness, IdentificationYear = 2016, Status = HouseholdStatus.Identified, LoadedAt = DateTimeOffset.UtcNow,
            });
            Assert.True(household.Succeeded, household.Outcome.Summary);
            householdId = household.Value;
        }

        int pairingId, logId;
        await using (var leader = await app.ScopeForAsync("leader"))
        {
            var pairing = await Get<SavePairing>(leader).HandleAsync(new SavePairing.Command
            {
                VillageId = from, HouseholdId = householdId, CadreName = "孙立新", CadreUnit = "县农业农村局",
                CadreResidentId = ResidentId.Create("421129", new DateOnly(1980, 5, 6), Random.Shared.Next(500, 999), Gender.Male).Value,
                StartDate = new DateTime(2020, 3, 1),
            });
            Assert.True(pairing.Succeeded, pairing.Outcome.Summary);
            pairingId = pairing.Value;
            var plan = await Get<SaveAssistancePlan>(leader).HandleAsync(new SaveAssistancePlan.Command
            {
                PairingId = pairingId, Year = 2020, Measure = "协调公益性岗位一个", ResponsiblePerson = "孙立新",
            });
            Assert.True(plan.Succeeded, plan.Outcome.Summary);
            var log = await Get<SaveWorkLog>(leader).HandleAsync(new SaveWorkLog.Command
            {
                VillageId = from, Date = new DateTime(2020, 4, 8), Type = WorkLogType.HouseholdVisit, Participants = "陈志刚",
                Summary = "入户核实务工收入", HouseholdIds = [householdId],
            });
            Assert.True(log.Succeeded, log.Outcome.Summary);
            logId = log.Value;
        }
        var visitsBefore = await VisitsAsync(from);

        await using (var township = await app.ScopeForAsync("township"))
        {
            var loaded = (await Get<GetHousehold>(township).HandleAsync(householdId, TimeProvider.System))!;
            var move = SaveHousehold.Command.From(loaded.Household, loaded.LoadedAt);
            move.VillageId = to;
            var moved = await Get<SaveHousehold>(township).HandleAsync(move);
            Assert.True(moved.Succeeded, moved.Outcome.Summary);
            Assert.Contains(await Get<ListPairings>(township).HandleAsync(to), p => p.Id == pairingId && p.Plans.Count == 1);
        }

        await using (var db = app.SystemDb())
        {
            var pairing = await db.Pairings.AsNoTracking().Include(p => p.Plans).SingleAsync(p => p.Id == pairingId);
            Assert.Equal(to, pairing.VillageId);
            Assert.All(pairing.Plans, p => Assert.Equal(to, p.VillageId));
        }

        await using (var leader = await app.ScopeForAsync("leader"))
        {
            // The old village's list no longer holds a pairing of a household it cannot see.
            Assert.DoesNotContain(await Get<ListPairings>(leader).HandleAsync(from), p => p.Id == pairingId);
            // The old team's visit stays its work, also after the log is edited from a form that no longer offers the household.
            var row = (await Get<ListWorkLogs>(leader).HandleAsync(from, 2020, WorkLogType.HouseholdVisit)).Single(l => l.Id == logId);
            var edited = await Get<SaveWorkLog>(leader).HandleAsync(new SaveWorkLog.Command
            {
                Id = logId, Version = row.Version, VillageId = from, Date = new DateTime(2020, 4, 8), Type = WorkLogType.HouseholdVisit, Participants = "陈志刚、吴晓燕",
                Summary = "入户核实务工收入", HouseholdIds = [.. row.Households.Select(h => h.Id)],
            });
            Assert.True(edited.Succeeded, edited.Outcome.Summary);
        }
        Assert.Equal(visitsBefore, await VisitsAsync(from));
        await using (var db = app.SystemDb())
        {
            Assert.True(await db.WorkLogHouseholds.AnyAsync(h => h.WorkLogId == logId && h.HouseholdId == householdId && h.VillageId == from));
        }
    }

    private async Task<int> VisitsAsync(int villageId)
    {
        await using var leader = await app.ScopeForAsync("leader");
        return (await Get<CountWorkLogs>(leader).HandleAsync(villageId, 2020)).Sum(c => c.HouseholdsVisited);
    }

    [Fact]
    public async Task A_benefit_import_over_several_counties_refuses_a_household_number_found_in_two_of_them()
    {
        string number;
        int otherCounty;
        await using (var db = app.SystemDb())
        {
            number = await db.Households.OrderBy(h => h.Id).Select(h => h.HouseholdNumber).FirstAsync();
            var code = $"8{Random.Shared.Next(10000, 99999)}";
            var county = new County { AdminCode = $"{code}000000", Name = "邻县" };
            var township = new Township { AdminCode = $"{code}101000", Name = "邻县镇" };
            var village = new Village { AdminCode = $"{code}101201", Name = "邻县村", County = county };
            township.Villages.Add(village);
            county.Townships.Add(township);
            db.Counties.Add(county);
            await db.SaveChangesAsync();
            otherCounty = county.Id;
            db.Households.Add(new Household
            {
                HouseholdNumber = number, CountyId = county.Id, TownshipId = township.Id, VillageId = village.Id,
                Category = PovertyCategory.General, PrimaryCause = PovertyCause.Illness, IdentificationYear = 2016, Status = HouseholdStatus.Identified,
            });
            await db.SaveChangesAsync();
        }
        await using var check = app.SystemDb();
        try
        {
            var before = await check.BenefitRecords.CountAsync();
            await using var admin = await app.ScopeForAsync("admin");
            var sheet = await BenefitFileReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(
                $"户编号,证件号码,项目,年度,金额,数量,单位,发放日期,备注\n{number},,低保,2022,100,,,,")), "benefits.csv");
            var result = await Get<ImportBenefits>(admin).RunAsync(sheet, "benefits.csv", dryRun: false);

            Assert.False(result.Written);
            Assert.Contains(result.Errors, e => e.ToString().Contains("多个县（市、区）都有这个户编号", StringComparison.Ordinal));
            Assert.Equal(before, await check.BenefitRecords.CountAsync());
        }
        finally
        {
            // The other tests of this portal count one county's households.
            await check.Households.Where(h => h.HouseholdNumber == number && h.CountyId == otherCounty).ExecuteDeleteAsync();
        }
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class AtomicWriteTestsOnSqlite(SqliteAppFixture app) : AtomicWriteTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class AtomicWriteTestsOnPostgreSql(PostgreSqlAppFixture app) : AtomicWriteTests(app);
