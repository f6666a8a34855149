using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Microloans;

namespace PovertyPortal.Web.Features.Microloans;

/// <summary>
/// The microloans of a village (or of everything in scope) on a day, with their status, and the overdue rates of the
/// village and of its township against the 0.5% line (逾期率 = overdue balance / outstanding balance).
/// </summary>
public sealed class ListMicroloans(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(Microloan Loan, string HouseholdNumber, string? HeadName, MicroloanStatus Status);

    public sealed record Rate(string Area, decimal Outstanding, decimal Overdue, int Loans, int OverdueLoans)
    {
        public decimal Value => MicroloanRules.OverdueRate(Overdue, Outstanding);
        public bool AboveThreshold => Value > MicroloanRules.OverdueRateThreshold;
    }

    public sealed record Result(IReadOnlyList<Row> Loans, Rate Village, Rate? Township);

    public async Task<Result> HandleAsync(int villageId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.Where(v => v.Id == villageId).Select(v => new { v.Name, v.TownshipId, Township = v.Township!.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (village is null) return new Result([], new Rate("", 0, 0, 0, 0), null);

        var loans = await db.Microloans.AsNoTracking().Where(l => l.VillageId == villageId && l.StartDate <= asOf)
            .OrderBy(l => l.StartDate).ToListAsync(cancellationToken);
        var ids = loans.Select(l => l.HouseholdId).Distinct().ToList();
        var numbers = await db.Households.Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.HouseholdNumber, cancellationToken);
        var heads = await db.Members.Where(m => ids.Contains(m.HouseholdId) && m.Relationship == Relationship.Head)
            .Select(m => new { m.HouseholdId, m.Name }).ToListAsync(cancellationToken);
        var headOf = heads.GroupBy(h => h.HouseholdId).ToDictionary(g => g.Key, g => g.First().Name);
        var rows = loans.Select(l => new Row(l, numbers.GetValueOrDefault(l.HouseholdId, ""), headOf.GetValueOrDefault(l.HouseholdId),
            MicroloanRules.StatusOn(l.Principal, l.Repaid, l.DueDate, asOf))).ToList();

        // The township's rate in the database: the user may see only part of it (a village user sees only their village).
        var township = await RateAsync(db.Microloans.Where(l => l.TownshipId == village.TownshipId), village.Township, asOf, cancellationToken);
        var own = await RateAsync(db.Microloans.Where(l => l.VillageId == villageId), village.Name, asOf, cancellationToken);
        return new Result(rows, own, township);
    }

    public static async Task<Rate> RateAsync(IQueryable<Microloan> loans, string area, DateOnly asOf, CancellationToken cancellationToken)
    {
        var open = loans.Where(l => l.StartDate <= asOf && l.Repaid < l.Principal);
        var totals = await open.GroupBy(_ => 1).Select(g => new
        {
            Outstanding = g.Sum(l => l.Principal - l.Repaid),
            Overdue = g.Sum(l => l.DueDate < asOf ? l.Principal - l.Repaid : 0),
            Loans = g.Count(),
            OverdueLoans = g.Count(l => l.DueDate < asOf),
        }).SingleOrDefaultAsync(cancellationToken);
        return totals is null ? new Rate(area, 0, 0, 0, 0) : new Rate(area, totals.Outstanding, totals.Overdue, totals.Loans, totals.OverdueLoans);
    }
}
