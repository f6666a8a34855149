using BenchmarkDotNet.Attributes;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Web.Features.Households;
using Query = PovertyPortal.Web.Features.Households.ListHouseholds.Query;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// One page of the household list (issue 3: p95 ≤ 100 ms on 300,000 households), as the page asks for it: the
/// total count and 20 rows, for a county supervisor (the whole county) and a township official (one township).
/// </summary>
public class HouseholdListBenchmarks
{
    private ListHouseholds handler = null!;
    private BenchDatabase database = null!;

    public static IEnumerable<DatabaseProvider> Providers => BenchDatabase.Configured();

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    [Params("County", "Township")]
    public string Scope { get; set; } = "County";

    [GlobalSetup]
    public void Setup()
    {
        database = BenchDatabase.OpenAsync(Provider).GetAwaiter().GetResult();
        handler = new ListHouseholds(new ScopedContextFactory(database, database.Scope(Scope)));
    }

    [Benchmark(Description = "first page")]
    public Task<ListHouseholds.Result> FirstPage() => handler.HandleAsync(new Query());

    [Benchmark(Description = "village")]
    public Task<ListHouseholds.Result> ByVillage() => handler.HandleAsync(new Query { VillageId = database.VillageId });

    [Benchmark(Description = "category + status")]
    public Task<ListHouseholds.Result> ByCategoryAndStatus() =>
        handler.HandleAsync(new Query { Category = PovertyCategory.Dibao, Status = HouseholdStatus.Exited });

    [Benchmark(Description = "exit year")]
    public Task<ListHouseholds.Result> ByExitYear() => handler.HandleAsync(new Query { ExitYear = 2018 });

    [Benchmark(Description = "status descending")]
    public Task<ListHouseholds.Result> SortedByStatusDescending() =>
        handler.HandleAsync(new Query { Sort = ListHouseholds.SortField.Status, Descending = true });

    [Benchmark(Description = "text: household number prefix")]
    public Task<ListHouseholds.Result> TextHouseholdNumber() => handler.HandleAsync(new Query { Text = database.HouseholdNumberPrefix });

    [Benchmark(Description = "text: member name")]
    public Task<ListHouseholds.Result> TextMemberName() => handler.HandleAsync(new Query { Text = database.MemberName });

    [Benchmark(Description = "text: last 4 ID digits")]
    public Task<ListHouseholds.Result> TextResidentIdTail() => handler.HandleAsync(new Query { Text = database.ResidentIdTail });

    [Benchmark(Description = "text: whole ID")]
    public Task<ListHouseholds.Result> TextResidentId() => handler.HandleAsync(new Query { Text = database.ResidentId });

    [Benchmark(Description = "page 500")]
    public Task<ListHouseholds.Result> DeepPage() => handler.HandleAsync(new Query { Page = 500 });
}
