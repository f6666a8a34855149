using Microsoft.EntityFrameworkCore;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

/// <summary>
/// The findings of records a rule picked out in memory: names and households read back in pages of ids, by primary key
/// (through the scope filter alone: the area's equalities would lead SQLite to walk the county's index instead).
/// </summary>
internal static class HitsOfIds
{
    private const int Page = 2000;

    public static async Task<IReadOnlyList<DataCheckHit>> OfMembersAsync(DataCheckSource source, List<int> ids, string detail, CancellationToken cancellationToken)
    {
        var hits = new List<DataCheckHit>(ids.Count);
        foreach (var page in ids.Chunk(Page))
        {
            var rows = await source.MembersWithHousehold(source.Db.Members.AsNoTracking().Where(m => page.Contains(m.Id))).ToListAsync(cancellationToken);
            hits.AddRange(rows.Select(r => DataCheckRule.MemberHit(r, detail)));
        }
        return hits;
    }

    /// <summary>Households with a detail of their own each (figures the rule read with them).</summary>
    public static async Task<IReadOnlyList<DataCheckHit>> OfHouseholdsAsync(DataCheckSource source, IReadOnlyDictionary<int, string> details,
        CancellationToken cancellationToken)
    {
        var hits = new List<DataCheckHit>(details.Count);
        foreach (var page in details.Keys.Chunk(Page))
        {
            var rows = await source.HouseholdsWithHead(source.Db.Households.AsNoTracking().Where(h => page.Contains(h.Id))).ToListAsync(cancellationToken);
            hits.AddRange(rows.Select(r => DataCheckRule.HouseholdHit(r, details[r.Id])));
        }
        return hits;
    }
}
