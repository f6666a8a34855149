using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.IntegrationTests;

/// <summary>The register's handlers: validation, one head, one ID per county, conflicts, history, and scope for each.</summary>
public abstract class HouseholdTests(PortalAppFixture app)
{
    private static int counter;

    private async Task<(int Own, int Other)> VillagesAsync()
    {
        await using var db = app.SystemDb();
        var township = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var own = await db.Villages.Where(v => v.TownshipId == township).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        var other = await db.Villages.Where(v => v.TownshipId != township).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        return (own, other);
    }

    private static string NewNumber() => $"T{Environment.TickCount64 % 100000:00000}{Interlocked.Increment(ref counter):000}";

    private static string NewResidentId(Gender gender, DateOnly birth) =>
        ResidentId.Create("421129", birth, Random.Shared.Next(500, 999), gender).Value;

    private static SaveHousehold.Command NewHousehold(int villageId) => new()
    {
        VillageId = villageId, HouseholdNumber = NewNumber(), Category = PovertyCategory.General,
        PrimaryCause = PovertyCause.Illness, IdentificationYear = 2016, Status = HouseholdStatus.Identified,
        Phone = "13807131234", LoadedAt = DateTimeOffset.UtcNow,
    };

    private static SaveMember.Command Member(int householdId, Relationship relationship, Gender gender, DateOnly birth, string? id = null) => new()
    {
        HouseholdId = householdId, Name = relationship == Relationship.Head ? "张大山" : "李小梅", Relationship = relationship,
        Gender = gender, BirthDate = birth.ToDateTime(TimeOnly.MinValue), ResidentId = id ?? NewResidentId(gender, birth),
        LoadedAt = DateTimeOffset.UtcNow,
    };

