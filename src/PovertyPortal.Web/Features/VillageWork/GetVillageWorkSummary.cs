using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.WorkTeams;

namespace PovertyPortal.Web.Features.VillageWork;

/// <summary>
/// The village's work in one year as plain records, for 四、主要做法 and 五、取得主要成效 of the performance report:
/// work-log counts by type, projects (completed by the end of the year, summed by type and unit), that year's
/// industries, collective income by source with the 50,000 元 indicator, and the teams' 五天四夜 compliance.
/// Null when the village is outside the user's scope.
/// </summary>
public sealed class GetVillageWorkSummary(IDbContextFactory<PortalDbContext> dbFactory, CountWorkLogs countWorkLogs, GetTeamCompliance getCompliance)
{
    public sealed record Result(
        int VillageId, int Year,
        IReadOnlyList<CountWorkLogs.Count> WorkLogs,
        IReadOnlyList<ProjectSum> Projects,
        IReadOnlyList<ProjectRow> ProjectsCompletedInYear,
        IReadOnlyList<IndustryRow> Industries,
        int IndustryHouseholds,
        CollectiveIncome Income,
        GetTeamCompliance.Result Compliance);

    /// <summary>Completed projects of one type and unit up to the end of the year: "修通水泥路7.8公里".</summary>
    public sealed record ProjectSum(ProjectType Type, string TypeLabel, QuantityUnit? Unit, string? UnitLabel, int Projects, decimal Quantity, decimal Investment);

    public sealed record ProjectRow(int Id, ProjectType Type, string Name, decimal? Quantity, QuantityUnit? Unit, decimal? Investment, DateOnly? CompletionDate);

    public sealed record IndustryRow(IndustryKind Kind, string Name, decimal Quantity, QuantityUnit Unit, string UnitLabel, int? Households);

    public sealed record IncomeRow(string Source, decimal Amount, bool IsStableOperating);

    public sealed record CollectiveIncome(IReadOnlyList<IncomeRow> Sources, decimal Total, decimal StableOperating)
    {
        public bool MeetsIndicator => StableOperating >= CollectiveIncomeEntry.Indicator;
    }

    public async Task<Result?> HandleAsync(int villageId, int year, CancellationToken cancellationToken = default)
    {
        var compliance = await getCompliance.HandleAsync(villageId, year, cancellationToken);
        if (compliance is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var yearEnd = new DateOnly(year, 12, 31);
        var completed = await db.VillageProjects.AsNoTracking()
            .Where(p => p.VillageId == villageId && p.Status == ProjectStatus.Completed && p.CompletionDate <= yearEnd)
            .Select(p => new ProjectRow(p.Id, p.Type, p.Name, p.Quantity, p.Unit, p.Investment, p.CompletionDate))
            .ToListAsync(cancellationToken);
        var sums = completed.GroupBy(p => (p.Type, p.Unit)).OrderBy(g => g.Key.Type).ThenBy(g => g.Key.Unit)
            .Select(g => new ProjectSum(g.Key.Type, g.Key.Type.Label(), g.Key.Unit, g.Key.Unit?.Label(), g.Count(),
                g.Sum(p => p.Quantity ?? 0), g.Sum(p => p.Investment ?? 0)))
            .ToList();
        var industries = await db.IndustryRecords.AsNoTracking().Where(i => i.VillageId == villageId && i.Year == year)
            .OrderBy(i => i.Kind).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var income = await IncomeOfAsync(db, villageId, year, cancellationToken);
        return new Result(villageId, year,
            await countWorkLogs.HandleAsync(villageId, year, cancellationToken),
            sums,
            completed.Where(p => p.CompletionDate!.Value.Year == year).OrderBy(p => p.CompletionDate).ToList(),
            industries.Select(i => new IndustryRow(i.Kind, i.Name, i.Quantity, i.Unit, i.Unit.Label(), i.Households)).ToList(),
            industries.Sum(i => i.Households ?? 0),
            income,
            compliance);
    }

    public static async Task<CollectiveIncome> IncomeOfAsync(PortalDbContext db, int villageId, int year, CancellationToken cancellationToken)
    {
        // Summed here, not in SQL: SQLite cannot aggregate decimals, and a village has a handful of sources.
        var rows = await db.CollectiveIncomeEntries.AsNoTracking().Where(e => e.VillageId == villageId && e.Year == year)
            .OrderByDescending(e => e.Amount).Select(e => new IncomeRow(e.Source, e.Amount, e.IsStableOperating)).ToListAsync(cancellationToken);
        return new CollectiveIncome(rows, rows.Sum(r => r.Amount), rows.Where(r => r.IsStableOperating).Sum(r => r.Amount));
    }
}
