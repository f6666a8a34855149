using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Income;
using PovertyPortal.Web.Features.Villages;
using PovertyPortal.Web.Features.WorkTeams;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// Lost updates (issue 16): two forms opened on the same record; the first save wins, the second is refused with the
/// households' conflict message and changes nothing.
/// </summary>
public abstract class LostUpdateTests(PortalAppFixture app)
{
    private static T Get<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private static void AssertRefused(CommandResult<int> second, string what)
    {
        Assert.False(second.Succeeded);
        Assert.Equal(RecordVersion.Conflict(what).Summary, second.Outcome.Summary);
        Assert.Contains("您填写的内容仍保留在表单中", second.Outcome.Summary, StringComparison.Ordinal);
    }

    private async Task<int> LizhiwanAsync()
    {
        await using var db = app.SystemDb();
        return await db.Users.Where(u => u.UserName == "leader").Select(u => u.VillageId!.Value).SingleAsync();
    }

    [Fact]
    public async Task A_work_log_saved_from_a_form_opened_before_anothers_save_is_refused()
    {
        var village = await LizhiwanAsync();
        await using var scope = await app.ScopeForAsync("leader");
        var save = Get<SaveWorkLog>(scope);
        var created = await save.HandleAsync(new SaveWorkLog.Command
        {
            VillageId = village, Date = new DateTime(2020, 9, 14), Type = WorkLogType.PolicyPublicity, Summary = "宣讲教育扶贫政策",
        });
        Assert.True(created.Succeeded, created.Outcome.Summary);
        var row = (await Get<ListWorkLogs>(scope).HandleAsync(village, 2020, WorkLogType.PolicyPublicity)).Single(l => l.Id == created.Value);
        SaveWorkLog.Command Form(string summary) => new()
        {
            Id = row.Id, Version = row.Version, VillageId = village, Date = new DateTime(2020, 9, 14), Type = row.Type, Summary = summary,
        };

        Assert.True((await save.HandleAsync(Form("宣讲教育扶贫政策（第一人）"))).Succeeded);
        AssertRefused(await save.HandleAsync(Form("宣讲教育扶贫政策（第二人）")), "该工作日志");

        await using var db = app.SystemDb();
        Assert.Equal("宣讲教育扶贫政策（第一人）", await db.WorkLogs.Where(l => l.Id == row.Id).Select(l => l.Summary).SingleAsync());
    }

    [Fact]
    public async Task An_income_year_and_a_village_profile_keep_the_first_of_two_saves()
    {
        var village = await LizhiwanAsync();
        int householdId;
        await using (var db = app.SystemDb())
        {
            householdId = await db.Households.Where(h => h.VillageId == village && h.LivingMembers > 0).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        }
        await using var scope = await app.ScopeForAsync("township");
        var saveIncome = Get<SaveIncomeRecord>(scope);
        var first = new SaveIncomeRecord.Command
        {
            HouseholdId = householdId, Year = 2024, WageIncome = 30_000, OperatingIncome = 0, PropertyIncome = 0, TransferIncome = 0, ProductionCosts = 0,
        };
        Assert.True((await saveIncome.HandleAsync(first)).Succeeded);
        SaveIncomeRecord.Command a, b;
        await using (var db = app.SystemDb())
        {
            var record = await db.IncomeRecords.AsNoTracking().SingleAsync(r => r.HouseholdId == householdId && r.Year == 2024);
            (a, b) = (SaveIncomeRecord.Command.From(record), SaveIncomeRecord.Command.From(record));
        }
        (a.WageIncome, b.WageIncome) = (31_000, 32_000);
        Assert.True((await saveIncome.HandleAsync(a)).Succeeded);
        AssertRefused(await saveIncome.HandleAsync(b), "该户这一年度的收入");

        await using var leader = await app.ScopeForAsync("leader");
        var saveProfile = Get<SaveVillageProfile>(leader);
        SaveVillageProfile.Command p1, p2;
        string? original;
        await using (var db = app.SystemDb())
        {
            var profile = await db.VillageProfiles.AsNoTracking().Where(p => p.VillageId == village).OrderBy(p => p.Year).FirstAsync();
            (p1, p2) = (SaveVillageProfile.Command.From(profile), SaveVillageProfile.Command.From(profile));
            original = profile.Description;
        }
        p1.Description = "第一人修改";
        p2.Description = "第二人修改";
        var saved = await saveProfile.HandleAsync(p1);
        Assert.True(saved.Succeeded, saved.Outcome.Summary);
        AssertRefused(await saveProfile.HandleAsync(p2), "该年度的村基本情况");

        await using var check = app.SystemDb();
        Assert.Equal(31_000m, await check.IncomeRecords.Where(r => r.HouseholdId == householdId && r.Year == 2024).Select(r => r.WageIncome).SingleAsync());
        var stored = await check.VillageProfiles.AsNoTracking().SingleAsync(p => p.Id == p1.Id);
        Assert.Equal("第一人修改", stored.Description);

        // Put the demo's profile back, for the other tests of this portal, from a fresh form.
        var restore = SaveVillageProfile.Command.From(stored);
        restore.Description = original;
        Assert.True((await saveProfile.HandleAsync(restore)).Succeeded);
    }

    [Fact]
    public async Task A_team_member_edited_in_two_forms_keeps_the_first_save()
    {
        var village = await LizhiwanAsync();
        await using var scope = await app.ScopeForAsync("leader");
        var team = (await Get<ListWorkTeams>(scope).HandleAsync(village))!.Teams.OrderBy(t => t.StartDate).Last();
        var member = team.Members.First(m => m.UserId is null);
        var (a, b) = (SaveWorkTeamMember.Command.From(member), SaveWorkTeamMember.Command.From(member));
        (a.Unit, b.Unit) = ("县农业农村局（一）", "县农业农村局（二）");

        Assert.True((await Get<SaveWorkTeamMember>(scope).HandleAsync(a)).Succeeded);
        AssertRefused(await Get<SaveWorkTeamMember>(scope).HandleAsync(b), "该队员");

        // Put back as it was, for the other tests of this portal, from a fresh form.
        var fresh = (await Get<ListWorkTeams>(scope).HandleAsync(village))!.Teams.SelectMany(t => t.Members).Single(m => m.Id == member.Id);
        var restore = SaveWorkTeamMember.Command.From(fresh);
        restore.Unit = member.Unit;
        Assert.True((await Get<SaveWorkTeamMember>(scope).HandleAsync(restore)).Succeeded);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class LostUpdateTestsOnSqlite(SqliteAppFixture app) : LostUpdateTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class LostUpdateTestsOnPostgreSql(PostgreSqlAppFixture app) : LostUpdateTests(app);
