namespace PovertyPortal.Domain.Areas;

/// <summary>
/// The part of the administrative tree a user may see: a whole county, one township or one village.
/// Every query for area-bound data is filtered by it in the data layer.
/// </summary>
public sealed record AreaScope
{
    private AreaScope(bool unrestricted, int? countyId, int? townshipId, int? villageId, int? samplePairId = null)
    {
        Unrestricted = unrestricted;
        CountyId = countyId;
        TownshipId = townshipId;
        VillageId = villageId;
        SamplePairId = samplePairId;
    }

    /// <summary>System tasks (migrations, demo data, the command line) and system administrators.</summary>
    public static AreaScope All { get; } = new(true, null, null, null);

    /// <summary>An anonymous or unscoped user: sees nothing.</summary>
    public static AreaScope None { get; } = new(false, 0, 0, 0);

    public static AreaScope County(int countyId) => new(false, countyId, null, null);

    public static AreaScope Township(int countyId, int townshipId) => new(false, countyId, townshipId, null);

    public static AreaScope Village(int countyId, int townshipId, int villageId) => new(false, countyId, townshipId, villageId);

    /// <summary>
    /// An inspecting group's reach into the township it inspects (issue 17): the households of its pair's sample and
    /// their members, its own answers, findings and photos — nothing else of that township. The group's own township
    /// is not in it: the pages of the inspection open a context of this scope for the work and the user's own one for
    /// the rest.
    /// </summary>
    public static AreaScope Sample(int countyId, int inspectedTownshipId, int inspectionPairId) =>
        new(false, countyId, inspectedTownshipId, null, inspectionPairId);

    public bool Unrestricted { get; }
    public int? CountyId { get; }
    public int? TownshipId { get; }
    public int? VillageId { get; }

    /// <summary>Set for <see cref="Sample"/>: the inspection pair whose sample the scope is narrowed to.</summary>
    public int? SamplePairId { get; }

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
