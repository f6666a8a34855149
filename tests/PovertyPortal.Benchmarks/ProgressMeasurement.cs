using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// `--progress-once`: the inspection progress page's query (<see cref="GetInspectionProgress"/>, issue 17: p95 ≤ 100 ms)
/// as a county supervisor and a township official ask for it, 50 runs after 3, on a fresh database of its own: a county
/// round of 25 townships (each inspecting the next), 300 villages, 7,500 sampled households (25 per village), and
/// 40,000 answers — every household item of the 2,740 households done (9 or 10 per village), every village item of the 300
/// villages and the township items — one compliance answer in fifty 不达标 with its finding, in every disposition.
/// </summary>
public static class ProgressMeasurement
{
    private const int Townships = LedgerListMeasurement.Townships;
    private const int VillagesPerTownship = LedgerListMeasurement.VillagesPerTownship;
    private const int SampledPerVillage = 25;

    /// <summary>9 households done in each village, 10 in the last 40: 2,740 done × 14 household items + 300 × 5 village items + 25 × 6 township items = 40,010 answers.</summary>
    private static bool Done(int index) => index % SampledPerVillage < (index / SampledPerVillage < 260 ? 9 : 10);

    public static async Task RunAsync()
    {
        await RunAsync(DatabaseProvider.Sqlite, "");
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is { Length: > 0 } server) await RunAsync(DatabaseProvider.PostgreSql, server);
    }

    private static async Task RunAsync(DatabaseProvider provider, string server)
    {
        var options = await LedgerListMeasurement.FreshOptionsAsync(provider, server, "progress");
        var watch = Stopwatch.StartNew();
        var (county, township, roundId, counts) = await SeedAsync(options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== {provider}: {counts.Sampled} sampled households, {counts.Answers} answers, {counts.Findings} findings, {Townships} pairs, {Townships * VillagesPerTownship} villages (seeded in {watch.Elapsed.TotalSeconds:F0} s)"));

        var user = new CurrentUser(new LedgerListMeasurement.Anonymous());
        foreach (var (name, scope) in new[] { ("county, 25 pairs", AreaScope.County(county)), ("township, 2 pairs", AreaScope.Township(county, township)) })
        {
            var factory = new LedgerListMeasurement.Factory(options, new LedgerListMeasurement.FixedScope(scope));
            var handler = new GetInspectionProgress(new InspectionOversight(factory, options), user);
            var result = await handler.HandleAsync(roundId) ?? throw new InvalidOperationException("round not found");
            var times = await LedgerListMeasurement.TimeAsync(() => handler.HandleAsync(roundId));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-20} pairs {result.Pairs.Count,2}  done {result.Households}  findings {result.Pairs.Sum(p => p.Findings),4}  {times}"));
        }
    }

    private sealed record Counts(int Sampled, int Answers, int Findings);

    private static async Task<(int County, int Township, int Round, Counts Counts)> SeedAsync(DbContextOptions<PortalDbContext> options)
    {
        await using (var migrate = new PortalDbContext(options, new SystemScopeSource("bench")))
        {
            await migrate.Database.MigrateAsync();
        }
        await using var db = new PortalDbContext(options, new SystemScopeSource("bench"));
        var county = await LedgerListMeasurement.AddCountyAsync(db, "检查测试县");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var townships = county.Townships.OrderBy(t => t.AdminCode).ToList();
        var villages = townships.SelectMany(t => t.Villages.OrderBy(v => v.AdminCode)).ToList();

        var households = villages.SelectMany(v => Enumerable.Range(1, SampledPerVillage).Select(i => new Household
        {
            HouseholdNumber = $"{v.AdminCode}{i:000}", CountyId = county.Id, TownshipId = v.TownshipId, VillageId = v.Id,
            Status = HouseholdStatus.Identified, Category = PovertyCategory.General,
        })).ToList();
        db.Households.AddRange(households);
        await db.SaveChangesAsync();

        var round = new InspectionRound
        {
            CountyId = county.Id, Title = "交叉检查测试", Year = 2020, StartDate = new DateOnly(2020, 6, 11), EndDate = new DateOnly(2020, 6, 20),
            Status = InspectionRoundStatus.Issued, SampleSeed = 1,
        };
        for (var t = 0; t < Townships; t++)
        {
            round.Pairs.Add(new InspectionPair
            {
                CountyId = county.Id, InspectingTownshipId = townships[t].Id, InspectedTownshipId = townships[(t + 1) % Townships].Id,
                Group = [new InspectionGroupMember { Role = GroupRole.Leader, Name = $"组长{t + 1}" }, new InspectionGroupMember { Role = GroupRole.Member, Name = $"成员{t + 1}" }],
            });
        }
        db.InspectionRounds.Add(round);
        await db.SaveChangesAsync();
        var checklist = Checklists.CopyForRound(Checklists.DefaultTemplate(county.Id), round.Id, county.Id);
        db.ChecklistItems.AddRange(checklist);
        await db.SaveChangesAsync();

        var pairOf = round.Pairs.ToDictionary(p => p.InspectedTownshipId, p => p.Id);
        var sample = households.Select((h, i) => new SampledHousehold
        {
            InspectionRoundId = round.Id, InspectionPairId = pairOf[h.TownshipId], CountyId = county.Id, TownshipId = h.TownshipId,
            VillageId = h.VillageId, HouseholdId = h.Id, Category = i % SampledPerVillage < 20 ? SampleCategory.Registered : SampleCategory.Monitored,
            Origin = SampleOrigin.Drawn,
            VisitMode = Done(i) ? VisitMode.InPerson : null,
            CompletedAt = Done(i) ? new DateTimeOffset(2020, 6, 12, 2, 0, 0, TimeSpan.Zero) : null,
        }).ToList();
        db.SampledHouseholds.AddRange(sample);
        await db.SaveChangesAsync();

        var answers = new List<(InspectionAnswer Answer, ChecklistItem Item)>();
        var n = 0;
        InspectionAnswer Answer(ChecklistItem item, int pairId, int townshipId, int? villageId, int? householdId)
        {
            var notMet = item.AnswerType == AnswerType.Compliance && ++n % 50 == 0;
            return new InspectionAnswer
            {
                InspectionRoundId = round.Id, InspectionPairId = pairId, ChecklistItemId = item.Id, CountyId = county.Id,
                TownshipId = townshipId, VillageId = villageId, HouseholdId = householdId,
                Compliance = item.AnswerType == AnswerType.Compliance ? notMet ? Compliance.NotMet : Compliance.Met : null,
                Number = item.AnswerType == AnswerType.Number ? 9_000 : null,
                Text = item.AnswerType == AnswerType.Text ? "情况正常" : null,
                Note = notMet ? "测试发现的问题" : null,
            };
        }
        foreach (var s in sample.Where(s => s.CompletedAt is not null))
        {
            foreach (var item in checklist.Where(i => i.Per == CheckedPer.Household))
                answers.Add((Answer(item, s.InspectionPairId, s.TownshipId, s.VillageId, s.HouseholdId), item));
        }
        foreach (var v in villages)
        {
            foreach (var item in checklist.Where(i => i.Per == CheckedPer.Village))
                answers.Add((Answer(item, pairOf[v.TownshipId], v.TownshipId, v.Id, null), item));
        }
        foreach (var t in townships)
        {
            foreach (var item in checklist.Where(i => i.Per == CheckedPer.Township))
                answers.Add((Answer(item, pairOf[t.Id], t.Id, null, null), item));
        }
        foreach (var chunk in answers.Chunk(5_000))
        {
            db.InspectionAnswers.AddRange(chunk.Select(a => a.Answer));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        var findings = answers.Select(a => InspectionFindings.Reconcile(a.Answer, a.Item, null).ToAdd).OfType<InspectionFinding>().ToList();
        for (var i = 0; i < findings.Count; i++) findings[i].Disposition = (FindingDisposition)(i % 3);
        db.InspectionFindings.AddRange(findings);
        await db.SaveChangesAsync();

        var first = townships[0];
        return (county.Id, first.Id, round.Id, new Counts(sample.Count, answers.Count, findings.Count));
    }
}
