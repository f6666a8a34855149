using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.VillageWork;
using PovertyPortal.Web.Features.WorkTeams;
using PovertyPortal.Web.Identity;
using PovertyPortal.DemoData;

namespace PovertyPortal.IntegrationTests;

/// <summary>Work teams, 五天四夜 attendance, work logs and the village's work: handlers, the seed's figures, scope.</summary>
public abstract class WorkTeamTests(PortalAppFixture app)
{
    private const string Lizhiwan = "421129101201";

    private async Task<int> VillageAsync(string code = Lizhiwan)
    {
        await using var db = app.SystemDb();
        return await db.Villages.Where(v => v.AdminCode == code).Select(v => v.Id).SingleAsync();
    }

    private async Task<WorkTeam> CurrentTeamAsync()
    {
        var village = await VillageAsync();
        await using var db = app.SystemDb();
        return await db.WorkTeams.AsNoTracking().Include(t => t.Members).Where(t => t.VillageId == village).OrderBy(t => t.StartDate).LastAsync();
    }

    private static T Get<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private static RecordAttendanceWeek.Command Week(int teamId, DateTime monday, IEnumerable<int> members, int days = 5, int nights = 4) => new()
    {
        WorkTeamId = teamId, Monday = monday, MemberIds = members.ToList(),
        Days = Enumerable.Range(0, 7).Select(i => new RecordAttendanceWeek.DayEntry { Present = i < days, StayedNight = i < nights }).ToList(),
    };

    [Fact]
    public async Task The_seed_village_reproduces_the_reports_teams_attendance_work_and_income_for_2018()
    {
        var village = await VillageAsync();
        await using var scope = await app.ScopeForAsync("county");
        var summary = await Get<GetVillageWorkSummary>(scope).HandleAsync(village, 2018);
        Assert.NotNull(summary);

        // 二.2: two teams; the first until 22 March, the second from 23 March with four members.
        var teams = summary.Compliance.Teams;
        Assert.Equal(["石桥镇工商所", "石桥镇食品药品监管所"], teams.Select(t => t.DispatchingUnit));
        Assert.Equal(4, teams[1].Members.Count);
        // Team 1: 3 members × 11 whole weeks (1 Jan – 18 Mar), one short week each. Team 2: 4 members × 40 weeks
        // (26 Mar – 30 Dec; 31 Dec is 2019's week), three short weeks each.
        Assert.Equal(new ResidencyCompliance.Tally(33, 30), teams[0].Tally);
        Assert.Equal(new ResidencyCompliance.Tally(160, 148), teams[1].Tally);
        Assert.Equal(new ResidencyCompliance.Tally(193, 178), summary.Compliance.Village);

        // 四: the log counts of 2018 as seeded, by type.
        var expected = VillageWorkDemoSeeder.WorkLogCounts[2018];
        Assert.Equal(expected.Count, summary.WorkLogs.Count);
        foreach (var count in summary.WorkLogs) Assert.Equal(expected[count.Type], count.Logs);
        Assert.Equal("入户走访", summary.WorkLogs.Single(c => c.Type == WorkLogType.HouseholdVisit).Label);
        Assert.Equal(279, summary.WorkLogs.Single(c => c.Type == WorkLogType.HouseholdVisit).HouseholdsVisited); // 93 × 1 + 93 × 2

        // 五(1)(3): quantities of the completed projects up to the end of 2018.
        decimal Sum(ProjectType type, QuantityUnit? unit) => summary.Projects.Single(p => p.Type == type && p.Unit == unit).Quantity;
        Assert.Equal(7.8m, Sum(ProjectType.Road, QuantityUnit.Kilometre));
        Assert.Equal(5, Sum(ProjectType.Pond, QuantityUnit.Piece));
        Assert.Equal(1, Sum(ProjectType.Pond, QuantityUnit.Seat));
        Assert.Equal(5, Sum(ProjectType.PowerGrid, QuantityUnit.Set));
        Assert.Equal(1, Sum(ProjectType.Reservoir, QuantityUnit.Seat));
        Assert.Equal(3, Sum(ProjectType.Bridge, QuantityUnit.Seat));
        Assert.Equal(1500, Sum(ProjectType.CulturalSquare, QuantityUnit.SquareMetre));
        Assert.Equal(20, Sum(ProjectType.StreetLights, QuantityUnit.Lamp));
        Assert.Equal(150, Sum(ProjectType.SolarPlant, QuantityUnit.Kilowatt));
        Assert.Equal(500_000m, summary.Projects.Single(p => p.Type == ProjectType.SolarPlant).Investment);
        Assert.Equal(270, Sum(ProjectType.IndustryBase, QuantityUnit.Mu));
        Assert.Equal(2, summary.Projects.Single(p => p.Type == ProjectType.ResettlementSite).Projects);

        // 四.4: crops and livestock of 2018, 33 households in all.
        Assert.Equal("花生760亩、白前草23亩、油茶50亩、鸡2500只、猪58头、牛63头、羊100只",
            string.Join("、", summary.Industries.Select(i => $"{i.Name}{i.Quantity:0.##}{i.UnitLabel}")));
        Assert.Equal(33, summary.IndustryHouseholds);

        // 一 and 五(3): 光伏 5万余元, with the leases 60,000 元, the profile's figure, which meets the indicator.
        Assert.Equal(60_000m, summary.Income.Total);
        Assert.Equal(52_000m, summary.Income.Sources.Single(s => s.Source == "光伏").Amount);
        Assert.True(summary.Income.MeetsIndicator);
        var income2017 = await Get<GetVillageWorkSummary>(scope).HandleAsync(village, 2017);
        Assert.False(income2017!.Income.MeetsIndicator);

        var byVillage = await Get<ListCollectiveIncomeByVillage>(scope).HandleAsync(2018);
        Assert.True(byVillage.Single(r => r.VillageId == village).MeetsIndicator);
        Assert.All(byVillage.Where(r => r.VillageId != village), r => Assert.False(r.Entered));
    }

