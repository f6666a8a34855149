using PovertyPortal.Domain.Areas;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// What one view of the dashboard asks for: the year whose end the figures describe, and for a county user an optional
/// township to look into (its rows are then villages). A township official's rows are always their villages; the
/// scope filters of the context keep every figure inside the user's area whatever is asked. A user whose scope holds
/// every county (the system administrator) chooses one with <see cref="CountyId"/>.
/// </summary>
public sealed record DashboardQuery(int Year, int? TownshipId = null, int? CountyId = null)
{
    public bool RowsAreVillages(AreaScope scope) => scope.TownshipId is not null || TownshipId is not null;

    /// <summary>
    /// The rows of an area-bound table inside the user's scope and the chosen township, with the scope repeated as
    /// plain equalities so the indexes that lead with CountyId and TownshipId serve every figure (docs/benchmarks.md).
    /// </summary>
    public IQueryable<T> Within<T>(IQueryable<T> rows, AreaScope scope) where T : IAreaBound
    {
        rows = ListHouseholds.WithScopeColumns(rows, scope);
        if (TownshipId is int township) rows = rows.Where(e => e.TownshipId == township);
        if (CountyId is int county) rows = rows.Where(e => e.CountyId == county);
        return rows;
    }

    /// <summary>
    /// The villages of the view, for the figures counted village by village (a correlated count per village seeks the
    /// covering index once per village, where a GROUP BY walks every entry and evaluates its expressions row by row:
    /// several times slower on SQLite). The same rule as for area-bound rows; a village is its own VillageId. Retired
    /// villages are kept, as the grouped queries kept their rows.
    /// </summary>
    public IQueryable<Village> Within(IQueryable<Village> villages, AreaScope scope)
    {
        if (!scope.Unrestricted)
        {
            if (scope.CountyId is int scopeCounty) villages = villages.Where(v => v.CountyId == scopeCounty);
            if (scope.TownshipId is int scopeTownship) villages = villages.Where(v => v.TownshipId == scopeTownship);
            if (scope.VillageId is int scopeVillage) villages = villages.Where(v => v.Id == scopeVillage);
        }
        if (TownshipId is int township) villages = villages.Where(v => v.TownshipId == township);
        if (CountyId is int county) villages = villages.Where(v => v.CountyId == county);
        return villages;
    }
}

