using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Support;

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

        var householdIds = lines.Select(l => l.HouseholdId).Distinct().ToList();
        var households = await db.Households.Where(h => h.VillageId == villageId)
            .Select(h => new { h.Id, h.HouseholdNumber }).ToDictionaryAsync(h => h.Id, h => h.HouseholdNumber, cancellationToken);
        var members = await db.Members.Where(m => m.VillageId == villageId && m.BirthDate <= end && (!m.IsDeceased || m.DeceasedOn >= start))
            .Select(m => new { m.Id, m.HouseholdId, m.Name, m.Relationship }).ToListAsync(cancellationToken);
        var membersOf = members.ToLookup(m => m.HouseholdId, m => m.Id);
        var heads = members.Where(m => m.Relationship == Relationship.Head).GroupBy(m => m.HouseholdId)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Id).First().Name);

        HashSet<int> People(IEnumerable<Line> of) =>
            of.SelectMany(l => l.MemberId is int m ? [m] : membersOf[l.HouseholdId]).ToHashSet();

        var sums = lines.GroupBy(l => l.ProgramId).Select(g =>
        {
            var program = programs[g.Key];
            var receivers = g.Select(l => l.HouseholdId).Distinct()
                .OrderBy(id => households.GetValueOrDefault(id, ""), StringComparer.Ordinal).ToList();
            var quantities = g.Where(l => l.Quantity is not null).ToList();
            return new
            {
                Program = program,
                Lines = g.ToList(),
                Sum = new ProgramBenefitSum(program.Group, program.Code, program.Name, receivers.Count, People(g).Count, g.Sum(l => l.Amount),
                    quantities.Count == 0 ? null : quantities.Sum(l => l.Quantity!.Value),
                    quantities.Select(l => l.Unit).FirstOrDefault(u => u is not null) ?? (quantities.Count == 0 ? null : program.Unit),
                    receivers.Select(id => heads.GetValueOrDefault(id)).OfType<string>().Take(3).ToList()),
            };
        }).ToList();

        var groups = sums.GroupBy(s => s.Program.Group).OrderBy(g => g.Key).Select(g =>
        {
            var all = g.SelectMany(s => s.Lines).ToList();
            var programsInOrder = g.OrderBy(s => s.Program.SortOrder).ThenBy(s => s.Program.Id).Select(s => s.Sum).ToList();
            return new GroupBenefitSum(g.Key, g.Key.Label(), all.Select(l => l.HouseholdId).Distinct().Count(), People(all).Count,
                all.Sum(l => l.Amount), programsInOrder);
        }).ToList();
        return new VillageBenefitSums(villageId, village, year, groups);
    }
}