    [Fact]
    public async Task The_demo_leader_and_member_accounts_are_linked_to_the_current_teams_records()
    {
        var team = await CurrentTeamAsync();
        await using var db = app.SystemDb();
        var leader = await db.Users.SingleAsync(u => u.UserName == "leader");
        var member = await db.Users.SingleAsync(u => u.UserName == "member");
        Assert.Equal(WorkTeamRole.TeamLeader, team.Members.Single(m => m.UserId == leader.Id).Role);
        Assert.Equal(WorkTeamRole.TeamMember, team.Members.Single(m => m.UserId == member.Id).Role);
    }

    [Fact]
    public async Task A_leader_records_a_week_for_the_whole_team_and_the_compliance_rises()
    {
        var village = await VillageAsync();
        var team = await CurrentTeamAsync();
        await using var scope = await app.ScopeForAsync("leader");
        var before = (await Get<GetTeamCompliance>(scope).HandleAsync(village, 2019))!.Teams.Single(t => t.TeamId == team.Id).Tally;
        Assert.Equal(4 * 52, before.JudgedWeeks);

        var result = await Get<RecordAttendanceWeek>(scope).HandleAsync(Week(team.Id, new DateTime(2019, 3, 4), team.Members.Select(m => m.Id)));
        Assert.True(result.Succeeded, result.Summary);
        // Recording the same week again replaces it rather than adding to it.
        result = await Get<RecordAttendanceWeek>(scope).HandleAsync(Week(team.Id, new DateTime(2019, 3, 4), team.Members.Select(m => m.Id)));
        Assert.True(result.Succeeded, result.Summary);

        var after = (await Get<GetTeamCompliance>(scope).HandleAsync(village, 2019))!.Teams.Single(t => t.TeamId == team.Id).Tally;
        Assert.Equal(before.KeptWeeks + 4, after.KeptWeeks);
        await using var db = app.SystemDb();
        Assert.Equal(20, await db.AttendanceDays.CountAsync(a => a.WorkTeamId == team.Id && a.Date >= new DateOnly(2019, 3, 4) && a.Date <= new DateOnly(2019, 3, 10)));
        Assert.Equal("leader", (await db.AttendanceDays.FirstAsync(a => a.WorkTeamId == team.Id && a.Date == new DateOnly(2019, 3, 4))).CreatedBy);

        // A short week (3 days, 2 nights) corrects it, and the shortfall list names every member for that week.
        result = await Get<RecordAttendanceWeek>(scope).HandleAsync(Week(team.Id, new DateTime(2019, 3, 4), team.Members.Select(m => m.Id), 3, 2));
        Assert.True(result.Succeeded, result.Summary);
        // Issue 15: each rewrite of a stored week is audited per member, old → new.
        await using (var audit = app.SystemDb())
        {
            var rewrites = await audit.AuditLog.AsNoTracking()
                .Where(a => a.Action == AuditActions.AttendanceRewritten && a.UserName == "leader" && a.Target!.Contains("2019-03-04")).ToListAsync();
            Assert.Contains(rewrites, a => a.Detail == "在村 5 天 → 3 天；住村 4 夜 → 2 夜");
            Assert.All(team.Members, m => Assert.Contains(rewrites, a => a.RecordId == m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        await using var county = await app.ScopeForAsync("county");
        var shortfalls = await Get<ListAttendanceShortfalls>(county).HandleAsync(2019, 3);
        var week = shortfalls.Shortfalls.Where(s => s.Monday == new DateOnly(2019, 3, 4) && s.VillageId == village).ToList();
        Assert.Equal(4, week.Count);
        Assert.All(week, s => Assert.Equal((3, 2), (s.Days, s.Nights)));
    }

    [Fact]
    public async Task A_week_recorded_longer_ago_than_the_lock_is_changed_by_a_county_supervisor_only_and_the_rewrite_is_kept()
    {
        var team = await CurrentTeamAsync();
        var members = team.Members.Where(m => m.StartDate <= new DateOnly(2019, 6, 3) && (m.EndDate == null || m.EndDate >= new DateOnly(2019, 6, 9)))
            .Select(m => m.Id).ToList();
        await using var leader = await app.ScopeForAsync("leader");
        var recorded = await Get<RecordAttendanceWeek>(leader).HandleAsync(Week(team.Id, new DateTime(2019, 6, 3), members));
        Assert.True(recorded.Succeeded, recorded.Summary);

        // A month and a day after the week was recorded (Attendance:LockAfterDays, default 30).
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(31));
        RecordAttendanceWeek Later(AsyncServiceScope scope) => new(Get<IDbContextFactory<PortalDbContext>>(scope), Get<CurrentUser>(scope), later,
            Get<AuditLog>(scope), Get<IConfiguration>(scope));
        var refused = await Later(leader).HandleAsync(Week(team.Id, new DateTime(2019, 6, 3), members, 3, 2));
        Assert.Equal("2019-06-03 这一周的考勤登记已超过 30 天，已锁定：如需更改，请联系县级督导。", refused[nameof(RecordAttendanceWeek.Command.Monday)]);
        await using var db = app.SystemDb();
        var week = db.AttendanceDays.Where(a => a.WorkTeamId == team.Id && a.Date >= new DateOnly(2019, 6, 3) && a.Date <= new DateOnly(2019, 6, 9));
        Assert.Equal(5 * members.Count, await week.CountAsync());

        await using var county = await app.ScopeForAsync("county");
        var changed = await Later(county).HandleAsync(Week(team.Id, new DateTime(2019, 6, 3), members, 3, 2));
        Assert.True(changed.Succeeded, changed.Summary);
        Assert.Equal(3 * members.Count, await week.CountAsync());
        Assert.Equal(members.Count, await db.AuditLog.CountAsync(a => a.Action == AuditActions.AttendanceRewritten && a.UserName == "county"
            && a.Target!.Contains("2019-06-03") && a.Detail == "在村 5 天 → 3 天；住村 4 夜 → 2 夜"));
    }

    [Fact]
    public async Task A_team_member_records_only_their_own_attendance_and_never_outside_their_dates()
    {
        var team = await CurrentTeamAsync();
        await using var db = app.SystemDb();
        var memberUser = await db.Users.SingleAsync(u => u.UserName == "member");
        var own = team.Members.Single(m => m.UserId == memberUser.Id);
        var other = team.Members.First(m => m.Id != own.Id);
        await using var scope = await app.ScopeForAsync("member");
        var handler = Get<RecordAttendanceWeek>(scope);

        Assert.True((await handler.HandleAsync(Week(team.Id, new DateTime(2019, 4, 1), [own.Id]))).Succeeded);
        var refused = await handler.HandleAsync(Week(team.Id, new DateTime(2019, 4, 8), [own.Id, other.Id]));
        Assert.Equal("驻村工作队员只能登记本人的考勤", refused[nameof(RecordAttendanceWeek.Command.MemberIds)]);
        // The team came on Friday 23 March 2018: the Monday of that week is before the member's dates.
        var early = await handler.HandleAsync(Week(team.Id, new DateTime(2018, 3, 19), [own.Id]));
        Assert.StartsWith($"{own.Name}在2018-03-19不在驻村期间内", early[nameof(RecordAttendanceWeek.Command.Days)]);
        Assert.False(await db.AttendanceDays.AnyAsync(a => a.WorkTeamMemberId == own.Id && a.Date == new DateOnly(2018, 3, 19)));
    }

    [Fact]
    public async Task Team_dates_and_leaders_are_checked_and_a_handover_allows_an_overlap_of_leaders()
    {
        var village = await VillageAsync("421129101202"); // 石桥村: one team, from the seed
        await using var scope = await app.ScopeForAsync("township");
        var saveTeam = Get<SaveWorkTeam>(scope);
        var saveMember = Get<SaveWorkTeamMember>(scope);
        var existing = (await Get<ListWorkTeams>(scope).HandleAsync(village))!.Teams.Single();
        var oldLeader = existing.Members.Single(m => m.Role == WorkTeamRole.TeamLeader);

        var backwards = await saveTeam.HandleAsync(new SaveWorkTeam.Command { VillageId = village, DispatchingUnit = "县农业农村局", StartDate = new DateTime(2031, 5, 1), EndDate = new DateTime(2031, 4, 1) });
        Assert.Equal("撤离日期不能早于进驻日期", backwards.Outcome[nameof(SaveWorkTeam.Command.EndDate)]);

        var added = await saveTeam.HandleAsync(new SaveWorkTeam.Command { VillageId = village, DispatchingUnit = "县农业农村局", AppointedBy = "县扶贫指挥部", StartDate = new DateTime(2030, 1, 1) });
        Assert.True(added.Succeeded, added.Outcome.Summary);
        var leader = new SaveWorkTeamMember.Command { WorkTeamId = added.Value, Name = "周新民", Role = WorkTeamRole.TeamLeader, StartDate = new DateTime(2030, 1, 1) };

        // The seed team's leader has no end date: two leaders at once are refused until there is a handover ...
        var clash = await saveMember.HandleAsync(leader);
        Assert.Contains($"与{existing.DispatchingUnit}工作队的队长{oldLeader.Name}", clash.Outcome[nameof(SaveWorkTeamMember.Command.Role)]);
        // ... and a handover cannot cover an overlap that never ends: the old leader's end date is needed.
        var oldLeaderCommand = SaveWorkTeamMember.Command.From(oldLeader);
        oldLeaderCommand.EndDate = new DateTime(2030, 1, 10);
        var oldTeam = SaveWorkTeam.Command.From(existing, village);
        oldTeam.EndDate = new DateTime(2030, 1, 10);
        // A team cannot end before its members do.
        Assert.StartsWith("队员", (await saveTeam.HandleAsync(oldTeam)).Outcome[nameof(SaveWorkTeam.Command.StartDate)]);
        foreach (var m in existing.Members)
        {
            var ending = SaveWorkTeamMember.Command.From(m);
            ending.EndDate = new DateTime(2030, 1, 10);
            Assert.True((await saveMember.HandleAsync(ending)).Succeeded);
        }
        Assert.True((await saveTeam.HandleAsync(oldTeam)).Succeeded);
        Assert.False((await saveMember.HandleAsync(leader)).Succeeded);

        var newTeam = new SaveWorkTeam.Command { Id = added.Value, VillageId = village, DispatchingUnit = "县农业农村局", StartDate = new DateTime(2030, 1, 1), HandoverUntil = new DateTime(2030, 1, 10) };
        Assert.True((await saveTeam.HandleAsync(newTeam)).Succeeded);
        var saved = await saveMember.HandleAsync(leader);
        Assert.True(saved.Succeeded, saved.Outcome.Summary);

        // Shrinking the handover window again would leave the overlap unexplained.
        newTeam.HandoverUntil = new DateTime(2030, 1, 5);
        Assert.Contains("交接截止日期", (await saveTeam.HandleAsync(newTeam)).Outcome[nameof(SaveWorkTeam.Command.HandoverUntil)]);

        // A member's dates lie within the team's.
        var early = await saveMember.HandleAsync(new SaveWorkTeamMember.Command { WorkTeamId = added.Value, Name = "吴光明", Role = WorkTeamRole.TeamMember, StartDate = new DateTime(2029, 12, 1) });
        Assert.StartsWith("队员的驻村日期应在工作队期间", early.Outcome[nameof(SaveWorkTeamMember.Command.StartDate)]);
    }

    [Fact]
    public async Task Only_a_work_team_account_of_the_same_village_can_be_linked_to_a_member()
    {
        var team = await CurrentTeamAsync();
        await using var db = app.SystemDb();
        var township = await db.Users.SingleAsync(u => u.UserName == "township");
        var member = team.Members.First(m => m.UserId is null);
        await using var scope = await app.ScopeForAsync("leader");
        var command = SaveWorkTeamMember.Command.From(new ListWorkTeams.MemberRow(member.Id, team.Id, member.Name, member.Unit, member.Phone, member.Role, member.StartDate, member.EndDate, null, null));
        command.UserId = township.Id;
        var result = await Get<SaveWorkTeamMember>(scope).HandleAsync(command);
        Assert.Equal("只能关联本村的驻村工作队长或队员账号", result.Outcome[nameof(SaveWorkTeamMember.Command.UserId)]);
        var options = await Get<ListLinkableUsers>(scope).HandleAsync(team.VillageId);
        Assert.Contains(options, o => o.UserName == "leader");
        Assert.Contains(options, o => o.UserName == "member");
        Assert.DoesNotContain(options, o => o.UserName == "township");
    }

    [Fact]
    public async Task A_work_log_links_households_of_its_own_village_only_and_is_counted()
    {
        var village = await VillageAsync();
        await using var db = app.SystemDb();
        var ours = await db.Households.Where(h => h.VillageId == village).OrderBy(h => h.Id).Select(h => h.Id).Take(2).ToListAsync();
        var theirs = await db.Households.Where(h => h.VillageId != village).Select(h => h.Id).FirstAsync();
        await using var scope = await app.ScopeForAsync("member");
        var save = Get<SaveWorkLog>(scope);
        var command = new SaveWorkLog.Command { VillageId = village, Date = new DateTime(2021, 6, 1), Type = WorkLogType.HouseholdVisit, Participants = "吴晓燕", Summary = "入户走访，核实收入", HouseholdIds = [ours[0], theirs] };
        Assert.Equal("走访的农户须是本村登记的农户", (await save.HandleAsync(command)).Outcome[nameof(SaveWorkLog.Command.HouseholdIds)]);
        command.HouseholdIds = [.. ours];
        var saved = await save.HandleAsync(command);
        Assert.True(saved.Succeeded, saved.Outcome.Summary);
        Assert.True((await save.HandleAsync(new SaveWorkLog.Command { VillageId = village, Date = new DateTime(2021, 6, 2), Type = WorkLogType.GroupMeeting, Summary = "第三村民小组会议" })).Succeeded);

        var counts = await Get<CountWorkLogs>(scope).HandleAsync(village, 2021);
        Assert.Equal([(WorkLogType.HouseholdVisit, 1, 2), (WorkLogType.GroupMeeting, 1, 0)], counts.Select(c => (c.Type, c.Logs, c.HouseholdsVisited)));
        var list = await Get<ListWorkLogs>(scope).HandleAsync(village, 2021, WorkLogType.HouseholdVisit);
        Assert.Equal(2, list.Single().Households.Count);
        // The team in the village that day is recorded with the log.
        Assert.Equal((await CurrentTeamAsync()).Id, (await db.WorkLogs.SingleAsync(l => l.Id == saved.Value)).WorkTeamId);
    }

    [Fact]
    public async Task Projects_industries_and_income_are_saved_and_a_second_entry_of_a_kind_is_refused()
    {
        var village = await VillageAsync();
        await using var scope = await app.ScopeForAsync("leader");
        var project = await Get<SaveProject>(scope).HandleAsync(new SaveProject.Command { VillageId = village, Type = ProjectType.Road, Name = "通组公路", Quantity = 2.5m, Unit = QuantityUnit.Kilometre, Investment = 750_000m, CompletionDate = new DateTime(2032, 10, 1) });
        Assert.True(project.Succeeded, project.Outcome.Summary);
        Assert.True((await Get<SaveIndustry>(scope).HandleAsync(new SaveIndustry.Command { VillageId = village, Year = 2032, Kind = IndustryKind.Crop, Name = "茶叶", Quantity = 40, Unit = QuantityUnit.Mu, Households = 6 })).Succeeded);
        var twice = await Get<SaveIndustry>(scope).HandleAsync(new SaveIndustry.Command { VillageId = village, Year = 2032, Kind = IndustryKind.Crop, Name = "茶叶", Quantity = 41, Unit = QuantityUnit.Mu });
        Assert.Equal("2032年已登记“茶叶”，请编辑该条记录", twice.Outcome[nameof(SaveIndustry.Command.Name)]);
        Assert.True((await Get<SaveCollectiveIncome>(scope).HandleAsync(new SaveCollectiveIncome.Command { VillageId = village, Year = 2032, Source = "光伏", Amount = 45_000m })).Succeeded);
        Assert.True((await Get<SaveCollectiveIncome>(scope).HandleAsync(new SaveCollectiveIncome.Command { VillageId = village, Year = 2032, Source = "上级补助", Amount = 20_000m, IsStableOperating = false })).Succeeded);

        var summary = (await Get<GetVillageWorkSummary>(scope).HandleAsync(village, 2032))!;
        Assert.Equal(7.8m + 2.5m, summary.Projects.Single(p => p.Type == ProjectType.Road).Quantity);
        Assert.Single(summary.ProjectsCompletedInYear);
        Assert.Equal((65_000m, 45_000m, false), (summary.Income.Total, summary.Income.StableOperating, summary.Income.MeetsIndicator));
    }

    [Fact]
    public async Task An_industry_and_an_income_entry_are_deleted_one_at_a_time_and_only_inside_the_scope()
    {
        var village = await VillageAsync();
        await using var scope = await app.ScopeForAsync("leader");
        var industry = await Get<SaveIndustry>(scope).HandleAsync(new SaveIndustry.Command { VillageId = village, Year = 2033, Kind = IndustryKind.Livestock, Name = "黑山羊", Quantity = 120, Unit = QuantityUnit.Head });
        var income = await Get<SaveCollectiveIncome>(scope).HandleAsync(new SaveCollectiveIncome.Command { VillageId = village, Year = 2033, Source = "山林出租", Amount = 3_000m });
        Assert.True(industry.Succeeded && income.Succeeded, industry.Outcome.Summary + income.Outcome.Summary);

        await using (var outsider = await app.ScopeForAsync("township2"))
        {
            Assert.Equal("该产业记录不存在或不在您的管辖范围内", (await Get<DeleteIndustry>(outsider).HandleAsync(industry.Value)).Summary);
            Assert.Equal("该收入记录不存在或不在您的管辖范围内", (await Get<DeleteCollectiveIncome>(outsider).HandleAsync(income.Value)).Summary);
        }
        var summary = (await Get<GetVillageWorkSummary>(scope).HandleAsync(village, 2033))!;
        Assert.Equal((1, 3_000m), (summary.Industries.Count, summary.Income.Total));

        Assert.True((await Get<DeleteIndustry>(scope).HandleAsync(industry.Value)).Succeeded);
        Assert.True((await Get<DeleteCollectiveIncome>(scope).HandleAsync(income.Value)).Succeeded);
        summary = (await Get<GetVillageWorkSummary>(scope).HandleAsync(village, 2033))!;
        Assert.Equal((0, 0m), (summary.Industries.Count, summary.Income.Total));
        Assert.Equal("该产业记录不存在或不在您的管辖范围内", (await Get<DeleteIndustry>(scope).HandleAsync(industry.Value)).Summary);
    }

    [Fact]
    public async Task No_cadre_is_paired_with_a_household_they_belong_to_and_plans_are_kept_per_year()
    {
        var village = await VillageAsync();
        await using var db = app.SystemDb();
        var member = await db.Members.Where(m => m.VillageId == village && !m.IsDeceased).OrderBy(m => m.Id).Skip(7).FirstAsync();
        var other = await db.Households.Where(h => h.VillageId == village && h.Id != member.HouseholdId).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        await using var scope = await app.ScopeForAsync("leader");
        var save = Get<SavePairing>(scope);

        var own = new SavePairing.Command { VillageId = village, HouseholdId = member.HouseholdId, CadreName = member.Name, CadreResidentId = member.ResidentId, StartDate = new DateTime(2018, 4, 1) };
        Assert.Equal($"{member.Name}是该户的家庭成员，不能与本人所在的贫困户结对", (await save.HandleAsync(own)).Outcome[nameof(SavePairing.Command.CadreResidentId)]);
        // The cadre's ID is encrypted with a random nonce (decision 0016): compared after reading, never in SQL.
        Assert.DoesNotContain(member.ResidentId, await db.Pairings.Where(p => p.HouseholdId == member.HouseholdId).Select(p => p.CadreResidentId).ToListAsync());

        // The same person may help another household of the village.
        own.HouseholdId = other;
        var paired = await save.HandleAsync(own);
        Assert.True(paired.Succeeded, paired.Outcome.Summary);
        var plan = await Get<SaveAssistancePlan>(scope).HandleAsync(new SaveAssistancePlan.Command { PairingId = paired.Value, Year = 2018, Measure = "申请产业发展奖补，种植白前草3亩", ResponsiblePerson = member.Name, TargetDate = new DateTime(2018, 10, 31) });
        Assert.True(plan.Succeeded, plan.Outcome.Summary);

        var row = (await Get<ListPairings>(scope).HandleAsync(village)).Single(p => p.Id == paired.Value);
        Assert.DoesNotContain(member.ResidentId, row.CadreResidentIdMasked, StringComparison.Ordinal);
        Assert.Equal("申请产业发展奖补，种植白前草3亩", row.Plans.Single().Measure);

        await using var outsider = await app.ScopeForAsync("township2");
        Assert.Empty(await Get<ListPairings>(outsider).HandleAsync(village));
        Assert.Equal("该结对记录不存在或不在您的管辖范围内", (await Get<SaveAssistancePlan>(outsider).HandleAsync(new SaveAssistancePlan.Command { PairingId = paired.Value, Year = 2018, Measure = "越权", ResponsiblePerson = "某某" })).Outcome.Summary);
    }

    [Fact]
    public async Task A_user_outside_the_village_reads_nothing_and_writes_nothing_of_its_work()
    {
        var village = await VillageAsync();
        var team = await CurrentTeamAsync();
        await using var db = app.SystemDb();
        var projectsBefore = await db.VillageProjects.CountAsync();
        await using var scope = await app.ScopeForAsync("township2");

        Assert.Null(await Get<GetVillageWorkSummary>(scope).HandleAsync(village, 2018));
        Assert.Null(await Get<ListWorkTeams>(scope).HandleAsync(village));
        Assert.Null(await Get<ListVillageWork>(scope).HandleAsync(village));
        Assert.Empty(await Get<CountWorkLogs>(scope).HandleAsync(village, 2018));
        Assert.DoesNotContain((await Get<ListCollectiveIncomeByVillage>(scope).HandleAsync(2018)), r => r.VillageId == village);
        Assert.DoesNotContain((await Get<ListAttendanceShortfalls>(scope).HandleAsync(2018, null)).Shortfalls, s => s.VillageId == village);

        Assert.Equal("该工作队不存在或不在您的管辖范围内", (await Get<RecordAttendanceWeek>(scope).HandleAsync(Week(team.Id, new DateTime(2019, 5, 6), team.Members.Select(m => m.Id)))).Summary);
        Assert.Equal("该村不存在或不在您的管辖范围内", (await Get<SaveProject>(scope).HandleAsync(new SaveProject.Command { VillageId = village, Type = ProjectType.Other, Name = "越权", CompletionDate = new DateTime(2020, 1, 1) })).Outcome.Summary);
        Assert.Equal("该工作队不存在或不在您的管辖范围内", (await Get<SaveWorkTeamMember>(scope).HandleAsync(new SaveWorkTeamMember.Command { WorkTeamId = team.Id, Name = "越权者", Role = WorkTeamRole.TeamMember, StartDate = new DateTime(2020, 1, 1) })).Outcome.Summary);
        Assert.Equal(projectsBefore, await db.VillageProjects.CountAsync());
        Assert.False(await db.AttendanceDays.AnyAsync(a => a.WorkTeamId == team.Id && a.Date == new DateOnly(2019, 5, 6)));

        // Under the handlers, the data layer refuses the write too: the leader of one village adding a row to another.
        var other = await VillageAsync("421129102201");
        await using var leaderScope = await app.ScopeForAsync("leader");
        await using var leaderDb = await Get<IDbContextFactory<PortalDbContext>>(leaderScope).CreateDbContextAsync();
        var otherVillage = await db.Villages.SingleAsync(v => v.Id == other);
        leaderDb.CollectiveIncomeEntries.Add(new CollectiveIncomeEntry { CountyId = otherVillage.CountyId, TownshipId = otherVillage.TownshipId, VillageId = other, Year = 2018, Source = "越权", Amount = 1 });
        await Assert.ThrowsAsync<OutOfScopeException>(() => leaderDb.SaveChangesAsync());
        Assert.Empty(await leaderDb.AttendanceDays.Where(a => a.VillageId == other).ToListAsync());
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class WorkTeamTestsOnSqlite(SqliteAppFixture app) : WorkTeamTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class WorkTeamTestsOnPostgreSql(PostgreSqlAppFixture app) : WorkTeamTests(app);