    private async Task<int> CreateHouseholdWithHeadAsync(string user, int villageId)
    {
        await using var scope = await app.ScopeForAsync(user);
        var saved = await scope.ServiceProvider.GetRequiredService<SaveHousehold>().HandleAsync(NewHousehold(villageId));
        Assert.True(saved.Succeeded, saved.Outcome.Summary);
        // A random birth date as well as a random sequence: tests create many heads, and IDs must not collide.
        var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20_000));
        var head = await scope.ServiceProvider.GetRequiredService<SaveMember>()
            .HandleAsync(Member(saved.Value, Relationship.Head, Gender.Male, birth));
        Assert.True(head.Succeeded, head.Outcome.Summary);
        return saved.Value;
    }

    [Fact]
    public async Task A_township_official_registers_a_household_with_its_head_and_the_status_history_starts()
    {
        var (own, _) = await VillagesAsync();
        var id = await CreateHouseholdWithHeadAsync("township", own);
        await using var db = app.SystemDb();
        var household = await db.Households.Include(h => h.Members).Include(h => h.StatusHistory).SingleAsync(h => h.Id == id);
        Assert.Single(household.Members);
        Assert.Equal(Relationship.Head, household.Members[0].Relationship);
        Assert.Equal(household.Members[0].ResidentId[^4..], household.Members[0].ResidentIdTail);
        var step = Assert.Single(household.StatusHistory);
        Assert.Equal((HouseholdStatus.Identified, 2016), (step.Status, step.Year));
        Assert.Equal(household.TownshipId, step.TownshipId);
    }

    [Fact]
    public async Task Each_ID_rule_is_refused_with_its_own_message_and_nothing_is_written()
    {
        var (own, _) = await VillagesAsync();
        var id = await CreateHouseholdWithHeadAsync("township", own);
        await using var scope = await app.ScopeForAsync("township");
        var handler = scope.ServiceProvider.GetRequiredService<SaveMember>();
        var birth = new DateOnly(1995, 2, 28);
        var valid = NewResidentId(Gender.Female, birth);
        var cases = new Dictionary<string, string>
        {
            [valid[..17]] = "应为18位",
            [valid[..16] + "A" + valid[17]] = "不是数字",
            [valid[..6] + "19950230" + valid[14..]] = "不是有效日期",
            [valid[..17] + (valid[17] == '0' ? '1' : '0')] = "校验码错误",
        };
        foreach (var (bad, message) in cases)
        {
            var result = await handler.HandleAsync(Member(id, Relationship.Spouse, Gender.Female, birth, bad));
            Assert.Contains(message, result.Outcome[nameof(SaveMember.Command.ResidentId)]);
        }
        var wrongBirth = await handler.HandleAsync(Member(id, Relationship.Spouse, Gender.Female, birth.AddDays(1), valid));
        // The ID's own date is not quoted: beside a masked ID it would give back the hidden digits.
        Assert.Contains("出生日期与公民身份号码第7至14位的出生日期不一致", wrongBirth.Outcome[nameof(SaveMember.Command.BirthDate)]);
        var wrongGender = await handler.HandleAsync(Member(id, Relationship.Spouse, Gender.Male, birth, valid));
        Assert.Contains("性别与公民身份号码第17位不一致", wrongGender.Outcome[nameof(SaveMember.Command.Gender)]);

        await using var db = app.SystemDb();
        Assert.Equal(1, await db.Members.CountAsync(m => m.HouseholdId == id));
    }

    [Fact]
    public async Task A_household_has_exactly_one_head()
    {
        var (own, _) = await VillagesAsync();
        await using var scope = await app.ScopeForAsync("township");
        var saved = await scope.ServiceProvider.GetRequiredService<SaveHousehold>().HandleAsync(NewHousehold(own));
        var members = scope.ServiceProvider.GetRequiredService<SaveMember>();

        var spouseFirst = await members.HandleAsync(Member(saved.Value, Relationship.Spouse, Gender.Female, new DateOnly(1970, 1, 1)));
        Assert.Contains("请先登记户主", spouseFirst.Outcome[nameof(SaveMember.Command.Relationship)]);

        Assert.True((await members.HandleAsync(Member(saved.Value, Relationship.Head, Gender.Male, new DateOnly(1969, 3, 3)))).Succeeded);
        var secondHead = await members.HandleAsync(Member(saved.Value, Relationship.Head, Gender.Female, new DateOnly(1971, 4, 4)));
        Assert.Contains("该户已有户主（张大山）", secondHead.Outcome[nameof(SaveMember.Command.Relationship)]);
    }

    [Fact]
    public async Task An_ID_registered_in_another_township_is_refused_without_naming_that_household_which_only_a_user_over_both_is_told()
    {
        var (own, other) = await VillagesAsync();
        await using var db = app.SystemDb();
        var foreign = await db.Members.Include(m => m.Household).FirstAsync(m => m.VillageId == other && !m.IsDeceased);

        var id = await CreateHouseholdWithHeadAsync("township", own);
        var command = Member(id, Relationship.Son, foreign.Gender, foreign.BirthDate, foreign.ResidentId);
        await using (var scope = await app.ScopeForAsync("township"))
        {
            var result = await scope.ServiceProvider.GetRequiredService<SaveMember>().HandleAsync(command);
            var message = result.Outcome[nameof(SaveMember.Command.ResidentId)];
            Assert.Equal(ElsewhereInCounty.ResidentId, message);
            Assert.DoesNotContain(foreign.Household!.HouseholdNumber, message, StringComparison.Ordinal);
        }
        await using (var scope = await app.ScopeForAsync("county"))
        {
            var result = await scope.ServiceProvider.GetRequiredService<SaveMember>().HandleAsync(command);
            Assert.Equal($"该公民身份号码已登记在户编号为“{foreign.Household!.HouseholdNumber}”的家庭中，同一人不能重复登记",
                result.Outcome[nameof(SaveMember.Command.ResidentId)]);
        }
    }

    [Fact]
    public async Task A_second_save_from_an_old_form_is_a_conflict_that_names_the_change_and_loses_nothing()
    {
        var (own, _) = await VillagesAsync();
        var id = await CreateHouseholdWithHeadAsync("township", own);
        await using var scope = await app.ScopeForAsync("township");
        var get = scope.ServiceProvider.GetRequiredService<GetHousehold>();
        var save = scope.ServiceProvider.GetRequiredService<SaveHousehold>();
        var loaded = (await get.HandleAsync(id, TimeProvider.System))!;
        await Task.Delay(20);

        var first = SaveHousehold.Command.From(loaded.Household, loaded.LoadedAt);
        first.Address = "第三村民小组12号";
        Assert.True((await save.HandleAsync(first)).Succeeded);

        var second = SaveHousehold.Command.From(loaded.Household, loaded.LoadedAt);
        second.Category = PovertyCategory.Dibao;
        var conflict = await save.HandleAsync(second);
        Assert.False(conflict.Succeeded);
        Assert.Contains("已被他人修改", conflict.Outcome.Summary);
        Assert.Contains("“住址”由“空”改为“第三村民小组12号”", conflict.Outcome.Summary);

        await using var db = app.SystemDb();
        var stored = await db.Households.SingleAsync(h => h.Id == id);
        Assert.Equal(("第三村民小组12号", PovertyCategory.General), (stored.Address, stored.Category));
    }

    [Fact]
    public async Task A_removed_households_form_saves_unchanged_and_keeps_its_reason()
    {
        var (own, _) = await VillagesAsync();
        var id = await CreateHouseholdWithHeadAsync("township", own);
        await using var scope = await app.ScopeForAsync("township");
        var get = scope.ServiceProvider.GetRequiredService<GetHousehold>();
        var save = scope.ServiceProvider.GetRequiredService<SaveHousehold>();
        var removal = SaveHousehold.Command.From((await get.HandleAsync(id, TimeProvider.System))!.Household, DateTimeOffset.UtcNow);
        (removal.Status, removal.RemovalReason) = (HouseholdStatus.Removed, "  识别不精准，家庭收入超标 ");
        // The form does not remove a household: a 清退 procedure does (decision 0031). Here it is written as one would.
        Assert.Equal(SaveHousehold.StandingByProcedure, (await save.HandleAsync(removal)).Outcome.Summary);
        await using (var system = app.SystemDb())
        {
            var household = await system.Households.SingleAsync(h => h.Id == id);
            household.Status = HouseholdStatus.Removed;
            household.AddStatusStep(new DateOnly(2025, 3, 1), removal.RemovalReason);
            await system.SaveChangesAsync();
        }

        // Opened again and saved with only the address changed: the reason comes with the form, no new step is added.
        var loaded = (await get.HandleAsync(id, TimeProvider.System))!;
        var edit = SaveHousehold.Command.From(loaded.Household, loaded.LoadedAt);
        Assert.Equal("识别不精准，家庭收入超标", edit.RemovalReason);
        edit.Address = "第二村民小组8号";
        var saved = await save.HandleAsync(edit);
        Assert.True(saved.Succeeded, saved.Outcome.Summary);

        await using var db = app.SystemDb();
        var steps = await db.HouseholdStatusChanges.Where(s => s.HouseholdId == id).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal([HouseholdStatus.Identified, HouseholdStatus.Removed], steps.Select(s => s.Status));
        Assert.Equal("识别不精准，家庭收入超标", steps[1].Reason);
    }

    [Fact]
    public async Task Changes_are_recorded_field_by_field_with_personal_data_masked()
    {
        var (own, _) = await VillagesAsync();
        var id = await CreateHouseholdWithHeadAsync("township", own);
        await using var scope = await app.ScopeForAsync("township");
        var loaded = (await scope.ServiceProvider.GetRequiredService<GetHousehold>().HandleAsync(id, TimeProvider.System))!;
        var command = SaveHousehold.Command.From(loaded.Household, loaded.LoadedAt);
        command.Category = PovertyCategory.Dibao;
        command.Phone = "13907135678";
        Assert.True((await scope.ServiceProvider.GetRequiredService<SaveHousehold>().HandleAsync(command)).Succeeded);

        var history = (await scope.ServiceProvider.GetRequiredService<GetHousehold>().HandleAsync(id, TimeProvider.System))!;
        Assert.Contains(history.Changes, c => c.Field == nameof(Domain.Households.Household.Category) && c.OldValue == "一般贫困户" && c.NewValue == "低保贫困户" && c.UserName == "township");
        Assert.Contains(history.Changes, c => c.Field == nameof(Domain.Households.Household.Phone) && c.OldValue == "138****1234" && c.NewValue == "139****5678");
        Assert.DoesNotContain("13907135678", history.Changes.Select(c => c.NewValue));
        Assert.Null(history.Household.Phone);
        Assert.All(history.Members, m => Assert.Contains("********", m.Member.ResidentId));
    }

    [Fact]
    public async Task Moving_a_household_to_another_village_moves_its_members_and_history_with_it()
    {
        await using var db = app.SystemDb();
        var township = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var villages = await db.Villages.Where(v => v.TownshipId == township).OrderBy(v => v.Id).Select(v => v.Id).Take(2).ToListAsync();
        var id = await CreateHouseholdWithHeadAsync("township", villages[0]);

        await using var scope = await app.ScopeForAsync("township");
        var loaded = (await scope.ServiceProvider.GetRequiredService<GetHousehold>().HandleAsync(id, TimeProvider.System))!;
        var command = SaveHousehold.Command.From(loaded.Household, loaded.LoadedAt);
        command.VillageId = villages[1];
        command.VillageGroupId = null;
        var saved = await scope.ServiceProvider.GetRequiredService<SaveHousehold>().HandleAsync(command);
        Assert.True(saved.Succeeded, saved.Outcome.Summary);

        Assert.All(await db.Members.AsNoTracking().Where(m => m.HouseholdId == id).ToListAsync(), m => Assert.Equal(villages[1], m.VillageId));
        Assert.All(await db.HouseholdStatusChanges.AsNoTracking().Where(s => s.HouseholdId == id).ToListAsync(), s => Assert.Equal(villages[1], s.VillageId));
    }

    [Fact]
    public async Task Revealing_an_ID_is_allowed_to_the_right_roles_and_audited()
    {
        var (own, _) = await VillagesAsync();
        var id = await CreateHouseholdWithHeadAsync("township", own);
        await using var db = app.SystemDb();
        var member = await db.Members.SingleAsync(m => m.HouseholdId == id);

        await using (var scope = await app.ScopeForAsync("township"))
        {
            var revealed = await scope.ServiceProvider.GetRequiredService<RevealPersonalData>().ResidentIdAsync(member.Id);
            Assert.Equal(member.ResidentId, revealed.Value);
        }
        await using (var scope = await app.ScopeForAsync("admin"))
        {
            Assert.False((await scope.ServiceProvider.GetRequiredService<RevealPersonalData>().ResidentIdAsync(member.Id)).Succeeded);
        }
        var entry = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.RevealResidentId && a.RecordId == member.Id.ToString());
        Assert.Equal("township", entry.UserName);
        Assert.DoesNotContain(member.ResidentId, entry.Detail ?? "");
    }

    [Fact]
    public async Task Another_townships_households_cannot_be_listed_opened_edited_revealed_or_added_to()
    {
        var (_, other) = await VillagesAsync();
        var foreignId = await CreateHouseholdWithHeadAsync("county", other);
        await using var db = app.SystemDb();
        var foreignMember = await db.Members.SingleAsync(m => m.HouseholdId == foreignId);
        var number = await db.Households.Where(h => h.Id == foreignId).Select(h => h.HouseholdNumber).SingleAsync();

        await using var scope = await app.ScopeForAsync("township");
        var services = scope.ServiceProvider;
        var list = await services.GetRequiredService<ListHouseholds>().HandleAsync(new ListHouseholds.Query { Text = number });
        Assert.Equal(0, list.TotalCount);
        Assert.Equal(0, (await services.GetRequiredService<ListHouseholds>().HandleAsync(new ListHouseholds.Query { VillageId = other })).TotalCount);
        Assert.Null(await services.GetRequiredService<GetHousehold>().HandleAsync(foreignId, TimeProvider.System));

        var edit = NewHousehold(other);
        edit.Id = foreignId;
        Assert.False((await services.GetRequiredService<SaveHousehold>().HandleAsync(edit)).Succeeded);
        Assert.False((await services.GetRequiredService<SaveHousehold>().HandleAsync(NewHousehold(other))).Succeeded);
        Assert.False((await services.GetRequiredService<SaveMember>().HandleAsync(
            Member(foreignId, Relationship.Son, Gender.Male, new DateOnly(2001, 1, 1)))).Succeeded);
        Assert.False((await services.GetRequiredService<RevealPersonalData>().ResidentIdAsync(foreignMember.Id)).Succeeded);
        Assert.False((await services.GetRequiredService<RevealPersonalData>().PhoneAsync(foreignId)).Succeeded);

        Assert.Equal(1, await db.Members.CountAsync(m => m.HouseholdId == foreignId));
    }

    [Fact]
    public async Task The_list_filters_pages_sorts_and_finds_by_name_number_and_ID_tail()
    {
        await using var db = app.SystemDb();
        var township = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        var visible = await db.Households.CountAsync(h => h.TownshipId == township);
        var sample = await db.Members.Include(m => m.Household).FirstAsync(m => m.TownshipId == township && m.Relationship == Relationship.Head);

        await using var scope = await app.ScopeForAsync("township");
        var list = scope.ServiceProvider.GetRequiredService<ListHouseholds>();
        var all = await list.HandleAsync(new ListHouseholds.Query { PageSize = 10 });
        Assert.Equal(visible, all.TotalCount);
        Assert.Equal(10, all.Rows.Count);
        Assert.Equal(all.Rows.Select(r => r.HouseholdNumber).Order(StringComparer.Ordinal), all.Rows.Select(r => r.HouseholdNumber));
        Assert.All(all.Rows, r => Assert.Contains("********", r.HeadResidentIdMasked ?? "********"));

        var exited = await list.HandleAsync(new ListHouseholds.Query { Status = HouseholdStatus.Exited, PageSize = 200 });
        Assert.All(exited.Rows, r => Assert.Equal(HouseholdStatus.Exited, r.Status));
        Assert.Equal(await db.Households.CountAsync(h => h.TownshipId == township && h.Status == HouseholdStatus.Exited), exited.TotalCount);

        Assert.Contains((await list.HandleAsync(new ListHouseholds.Query { Text = sample.Name })).Rows, r => r.Id == sample.HouseholdId);
        Assert.Contains((await list.HandleAsync(new ListHouseholds.Query { Text = sample.ResidentId[^4..].ToLowerInvariant() })).Rows, r => r.Id == sample.HouseholdId);
        Assert.Contains((await list.HandleAsync(new ListHouseholds.Query { Text = sample.Household!.HouseholdNumber })).Rows, r => r.Id == sample.HouseholdId);

        var byExitYearDesc = await list.HandleAsync(new ListHouseholds.Query { Sort = ListHouseholds.SortField.ExitYear, Descending = true, PageSize = 50 });
        var years = byExitYearDesc.Rows.Select(r => r.ExitYear ?? int.MinValue).ToList();
        Assert.Equal(years.OrderDescending(), years);
        Assert.NotNull(byExitYearDesc.Rows[0].ExitYear);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class HouseholdTestsOnSqlite(SqliteAppFixture app) : HouseholdTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class HouseholdTestsOnPostgreSql(PostgreSqlAppFixture app) : HouseholdTests(app);
