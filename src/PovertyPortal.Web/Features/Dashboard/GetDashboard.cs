using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// One view of the county dashboard: every figure group's grouped query, run side by side (each on its own short-lived
/// context). A figure group added later (income, benefits, assurance, work teams) is one more handler here and one
/// more component on the page; the benchmark measures this whole load.
/// </summary>
public sealed class GetDashboard(
    GetDashboardAreas areas,
    GetRegistryFigures registry,
    GetExitsPerYear exits,
    GetPovertyCauses causes,
    GetMonitoringFigures monitoring,
    GetIncomeFigures income,
    GetBenefitFigures benefits,
    GetMicroloanFigures microloans,
    GetAssuranceFigures assurance,
    GetCollectiveIncomeFigures collectiveIncome,
    GetResidencyFigures residency,
    GetIncomeTrend incomeTrend)
{
    public async Task<Dashboard> HandleAsync(DashboardQuery query, CancellationToken cancellationToken = default)
    {
        // Each query on a thread-pool thread of its own: Microsoft.Data.Sqlite's async methods complete synchronously,
        // so calling the handlers one after another would run SQLite's queries one after another. Longest first, so the
        // cores finish together.
        Task<T> Start<T>(Func<CancellationToken, Task<T>> handle) => Task.Run(() => handle(cancellationToken), cancellationToken);
        var incomeTask = Start(ct => income.HandleAsync(query, ct));
        var registryTask = Start(ct => registry.HandleAsync(query, ct));
        var residencyTask = Start(ct => residency.HandleAsync(query, ct));
        var causesTask = Start(ct => causes.HandleAsync(query, ct));
        var trendTask = Start(ct => incomeTrend.HandleAsync(query, ct));
        var microloanTask = Start(ct => microloans.HandleAsync(query, ct));
        var exitsTask = Start(ct => exits.HandleAsync(query, ct));
        var assuranceTask = Start(ct => assurance.HandleAsync(query, ct));
        var benefitTask = Start(ct => benefits.HandleAsync(query, ct));
        var monitoringTask = Start(ct => monitoring.HandleAsync(query, ct));
        var collectiveTask = Start(ct => collectiveIncome.HandleAsync(query, ct));
        var areaTask = Start(ct => areas.HandleAsync(query, ct));
        await Task.WhenAll(areaTask, registryTask, exitsTask, causesTask, monitoringTask,
            incomeTask, benefitTask, microloanTask, assuranceTask, collectiveTask, residencyTask, trendTask);
        return new Dashboard(query, await areaTask, await registryTask, await exitsTask, await causesTask, await monitoringTask)
        {
            Income = await incomeTask,
            Benefits = await benefitTask,
            Microloans = await microloanTask,
            AssuranceChecked = (await assuranceTask).Checks,
            AssuranceFailing = (await assuranceTask).Failing,
            CollectiveIncome = await collectiveTask,
            Residency = await residencyTask,
            IncomeTrend = await trendTask,
            AssuranceFailingHouseholds = (await assuranceTask).FailingAny,
        };
    }
}

/// <summary>The figures of one dashboard view, with the roll-ups the components read (all from grouped rows, never households).</summary>
public sealed class Dashboard
{
    public Dashboard(
        DashboardQuery query,
        GetDashboardAreas.Result areas,
        IReadOnlyList<GetRegistryFigures.Row> registry,
        IReadOnlyList<GetExitsPerYear.Row> exits,
        IReadOnlyList<GetPovertyCauses.Row> causes,
        IReadOnlyList<GetMonitoringFigures.Row> monitoring)
    {
        Query = query;
        Areas = areas.Areas;
        RowsAreVillages = areas.AreVillages;
        TownshipName = areas.TownshipName;
        Registry = registry;
        ExitsPerYear = exits;
        Causes = causes.OrderByDescending(c => c.Households).ToList();
        Monitoring = monitoring;
    }

    public DashboardQuery Query { get; }

    /// <summary>The year-end snapshot the figures were read from (截至某年末快照); null for the live register.</summary>
    public Domain.Snapshots.YearEndSnapshot? Snapshot { get; init; }
    public IReadOnlyList<GetDashboardAreas.Area> Areas { get; }
    public bool RowsAreVillages { get; }

    /// <summary>The township the rows belong to when they are villages.</summary>
    public string? TownshipName { get; }
    public IReadOnlyList<GetRegistryFigures.Row> Registry { get; }
    public IReadOnlyList<GetExitsPerYear.Row> ExitsPerYear { get; }
    public IReadOnlyList<GetPovertyCauses.Row> Causes { get; }
    public IReadOnlyList<GetMonitoringFigures.Row> Monitoring { get; }

    public IReadOnlyList<GetIncomeFigures.Row> Income { get; init; } = [];
    public IReadOnlyList<GetBenefitFigures.Row> Benefits { get; init; } = [];
    public IReadOnlyList<GetMicroloanFigures.Row> Microloans { get; init; } = [];
    public IReadOnlyList<GetAssuranceFigures.Checked> AssuranceChecked { get; init; } = [];
    public IReadOnlyList<GetAssuranceFigures.Row> AssuranceFailing { get; init; } = [];
    public IReadOnlyList<GetCollectiveIncomeFigures.Row> CollectiveIncome { get; init; } = [];
    public IReadOnlyList<GetResidencyFigures.Row> Residency { get; init; } = [];
    public IReadOnlyList<GetIncomeTrend.Row> IncomeTrend { get; init; } = [];
    public IReadOnlyList<GetAssuranceFigures.FailingHouseholds> AssuranceFailingHouseholds { get; init; } = [];
    public int HouseholdsFailingAssurance => AssuranceFailingHouseholds.Sum(r => r.Households);

    public int BelowLine => Income.Sum(r => r.BelowLine);
    public int NearLine => Income.Sum(r => r.NearLine);
    public int ExitedBelowLine => Income.Sum(r => r.ExitedBelowLine);
    public int IncomeRecorded => Income.Sum(r => r.Recorded);
    public decimal BenefitAmount => Benefits.Sum(b => b.Amount);
    public decimal LoansOutstanding => Microloans.Sum(l => l.Outstanding);
    public decimal LoansOverdue => Microloans.Sum(l => l.Overdue);
    public decimal OverdueRate => Domain.Microloans.MicroloanRules.OverdueRate(LoansOverdue, LoansOutstanding);
    public bool OverdueRateAboveLine => OverdueRate > Domain.Microloans.MicroloanRules.OverdueRateThreshold;
    public int HouseholdsChecked => AssuranceChecked.Sum(c => c.Households);
    public int VillagesBelowCollectiveIndicator => CollectiveIncome.Count(v => v.BelowIndicator);
    public int JudgedWeeks => Residency.Sum(r => r.JudgedWeeks);
    public int KeptWeeks => Residency.Sum(r => r.KeptWeeks);
    public decimal? ResidencyRate => JudgedWeeks == 0 ? null : (decimal)KeptWeeks / JudgedWeeks;

    public int Registered => Registry.Sum(r => r.Registered);
    public int Exited => Registry.Sum(r => r.Exited);
    public int Remaining => Registry.Sum(r => r.Remaining);
    public int RegisteredPeople => Registry.Sum(r => r.People);
    public int Monitored => Monitoring.Sum(m => m.Monitored);
    public int RiskEliminated => Monitoring.Sum(m => m.RiskEliminated);

    /// <summary>The id of the table row a village's figures belong to.</summary>
    public int AreaOf(int townshipId, int villageId) => RowsAreVillages ? villageId : townshipId;
}
