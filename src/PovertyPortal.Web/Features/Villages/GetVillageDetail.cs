using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.Areas;

namespace PovertyPortal.Web.Features.Villages;

/// <summary>
/// One village as its page shows it: profile, registry in figures, work teams. Returns null when the village
/// does not exist or lies outside the user's scope (the query filter hides it), and the page says 无权访问.
/// </summary>
public sealed class GetVillageDetail(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Result(
        int Id, string Name, string AdminCode, string TownshipName, string CountyName,
        bool IsPovertyVillage, int? PovertyExitYear,
        VillageProfile? Profile,
        int RegisteredHouseholds, int RegisteredPeople,
        IReadOnlyList<CountRow> ByCategory, IReadOnlyList<CountRow> ByCause,
        CountRow Relocated, IReadOnlyList<ExitRow> ExitsByYear, CountRow Remaining,
        IReadOnlyList<TeamRow> WorkTeams);

    public sealed record CountRow(string Label, int Households, int People);

    public sealed record ExitRow(int Year, int Households, int People);

    public sealed record TeamRow(string DispatchingUnit, string? AppointedBy, DateOnly StartDate, DateOnly? EndDate,
        IReadOnlyList<string> Members);

    public async Task<Result?> HandleAsync(int villageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.Where(v => v.Id == villageId)
            .Select(v => new { v.Id, v.Name, v.AdminCode, Township = v.Township!.Name, County = v.Township.County!.Name, v.IsPovertyVillage, v.PovertyExitYear })
            .FirstOrDefaultAsync(cancellationToken);
        if (village is null) return null;

        var profile = await db.VillageProfiles.AsNoTracking().Where(p => p.VillageId == villageId)
            .OrderByDescending(p => p.Year).FirstOrDefaultAsync(cancellationToken);

        // One row per registered household with its living-member count; a village has hundreds, not millions.
        var households = await db.Households.Where(h => h.VillageId == villageId).Where(GetAreaSummaries.IsRegisteredPoor)
            .Select(h => new
            {
                h.Id,
                h.Category,
                h.PrimaryCause,
                h.IsRelocated,
                h.Status,
                h.ExitYear,
                People = h.Members.Count(m => !m.IsDeceased),
            })
            .ToListAsync(cancellationToken);

        static CountRow Row<T>(string label, IEnumerable<T> rows, Func<T, int> people)
        {
            var list = rows.ToList();
            return new CountRow(label, list.Count, list.Sum(people));
        }

        var byCategory = Enum.GetValues<PovertyCategory>()
            .Select(c => Row(c.Label(), households.Where(h => h.Category == c), h => h.People))
            .Where(r => r.Households > 0).ToList();
        var byCause = households.Where(h => h.PrimaryCause is not null)
            .GroupBy(h => h.PrimaryCause!.Value)
            .OrderByDescending(g => g.Count())
            .Select(g => Row($"{g.Key.Label()}致贫", g, h => h.People)).ToList();
        // From the status history, so an exit still counts in its year when the household later returned (返贫).
        var exitSteps = await db.HouseholdStatusChanges
            .Where(s => s.VillageId == villageId && s.Status == HouseholdStatus.Exited)
            .Select(s => new { s.Year, s.HouseholdId })
            .ToListAsync(cancellationToken);
        var peopleOf = households.ToDictionary(h => h.Id, h => h.People);
        var exits = exitSteps.DistinctBy(s => (s.Year, s.HouseholdId)).GroupBy(s => s.Year).OrderBy(g => g.Key)
            .Select(g => new ExitRow(g.Key, g.Count(), g.Sum(s => peopleOf.GetValueOrDefault(s.HouseholdId))))
            .ToList();

        var teams = await db.WorkTeams.Where(t => t.VillageId == villageId).OrderBy(t => t.StartDate)
            .Select(t => new
            {
                t.DispatchingUnit,
                t.AppointedBy,
                t.StartDate,
                t.EndDate,
                Members = t.Members.OrderBy(m => m.Role).Select(m => new { m.Role, m.Name }).ToList(),
            })
            .ToListAsync(cancellationToken);

        return new Result(
            village.Id, village.Name, village.AdminCode, village.Township, village.County,
            village.IsPovertyVillage, village.PovertyExitYear, profile,
            households.Count, households.Sum(h => h.People),
            byCategory, byCause,
            Row("易地搬迁", households.Where(h => h.IsRelocated), h => h.People),
            exits,
            Row("未脱贫", households.Where(h => h.Status != HouseholdStatus.Exited), h => h.People),
            teams.Select(t => new TeamRow(t.DispatchingUnit, t.AppointedBy, t.StartDate, t.EndDate,
                t.Members.Select(m => $"{m.Role.Label()}：{m.Name}").ToList())).ToList());
    }
}
