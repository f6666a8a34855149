namespace PovertyPortal.Web.Features.Areas;

/// <summary>The registry in figures for one area (county, township or village) or one row of a table of areas.</summary>
public sealed record AreaSummary(
    int AreaId,
    string Name,
    int VillageCount,
    int PovertyVillageCount,
    int RegisteredHouseholds,
    int RegisteredPeople,
    int ExitedHouseholds,
    int RemainingHouseholds,
    int MonitoredHouseholds)
{
    public static AreaSummary Empty(int areaId, string name) => new(areaId, name, 0, 0, 0, 0, 0, 0, 0);
}
