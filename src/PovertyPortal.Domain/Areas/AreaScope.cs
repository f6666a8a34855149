namespace PovertyPortal.Domain.Areas;

/// <summary>
/// The part of the administrative tree a user may see: a whole county, one township or one village.
/// Every query for area-bound data is filtered by it in the data layer.
/// </summary>
public sealed record AreaScope
{
    private AreaScope(bool unrestricted, int? countyId, int? townshipId, int? villageId)
    {
        Unrestricted = unrestricted;
        CountyId = countyId;
        TownshipId = townshipId;
        VillageId = villageId;
    }

    /// <summary>System tasks (migrations, demo data, the command line) and system administrators.</summary>
    public static AreaScope All { get; } = new(true, null, null, null);

    /// <summary>An anonymous or unscoped user: sees nothing.</summary>
    public static AreaScope None { get; } = new(false, 0, 0, 0);

    public static AreaScope County(int countyId) => new(false, countyId, null, null);

    public static AreaScope Township(int countyId, int townshipId) => new(false, countyId, townshipId, null);

    public static AreaScope Village(int countyId, int townshipId, int villageId) => new(false, countyId, townshipId, villageId);

    public bool Unrestricted { get; }
    public int? CountyId { get; }
    public int? TownshipId { get; }
    public int? VillageId { get; }

    public AreaLevel Level => Unrestricted ? AreaLevel.All
        : VillageId is not null ? AreaLevel.Village
        : TownshipId is not null ? AreaLevel.Township
        : AreaLevel.County;

    public bool IsNone => this == None;

    /// <summary>True when every area of <paramref name="other"/> is also inside this scope.</summary>
    public bool Contains(AreaScope other)
    {
        if (Unrestricted) return true;
        if (other.Unrestricted || IsNone || other.IsNone) return false;
        return CountyId == other.CountyId
            && (TownshipId is null || TownshipId == other.TownshipId)
            && (VillageId is null || VillageId == other.VillageId);
    }

    public bool Contains(int countyId, int? townshipId, int? villageId) =>
        Unrestricted || (!IsNone
            && CountyId == countyId
            && (TownshipId is null || TownshipId == townshipId)
            && (VillageId is null || VillageId == villageId));
}

public enum AreaLevel
{
    All,
    County,
    Township,
    Village,
}
