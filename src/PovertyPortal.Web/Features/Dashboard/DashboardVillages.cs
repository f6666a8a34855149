using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>
/// The villages of a dashboard view, for the figures counted village by village (a correlated count per village seeks
/// the covering index once per village, where a GROUP BY over the same index walks every entry and evaluates its
/// expressions row by row: several times slower on SQLite). Retired villages are kept, as the grouped queries kept
/// their rows; the scope is repeated as plain equalities beside the context's query filter, as DashboardQuery.Within does.
/// </summary>
public static class DashboardVillages
{
    public static IQueryable<Village> Within(this DashboardQuery query, IQueryable<Village> villages, AreaScope scope)
    {
        if (!scope.Unrestricted)
        {
            if (scope.CountyId is int scopeCounty) villages = villages.Where(v => v.CountyId == scopeCounty);
            if (scope.TownshipId is int scopeTownship) villages = villages.Where(v => v.TownshipId == scopeTownship);
            if (scope.VillageId is int scopeVillage) villages = villages.Where(v => v.Id == scopeVillage);
        }
        if (query.TownshipId is int township) villages = villages.Where(v => v.TownshipId == township);
        if (query.CountyId is int county) villages = villages.Where(v => v.CountyId == county);
        return villages;
    }
}
