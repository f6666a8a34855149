using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Documents.PerformanceReport;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// The performance report's speed (issue 7): one village report to PDF after warm-up (target ≤ 100 ms), Word
/// likewise, and a county batch of 300 villages into one ZIP on every core (target ≤ 30 s on 2 cores), with file
/// sizes and peak working set. Rendering only: the records are built in memory with every chapter filled and
/// different names and figures per village, so every report needs its own font subsets.
/// </summary>
public static class ReportMeasurement
{
    public static int Run(int villages)
    {
        var fonts = ReportFontResolver.Resolve();
        var pdf = new PdfRenderer(fonts);
        var docx = new DocxRenderer(fonts, new ReportFontOptions());
        Console.WriteLine($"fonts: {string.Join(", ", Enum.GetValues<FontRole>().Select(r => $"{r} = {fonts[r].Typeface.FamilyName}"))}");

        var document = PerformanceReportComposer.Compose(Village(0));
        for (var i = 0; i < 10; i++) pdf.Render(PerformanceReportComposer.Compose(Village(1000 + i)));
        var pdfTimes = Times(40, i => pdf.Render(PerformanceReportComposer.Compose(Village(2000 + i))));
        var pdfBytes = pdf.Render(document);
        for (var i = 0; i < 5; i++) docx.Render(document);
        var docxTimes = Times(20, i => docx.Render(PerformanceReportComposer.Compose(Village(3000 + i))));
        var docxBytes = docx.Render(document);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one village, compose + PDF: median {Median(pdfTimes):F1} ms, p95 {P95(pdfTimes):F1} ms, max {pdfTimes.Max():F1} ms; {pdfBytes.Length / 1024.0:F0} KB, {PdfPages(pdfBytes)} pages"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one village, compose + Word: median {Median(docxTimes):F1} ms, p95 {P95(docxTimes):F1} ms; {docxBytes.Length / 1024.0:F0} KB"));

        GC.Collect();
        var watch = Stopwatch.StartNew();
        using var zipStream = new MemoryStream();
        using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var gate = new Lock();
            Parallel.For(0, villages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var bytes = pdf.Render(PerformanceReportComposer.Compose(Village(i)));
                lock (gate)
                {
                    using var entry = zip.CreateEntry($"{i:D3}.pdf", CompressionLevel.Fastest).Open();
                    entry.Write(bytes);
                }
            });
        }
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch of {villages} villages on {Environment.ProcessorCount} cores: {watch.Elapsed.TotalSeconds:F1} s ({watch.Elapsed.TotalMilliseconds / villages:F0} ms a village), ZIP {zipStream.Length / 1048576.0:F1} MB; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
        return 0;
    }

    private static int PdfPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");

    private static List<double> Times(int runs, Action<int> action)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private static double P95(List<double> times) => times.Order().ElementAt((int)Math.Ceiling(times.Count * 0.95) - 1);

    private const string Surnames = "刘陈张王李赵周吴郑孙冯何罗胡朱高林黄郭马";
    private const string GivenNames = "秀芬大海建国春生玉兰志强桂英明华德胜淑珍国平丽娟金山红梅永福";

    private static string Name(int seed) =>
        $"{Surnames[seed % Surnames.Length]}{GivenNames[seed * 7 % GivenNames.Length]}{GivenNames[seed * 13 % GivenNames.Length]}";

    /// <summary>A village with every chapter, figures and names varied by <paramref name="i"/>.</summary>
    public static PerformanceReportData Village(int i)
    {
        var registered = 40 + i % 90;
        var people = registered * 3 - i % 7;
        var exits = Enumerable.Range(2014, 5).Select((y, k) => new YearFigures(y, registered / 6 + k, people / 6 + k * 2)).ToList();
        return new PerformanceReportData
        {
            VillageName = $"{"东西南北上下前后"[i % 8]}{"山河湾岭冲坪畈垸"[i / 8 % 8]}{"村"}",
            Year = 2018,
            SignedOn = new DateOnly(2018, 12, 28),
            Profile = new VillageProfileFigures
            {
                Description = "地处山区，居住分散",
                AreaSquareKm = 4 + i % 9, ForestMu = 1200 + i * 7, ArableMu = 600 + i % 300, PaddyMu = 400 + i % 200,
                GroupCount = 6 + i % 8, HamletCount = 10 + i % 12, HouseholdCount = 300 + i, Population = 1100 + i * 3,
                PartyMembers = 20 + i % 20, BranchCommitteeMembers = 3, PartyGroups = 2, PublicWelfarePosts = 4 + i % 5,
                LeftBehindChildren = 10 + i % 9, LeftBehindElderly = 12 + i % 7, LeftBehindWomen = 8 + i % 5,
                LeadingIndustries = ["花生", "板栗", "油茶", "中药材"], CollectiveIncomeSources = ["光伏", "山林出租"],
                CollectiveIncome = 40_000 + i * 100,
            },
            Registry = new RegistryFigures
            {
                Households = registered, People = people,
                Categories = [new("特困供养（五保）", registered / 5, registered / 5), new("低保", registered / 3, people / 3), new("一般贫困户", registered - registered / 5 - registered / 3, people - registered / 5 - people / 3)],
                Causes = [new("因病", registered / 8, 0), new("因学", registered / 10, 0), new("因残", registered / 4, 0)],
                RelocatedHouseholds = registered / 6, RelocatedPeople = registered / 4, RelocationSites = 2,
                ExitsPerYear = exits,
                RemainingHouseholds = registered - exits.Sum(e => e.Households), RemainingPeople = people - exits.Sum(e => e.People),
            },
            Teams =
            [
                new TeamFigures { DispatchingUnit = "镇工商所", StartDate = new(2014, 1, 1), EndDate = new(2018, 3, 22) },
                new TeamFigures
                {
                    DispatchingUnit = "县交通运输局", AppointedBy = "县扶贫指挥部", StartDate = new(2018, 3, 23),
                    Members = [new(Name(i), "第一书记", null), new(Name(i + 1), "队长", null), new(Name(i + 2), "队员", null), new(Name(i + 3), "队员", null)],
                    Compliance = new AttendanceCompliance(40, 36 + i % 5),
                },
            ],
            PolicyGroups =
            [
                new PolicyGroupFigures { Name = "社会保障兜底", Households = registered / 2, People = people / 2, Amount = 80_000 + i * 37, ExampleHeads = [Name(i + 4)], Benefits = ["低保补差", "五保供养"] },
                new PolicyGroupFigures { Name = "发展教育脱贫", Households = registered / 4, People = registered / 4 + 2, Amount = 30_000 + i * 11, ExampleHeads = [Name(i + 5)], Benefits = ["雨露计划", "生活补助"] },
                new PolicyGroupFigures { Name = "健康扶贫", Households = registered, People = people, Amount = 100_000 + i * 53, ExampleHeads = [Name(i + 6)] },
            ],
            WorkLogCounts = [new("入户走访", 200 + i), new("召开村民小组会议", 20 + i % 9), new("政策宣讲", 10 + i % 6, "场")],
            Projects = [new("修复大塘", 3 + i % 4, "口", 100_000), new("修通水泥路", 5.5m + i % 5, "公里", 900_000)],
            Industries = [new("花生", 500 + i, "亩", 30), new("油茶", 60 + i % 40, "亩", null)],
            CollectiveIncome = [new("光伏发电", 50_000), new("山林出租", 8_000 + i * 10)],
            Prose = new ReportProse
            {
                Introduction = "本年度，驻村工作队围绕精准扶贫、精准脱贫的目标开展工作，现将履职情况报告如下。",
                Practices = ["组织多次入户核查，完善贫困户档案基本信息。", "完善村级档案与户档案资料整理工作，做到三档合一。", "开展结对帮扶，因户施策，帮助制订脱贫计划。"],
                Closing = "总之，经过几年的共同努力，脱贫攻坚取得了阶段性成效。",
            },
        };
    }
}
