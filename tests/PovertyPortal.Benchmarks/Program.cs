using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PovertyPortal.Benchmarks;
using PovertyPortal.Data;

// dotnet run -c Release --project tests/PovertyPortal.Benchmarks [-- --filter *]      the benchmarks (docs/benchmarks.md)
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --once           each query once: time, total, probes
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --register       register file reading (issue 4)
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --register-once  one read of a 100,000-row file: rows/s, peak memory
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --import-once      one 100,000-row import on SQLite (and PostgreSQL if PORTAL_BENCH_POSTGRES is set;
//                                                                                      --postgres-only skips SQLite; PORTAL_BENCH_HEAP=1 prints the heap per phase)
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --dashboard-once   each dashboard query once, then the whole dashboard 12 times
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --dashboard-groups each dashboard group alone, warm, with a hash of its rows (PORTAL_BENCH_GROUPS, PORTAL_BENCH_VIEWS)
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --filter '*Dashboard*'   the whole dashboard (issue 8)
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --report-once      performance report: one village to PDF and Word, a batch of 300 (issue 7)
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --benefits-once     the village benefit sums of issue 5: mean, p95, max of 50 runs
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --ledger-once       the rectification ledger's list of issue 17 on a fresh database of its own
//                                                                                      (SQLite, and PostgreSQL if PORTAL_BENCH_POSTGRES names a server): p50, p95, max of 50 runs
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --progress-once     the inspection progress query of issue 17, the same way
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --checks-once       every data-check rule of issue 18 over the 300k county (≤ 60 s) and one village (≤ 1 s),
//                                                                                      on the databases named by PORTAL_BENCH_SQLITE / PORTAL_BENCH_POSTGRES (migrated first)
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --draw-once         the cross-inspection draw of issue 17 (DrawSample: 300 villages, ~7,500 households),
//                                                                                      first draw and 5 draws again, on a fresh database (SQLite; PostgreSQL as above)
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --snapshot-once     year-end snapshots of issue 18 on the generate-county databases (PORTAL_BENCH_SQLITE,
//                                                                                      PORTAL_BENCH_POSTGRES): freeze 2019 and 2020, the changes between them and to the live register
if (args.Contains("--snapshot-once"))
{
    await SnapshotMeasurement.RunAsync();
    return 0;
}
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --reconcile-once    账账相符 of issue 18: a 100,000-row national export read and compared with a
//                                                                                      generate-county county (PORTAL_BENCH_SQLITE; --postgres-only: PORTAL_BENCH_POSTGRES)
if (args.Contains("--dashboard-once"))
{
    await DashboardBenchmarks.RunOnceAsync();
    return 0;
}
if (args.Contains("--dashboard-groups"))
{
    await DashboardGroupsMeasurement.RunAsync();
    return 0;
}
if (args.Contains("--checks-once"))
{
    await DataCheckMeasurement.RunAsync();
    return 0;
}
if (args.Contains("--draw-once"))
{
    await DrawMeasurement.RunAsync();
    return 0;
}
if (args.Contains("--reconcile-once"))
{
    return await ReconciliationMeasurement.RunAsync(args.Contains("--postgres-only") ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite);
}
if (args.Contains("--ledger-once"))
{
    await LedgerListMeasurement.RunAsync();
    return 0;
}
// dotnet run -c Release --project tests/PovertyPortal.Benchmarks -- --correction-once   community correction's task list and case list of issue 19 (5,000 subjects, five
//                                                                                      years of records) on a fresh database, SQLite and PORTAL_BENCH_POSTGRES as --ledger-once;
//                                                                                      --demo-only: the demo loader's 60 cases alone (SQLite); --pieces: the county task
//                                                                                      list's queries one by one on a database left by a run (PORTAL_BENCH_CORRECTION_SQLITE)
if (args.Contains("--correction-once"))
{
    if (args.Contains("--pieces")) await CorrectionListMeasurement.PiecesAsync(Environment.GetEnvironmentVariable("PORTAL_BENCH_CORRECTION_SQLITE") ?? "");
    else await CorrectionListMeasurement.RunAsync(demoOnly: args.Contains("--demo-only"));
    return 0;
}
if (args.Contains("--progress-once"))
{
    await ProgressMeasurement.RunAsync();
    return 0;
}
if (args.Contains("--report-once"))
{
    return ReportMeasurement.Run(300);
}
if (args.Contains("--benefits-once"))
{
    await VillageBenefitSumsBenchmarks.RunOnceAsync();
    return 0;
}
if (args.Contains("--import-once"))
{
    // --postgres-only: a fresh process for PostgreSQL, so that its peak memory is its own.
    var status = args.Contains("--postgres-only") ? 0 : await ImportMeasurement.RunAsync(DatabaseProvider.Sqlite, "", 100_000);
    if (Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES") is { Length: > 0 } server)
    {
        status |= await ImportMeasurement.RunAsync(DatabaseProvider.PostgreSql, server, 100_000);
    }
    return status;
}
if (args.Contains("--register-once"))
{
    var path = Path.Combine(Path.GetTempPath(), "register-bench-100000.xlsx");
    await using (var output = File.Create(path)) RegisterReadingBenchmarks.WriteRegister(output, RegisterReadingBenchmarks.PersonRows);
    GC.Collect();
    var before = Process.GetCurrentProcess().PeakWorkingSet64;
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    PovertyPortal.Documents.Spreadsheets.RegisterSheet sheet;
    await using (var input = File.OpenRead(path)) sheet = await PovertyPortal.Documents.Spreadsheets.RegisterFileReader.ReadAsync(input, path);
    watch.Stop();
    var households = PovertyPortal.Documents.Spreadsheets.RegisterHouseholds.Group(sheet).Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"file {new FileInfo(path).Length / 1048576.0:F1} MB, {sheet.Rows.Count} rows, {households} households, {sheet.Errors.Count} errors: {watch.Elapsed.TotalSeconds:F2} s = {sheet.Rows.Count / watch.Elapsed.TotalSeconds:F0} rows/s; "
        + $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F0} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB (before the read {before / 1048576.0:F0} MB)"));
    foreach (var error in sheet.Errors.Take(5)) Console.WriteLine(error);
    if (sheet.Errors.Count == 0) File.Delete(path);
    return sheet.Errors.Count == 0 ? 0 : 1;
}
if (args.Contains("--once"))
{
    foreach (var provider in BenchDatabase.Configured())
    {
        foreach (var scope in new[] { "County", "Township" })
        {
            var bench = new HouseholdListBenchmarks { Provider = provider, Scope = scope };
            bench.Setup();
            Console.WriteLine($"== {provider} {scope}");
            foreach (var method in typeof(HouseholdListBenchmarks).GetMethods().Where(m => m.IsDefined(typeof(BenchmarkAttribute), false)))
            {
                var watch = Stopwatch.StartNew();
                var result = await (Task<PovertyPortal.Web.Features.Households.ListHouseholds.Result>)method.Invoke(bench, null)!;
                var first = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                await (Task<PovertyPortal.Web.Features.Households.ListHouseholds.Result>)method.Invoke(bench, null)!;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{method.Name,-28} first {first,8:F1} ms  again {watch.Elapsed.TotalMilliseconds,8:F1} ms  total {result.TotalCount,7}  rows {result.Rows.Count}"));
            }
        }
    }
    return 0;
}

// In-process (no child build), one query per measurement so that the percentiles are those of single page queries;
// outliers are kept, since a p95 target is about them.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithWarmupCount(3)
    .WithIterationCount(30)
    .WithInvocationCount(1)
    .WithUnrollFactor(1)
    .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove); // P95 of every measured query, slow ones included
var config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max)
    .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
    .AddExporter(MarkdownExporter.GitHub)
    .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(Perfolizer.Horology.TimeUnit.Millisecond))
    .WithOptions(ConfigOptions.JoinSummary);
if (args.Contains("--register"))
{
    var registerJob = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(10);
    BenchmarkRunner.Run<RegisterReadingBenchmarks>(ManualConfig.CreateEmpty()
        .AddJob(registerJob)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
        .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(Perfolizer.Horology.TimeUnit.Millisecond)));
    return 0;
}
if (!BenchDatabase.Configured().Any())
{
    Console.Error.WriteLine($"Set {BenchDatabase.SqliteVariable} and/or {BenchDatabase.PostgresVariable} to a database made by generate-county.");
    return 2;
}
BenchmarkSwitcher.FromTypes([typeof(HouseholdListBenchmarks), typeof(DashboardBenchmarks), typeof(VillageBenefitSumsBenchmarks)]).Run(args, config);
return 0;
