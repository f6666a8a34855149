using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Web.Features.YearLocks;

/// <summary>
/// The townships of one county × its years (the first work year to this year, newest first) with each year's lock: the
/// county's townships for a county supervisor, their own township only for a township official (the query filters).
/// </summary>
public sealed class ListYearLocks(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public sealed record CountyRef(int Id, string Name);

    public sealed record TownshipRef(int Id, string Name);

    public sealed record Result(IReadOnlyList<CountyRef> Counties, int? CountyId, IReadOnlyList<TownshipRef> Townships,
        IReadOnlyList<int> Years, IReadOnlyDictionary<(int TownshipId, int Year), YearLock> Locks)
    {
        public YearLock? this[int townshipId, int year] => Locks.GetValueOrDefault((townshipId, year));

        public bool IsLocked(int townshipId, int year) => this[townshipId, year]?.IsLocked == true;
    }

    public async Task<Result> HandleAsync(int? countyId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counties = await db.Counties.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.AdminCode)
            .Select(c => new CountyRef(c.Id, c.Name)).ToListAsync(cancellationToken);
        var county = counties.FirstOrDefault(c => c.Id == countyId) ?? counties.FirstOrDefault();
        var years = Enumerable.Range(PortalYears.FirstWorkYear, PortalYears.ThisYear(clock) - PortalYears.FirstWorkYear + 1).Reverse().ToList();
        if (county is null) return new Result(counties, null, [], years, new Dictionary<(int, int), YearLock>());

        var townships = await db.Townships.AsNoTracking().Where(t => t.CountyId == county.Id && !t.IsRetired).OrderBy(t => t.AdminCode)
            .Select(t => new TownshipRef(t.Id, t.Name)).ToListAsync(cancellationToken);
        var locks = await db.YearLocks.AsNoTracking().Where(l => l.CountyId == county.Id).ToListAsync(cancellationToken);
        return new Result(counties, county.Id, townships, years, locks.ToDictionary(l => (l.TownshipId, l.Year)));
    }
}
