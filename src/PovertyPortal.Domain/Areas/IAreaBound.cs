namespace PovertyPortal.Domain.Areas;

/// <summary>Rows that belong to one village and carry its township and county, so scope checks need no joins.</summary>
public interface IAreaBound
{
    int CountyId { get; }
    int TownshipId { get; }
    int VillageId { get; }
}
