using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Features.Reports;

namespace PovertyPortal.IntegrationTests;

/// <summary>
/// The progress of the demo's cross-inspection round and the 检查情况报告's data (issue 17), counted in the database
/// and read in the scope the user follows each pair in: a county sees every pair, a township official the pair that
/// inspects it and the pair its own group works in, a village team none.
/// </summary>
public abstract class InspectionProgressTests(PortalAppFixture app)
{
    /// <summary>The demo round and its first pair (石桥镇 inspects 白果镇), where the demo's answers are.</summary>
    private async Task<(int Round, InspectionPair Pair)> DemoRoundAsync()
    {
        await using var db = app.SystemDb();
        var round = await db.InspectionRounds.Include(r => r.Pairs).SingleAsync(r => r.SampleSeed == InspectionDemoSeeder.DemoSeed);
        var inspecting = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId).SingleAsync();
        return (round.Id, round.Pairs.Single(p => p.InspectingTownshipId == inspecting));
    }

    private async Task<GetInspectionProgress.Result?> ProgressAsync(string userName, int roundId)
    {
        await using var scope = await app.ScopeForAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<GetInspectionProgress>().HandleAsync(roundId);
    }

    [Fact]
    public async Task A_county_sees_every_pair_with_households_villages_township_items_and_findings_counted_as_stored()
    {
        var (roundId, demoPair) = await DemoRoundAsync();
        var progress = await ProgressAsync("county", roundId);

        Assert.NotNull(progress);
        await using var db = app.SystemDb();
        var pairs = await db.InspectionPairs.Where(p => p.InspectionRoundId == roundId).ToListAsync();
        Assert.Equal(pairs.Select(p => p.Id).Order(), progress.Pairs.Select(p => p.PairId).Order());
        foreach (var row in progress.Pairs)
        {
            var sample = await db.SampledHouseholds.Where(s => s.InspectionPairId == row.PairId && !s.IsWithdrawn).ToListAsync();
            Assert.Equal(SampleProgress.Of(sample), row.Households);
            Assert.Equal(sample.Select(s => s.VillageId).Distinct().Count(), row.Villages);
            Assert.All(row.VillageRows, v => Assert.Equal(SampleProgress.Of(sample.Where(s => s.VillageId == v.VillageId)), v.Households));
        }

        // The demo's first day: three households done, one village's items and two township items answered, one
        // finding fixed on the spot and one sent to the ledger.
        var first = progress.Pairs.Single(p => p.PairId == demoPair.Id);
        Assert.Equal(3, first.Households.Done);
        Assert.True(first.Households.Sampled > 3);
        Assert.Equal(1, first.VillagesComplete);
        Assert.Equal((2, progress.TownshipItems), (first.TownshipItemsAnswered, first.TownshipItems));
        Assert.Equal((0, 1, 1), (first.FindingsOpen, first.FindingsFixedOnTheSpot, first.FindingsSentToLedger));
        Assert.Equal("李春华", first.Leader);
        Assert.All(progress.Pairs.Where(p => p.PairId != demoPair.Id), p => Assert.Equal((0, 0), (p.Households.Done, p.Findings)));
    }

    [Fact]
    public async Task A_withdrawn_household_is_not_counted_and_an_answer_saved_twice_counts_once()
    {
        var (roundId, pair) = await DemoRoundAsync();
        var before = (await ProgressAsync("county", roundId))!.Pairs.Single(p => p.PairId == pair.Id);
        int withdrawnId, answerId;
        await using (var db = app.SystemDb())
        {
            var open = await db.SampledHouseholds.Where(s => s.InspectionPairId == pair.Id && s.CompletedAt == null && !s.IsWithdrawn).OrderBy(s => s.Id).FirstAsync();
            open.IsWithdrawn = true;
            open.WithdrawnReason = "测试：替换";
            withdrawnId = open.Id;
            var township = await db.InspectionAnswers.Where(a => a.InspectionPairId == pair.Id && a.VillageId == null).OrderBy(a => a.Id).FirstAsync();
            var again = new InspectionAnswer
            {
                InspectionRoundId = roundId, InspectionPairId = pair.Id, ChecklistItemId = township.ChecklistItemId, CountyId = township.CountyId,
                TownshipId = township.TownshipId, Compliance = Compliance.Met,
            };
            db.InspectionAnswers.Add(again);
            await db.SaveChangesAsync();
            answerId = again.Id;
        }
        try
        {
            var after = (await ProgressAsync("county", roundId))!.Pairs.Single(p => p.PairId == pair.Id);
            Assert.Equal(new SampleProgress(before.Households.Done, before.Households.Sampled - 1), after.Households);
            Assert.Equal(before.TownshipItemsAnswered, after.TownshipItemsAnswered);
        }
        finally
        {
            await using var db = app.SystemDb();
            var row = await db.SampledHouseholds.SingleAsync(s => s.Id == withdrawnId);
            row.IsWithdrawn = false;
            row.WithdrawnReason = null;
            db.InspectionAnswers.Remove(await db.InspectionAnswers.SingleAsync(a => a.Id == answerId));
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_township_official_sees_the_pair_that_inspects_it_and_the_pair_its_group_works_in_and_a_village_team_none()
    {
        var (roundId, pair) = await DemoRoundAsync();
        var county = (await ProgressAsync("county", roundId))!;
        await using var db = app.SystemDb();
        var own = await db.Users.Where(u => u.UserName == "township").Select(u => u.TownshipId!.Value).SingleAsync();

        var township = await ProgressAsync("township", roundId);
        Assert.NotNull(township);
        Assert.Equal(
            county.Pairs.Where(p => p.InspectingTownshipId == own || p.InspectedTownshipId == own).Select(p => p.PairId).Order(),
            township.Pairs.Select(p => p.PairId).Order());
        Assert.Equal(2, township.Pairs.Count);
        // The pair its group works in (another township's sample) reads the same figures as the county's.
        Assert.Equal(county.Pairs.Single(p => p.PairId == pair.Id), township.Pairs.Single(p => p.PairId == pair.Id), new PairComparer());
        var inspected = township.Pairs.Single(p => p.InspectedTownshipId == own);
        Assert.Equal(county.Pairs.Single(p => p.PairId == inspected.PairId), inspected, new PairComparer());

        Assert.Null(await ProgressAsync("leader", roundId));
        Assert.Null(await ProgressAsync("county", -1));
    }

    [Fact]
    public async Task The_report_has_the_pairs_findings_with_their_ledger_numbers_and_figures_per_area_in_scope()
    {
        var (roundId, pair) = await DemoRoundAsync();
        await using var db = app.SystemDb();
        var answers = await db.InspectionAnswers.Where(a => a.InspectionPairId == pair.Id).ToListAsync();
        var items = await db.ChecklistItems.Where(i => i.InspectionRoundId == roundId).ToDictionaryAsync(i => i.Id);

        await using (var scope = await app.ScopeForAsync("county"))
        {
            var report = await scope.ServiceProvider.GetRequiredService<GetInspectionReport>().HandleAsync(roundId, pair.Id);
            Assert.NotNull(report);
            Assert.Equal(("石桥镇", "白果镇"), (report.InspectingTownship, report.InspectedTownship));
            Assert.Equal(GroupRole.Leader, report.Group[0].Role);
            Assert.Equal(3, report.Sample.Done);
            Assert.Equal((2, 1, 0), (report.Sample.InPerson, report.Sample.Phone, report.Sample.VillageCadre));
            Assert.Equal(await db.SampledHouseholds.CountAsync(s => s.InspectionPairId == pair.Id && !s.IsWithdrawn), report.Sample.Households);
            foreach (var area in report.Areas)
            {
                var inArea = answers.Where(a => items[a.ChecklistItemId].Area == area.Area).ToList();
                Assert.Equal(items.Values.Count(i => i.Area == area.Area), area.Items);
                Assert.Equal(inArea.Count, area.Answers);
                Assert.Equal(inArea.Count(a => a.Compliance == Compliance.NotMet), area.NotMet);
                Assert.Equal(inArea.Count(a => a.Compliance == Compliance.Met), area.Met);
            }
            Assert.Equal(answers.Count, report.Areas.Sum(a => a.Answers));

            Assert.Equal(2, report.Findings.Count);
            var sent = Assert.Single(report.Findings, f => f.Disposition == FindingDisposition.SentToLedger);
            var problem = await db.Problems.SingleAsync(p => p.Id == sent.ProblemId);
            Assert.Equal((ProblemSource.CrossInspection, sent.Description), (problem.Source, problem.Description));
            Assert.Single(report.Findings, f => f.Disposition == FindingDisposition.FixedOnTheSpot);
            Assert.All(report.Findings, f => Assert.False(string.IsNullOrEmpty(f.HouseholdNumber)));
            Assert.All(report.Findings, f => Assert.NotNull(f.Village));

            // The download renders the same data: a PDF with the findings' ledger number, kept to look at.
            var pdf = scope.ServiceProvider.GetRequiredService<InspectionReportFiles>().Render(report, ReportFormat.Pdf);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "reports"));
            await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "reports", $"inspection-report-demo-{app.Provider}.pdf"), pdf);
            Assert.Contains($"转入整改台账（问题编号{sent.ProblemId}）", PovertyPortal.Documents.InspectionReport.InspectionReportComposer.Disposition(sent));
        }

        // The inspected township's official and the inspecting township's official read the same; another pair is not theirs.
        var other = await db.InspectionPairs.Where(p => p.InspectionRoundId == roundId && p.Id != pair.Id)
            .FirstAsync(p => p.InspectingTownshipId == pair.InspectedTownshipId);
        foreach (var userName in new[] { "township", "township2" })
        {
            await using var scope = await app.ScopeForAsync(userName);
            var handler = scope.ServiceProvider.GetRequiredService<GetInspectionReport>();
            var report = await handler.HandleAsync(roundId, pair.Id);
            Assert.NotNull(report);
            Assert.Equal(2, report.Findings.Count);
            Assert.Equal(answers.Count, report.Areas.Sum(a => a.Answers));
            if (userName == "township") Assert.Null(await handler.HandleAsync(roundId, other.Id));
        }
        await using (var scope = await app.ScopeForAsync("leader"))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<GetInspectionReport>().HandleAsync(roundId, pair.Id));
        }
    }

    /// <summary>Pairs compared by their figures (the village rows are a list, compared item by item).</summary>
    private sealed class PairComparer : IEqualityComparer<GetInspectionProgress.PairRow>
    {
        public bool Equals(GetInspectionProgress.PairRow? x, GetInspectionProgress.PairRow? y) =>
            x is not null && y is not null && x with { VillageRows = [] } == y with { VillageRows = [] } && x.VillageRows.SequenceEqual(y.VillageRows);

        public int GetHashCode(GetInspectionProgress.PairRow obj) => obj.PairId;
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class InspectionProgressTestsOnSqlite(SqliteAppFixture app) : InspectionProgressTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class InspectionProgressTestsOnPostgreSql(PostgreSqlAppFixture app) : InspectionProgressTests(app);
