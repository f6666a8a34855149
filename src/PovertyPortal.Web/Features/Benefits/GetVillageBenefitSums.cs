using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.Benefits;

/// <summary>One program's line of 三、政策落实情况: "以刘袖珍等52户74人 … 共计92690元".</summary>
/// <param name="People">Members named on member-level records, plus every member (living in the year) of households
/// that received a household-level benefit; each person counted once.</param>
/// <param name="Quantity">Sum of the quantities, when the records give one (亩, 个月); null otherwise.</param>
/// <param name="ExampleHeads">Up to three heads of receiving households, in household-number order.</param>
public sealed record ProgramBenefitSum(
    BenefitGroup Group, string ProgramCode, string ProgramName, int Households, int People, decimal Amount,
    decimal? Quantity, string? Unit, IReadOnlyList<string> ExampleHeads);

/// <summary>A group's totals (each household and person counted once across its programs).</summary>
public sealed record GroupBenefitSum(BenefitGroup Group, string Label, int Households, int People, decimal Amount, IReadOnlyList<ProgramBenefitSum> Programs);

/// <summary>What the annual report (issue 7) needs about a village's benefits in a year, as plain data.</summary>
public sealed record VillageBenefitSums(int VillageId, string VillageName, int Year, IReadOnlyList<GroupBenefitSum> Groups)
{
    public decimal TotalAmount => Groups.Sum(g => g.Amount);
}

/// <summary>
/// The per-village, per-year benefit sums: households and people per program, amounts, quantities and example heads.
/// Microloans count under 金融扶贫 as the loans outstanding in the year (amount = principal). A handful of queries on
/// the (VillageId, Year) indexes, then grouping in memory: a village's year is a few thousand rows at most.
/// </summary>
public sealed class GetVillageBenefitSums(IDbContextFactory<PortalDbContext> dbFactory)
{
    private sealed record Line(int ProgramId, int HouseholdId, int? MemberId, decimal Amount, decimal? Quantity, string? Unit);

    public async Task<VillageBenefitSums?> HandleAsync(int villageId, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.Where(v => v.Id == villageId).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken);
        if (village is null) return null;

        var lines = await db.BenefitRecords.Where(r => r.VillageId == villageId && r.Year == year)
            .Select(r => new Line(r.ProgramId, r.HouseholdId, r.MemberId, r.Amount, r.Quantity, r.Unit))
            .ToListAsync(cancellationToken);
        var programs = await db.BenefitPrograms.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);

        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var loans = await db.Microloans.Where(l => l.VillageId == villageId && l.StartDate <= end
                && (l.Repaid < l.Principal || l.LastRepaidOn == null || l.LastRepaidOn >= start))
            .Select(l => new { l.HouseholdId, l.Principal }).ToListAsync(cancellationToken);
        var microloan = programs.Values.FirstOrDefault(p => p.Code == BenefitLabels.MicroloanCode);
        if (microloan is not null) lines.AddRange(loans.Select(l => new Line(microloan.Id, l.HouseholdId, null, l.Principal, null, null)));
        if (lines.Count == 0) return new VillageBenefitSums(villageId, village, year, []);

        var households = await db.Households.Where(h => h.VillageId == villageId)
            .Select(h => new { h.Id, h.HouseholdNumber }).ToDictionaryAsync(h => h.Id, h => h.HouseholdNumber, cancellationToken);
        // Living members per household, counted in the database (members are indexed by household, not by village).
        var villageHouseholds = db.Households.Where(h => h.VillageId == villageId).Select(h => h.Id);
        var living = await db.Members
            .Where(m => villageHouseholds.Contains(m.HouseholdId) && m.BirthDate <= end && (!m.IsDeceased || m.DeceasedOn >= start))
            .GroupBy(m => m.HouseholdId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        // A household-level benefit counts every living member once; named members of other households add themselves.
        int People(IEnumerable<Line> of)
        {
            var whole = of.Where(l => l.MemberId is null).Select(l => l.HouseholdId).ToHashSet();
            var named = of.Where(l => l.MemberId is not null && !whole.Contains(l.HouseholdId)).Select(l => l.MemberId).Distinct().Count();
            return whole.Sum(h => living.GetValueOrDefault(h)) + named;
        }

        var receivers = lines.GroupBy(l => l.ProgramId).ToDictionary(g => g.Key, g => g.Select(l => l.HouseholdId).Distinct()
            .OrderBy(id => households.GetValueOrDefault(id, ""), StringComparer.Ordinal).ToList());
        var examples = receivers.Values.SelectMany(r => r.Take(3)).Distinct().ToList();
        var heads = (await db.Members.Where(m => examples.Contains(m.HouseholdId) && m.Relationship == Relationship.Head)
                .Select(m => new { m.HouseholdId, m.Id, m.Name }).ToListAsync(cancellationToken))
            .GroupBy(m => m.HouseholdId).ToDictionary(g => g.Key, g => g.MinBy(m => m.Id)!.Name);

        var sums = lines.GroupBy(l => l.ProgramId).Select(g =>
        {
            var program = programs[g.Key];
            var quantities = g.Where(l => l.Quantity is not null).ToList();
            return new
            {
                Program = program,
                Lines = g.ToList(),
                Sum = new ProgramBenefitSum(program.Group, program.Code, program.Name, receivers[g.Key].Count, People(g), g.Sum(l => l.Amount),
                    quantities.Count == 0 ? null : quantities.Sum(l => l.Quantity!.Value),
                    quantities.Select(l => l.Unit).FirstOrDefault(u => u is not null) ?? (quantities.Count == 0 ? null : program.Unit),
                    receivers[g.Key].Take(3).Select(id => heads.GetValueOrDefault(id)).OfType<string>().ToList()),
            };
        }).ToList();

        var groups = sums.GroupBy(s => s.Program.Group).OrderBy(g => g.Key).Select(g =>
        {
            var all = g.SelectMany(s => s.Lines).ToList();
            var programsInOrder = g.OrderBy(s => s.Program.SortOrder).ThenBy(s => s.Program.Id).Select(s => s.Sum).ToList();
            return new GroupBenefitSum(g.Key, g.Key.Label(), all.Select(l => l.HouseholdId).Distinct().Count(), People(all),
                all.Sum(l => l.Amount), programsInOrder);
        }).ToList();
        return new VillageBenefitSums(villageId, village, year, groups);
    }
}
